from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from pswhub.core.models import PersonalRecordView, RetentionPurge, StaffMember
from pswhub.core.retention import SIX_YEARS, purge_expired
from pswhub.core.tests.factories import StaffMemberFactory

pytestmark = pytest.mark.django_db


def removed(results, key):
    return next(line["removed"] for line in results if line["rule"].key == key)


def later(days):
    return timezone.now() + timedelta(days=days)


def test_the_log_of_record_views_is_kept_for_six_years_then_purged(psw):
    staff = StaffMemberFactory()
    PersonalRecordView.objects.create(viewer=psw, staff_member=staff, path="/staff/1/")

    assert removed(purge_expired(now=later(SIX_YEARS - 1)), "record_views") == 0
    assert PersonalRecordView.objects.count() == 1

    assert removed(purge_expired(now=later(SIX_YEARS + 1)), "record_views") == 1
    assert not PersonalRecordView.objects.exists()


def test_a_dry_run_counts_but_removes_nothing_and_records_nothing(psw):
    PersonalRecordView.objects.create(viewer=psw, staff_member=StaffMemberFactory(), path="/staff/1/")

    results = purge_expired(dry_run=True, now=later(SIX_YEARS + 1))

    assert removed(results, "record_views") == 1
    assert PersonalRecordView.objects.count() == 1
    assert not RetentionPurge.objects.exists()


def test_old_versions_of_records_go_and_the_records_themselves_stay(psw):
    staff = StaffMemberFactory(first_name="Ada")
    staff.first_name = "Ade"
    staff.save()
    assert staff.history.count() == 2

    purge_expired(now=later(SIX_YEARS + 1))

    assert StaffMember.objects.get(pk=staff.pk).first_name == "Ade"
    assert staff.history.count() == 0
    assert RetentionPurge.objects.get(rule="change_history").removed >= 2


def test_a_council_sets_its_own_period(psw, settings):
    settings.PSWHUB_RETENTION = {"record_views": 30}
    PersonalRecordView.objects.create(viewer=psw, staff_member=StaffMemberFactory(), path="/staff/1/")

    assert removed(purge_expired(now=later(29)), "record_views") == 0
    assert removed(purge_expired(now=later(31)), "record_views") == 1


def test_expired_sessions_are_removed_and_live_ones_kept():
    expired, live = SessionStore(), SessionStore()
    expired.set_expiry(-60)
    expired.create()
    live.create()

    assert removed(purge_expired(), "sessions") == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


def test_the_command_says_what_it_would_remove_under_each_rule(psw, capsys):
    PersonalRecordView.objects.create(viewer=psw, staff_member=StaffMemberFactory(), path="/staff/1/")

    call_command("purge_expired", "--dry-run")

    out = capsys.readouterr().out
    assert "record_views: kept 2192 days; would remove 0 from before" in out
    assert "hr_extract_files: kept 90 days" in out
    assert PersonalRecordView.objects.count() == 1
