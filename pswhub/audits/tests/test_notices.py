"""People are told what concerns them about audits: the worker when an audit of their case starts
and is complete, an action's owner when they are given it; and their home page lists what is
theirs to act on, the head of service's included."""

from datetime import date

import pytest
from django.urls import reverse

from pswhub.audits import notices, services
from pswhub.audits.tests.factories import draft_audit, grade, tool
from pswhub.core.attention import attention_for
from pswhub.core.models import Notification, StaffMember

pytestmark = pytest.mark.django_db


def told(user):
    return [(notification.kind, notification.subject) for notification in Notification.objects.filter(recipient=user)]


def test_the_worker_is_told_when_an_audit_of_their_case_starts_and_when_it_is_complete(
    settings, auditor, north_team, north_worker
):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    audit = services.audit_start(
        tool=tool(),
        case_reference="CR-4471",
        team=north_team,
        started_by=auditor,
        worker=StaffMember.objects.get(user=north_worker),
    )
    assert told(north_worker) == [("audit_started", notices.AUDIT_STARTED.format(reference="CR-4471"))]
    assert Notification.objects.get(recipient=north_worker).link.endswith(reverse("audits:detail", args=[audit.pk]))
    services.audit_save_draft(audit=audit, changed_by=auditor, overall_grade=grade("good"))
    services.audit_submit(audit=audit, submitted_by=auditor)
    assert ("audit_completed", notices.AUDIT_COMPLETED.format(reference="CR-4471")) in told(north_worker)
    # The auditor, who did it, is not told about their own work.
    assert told(auditor) == []


def test_the_owner_of_an_action_is_told_unless_they_gave_it_to_themselves(north_manager, north_team, auditor):
    audit = draft_audit(team=north_team, auditor=auditor, case_reference="CR-9")
    services.audit_action_create(
        audit=audit,
        description="Update the chronology",
        due_on=date(2026, 9, 1),
        created_by=auditor,
        owner=north_manager,
    )
    assert told(north_manager) == [("audit_action", "An action from the audit of case CR-9")]
    assert "due on 1 September 2026" in Notification.objects.get(recipient=north_manager).text
    services.audit_action_create(
        audit=audit, description="Visit", due_on=date(2026, 9, 1), created_by=north_manager, owner=north_manager
    )
    assert len(told(north_manager)) == 1


def test_an_owner_who_cannot_open_the_audit_is_not_sent_a_link_to_it(north_team, auditor, south_worker):
    audit = draft_audit(team=north_team, auditor=auditor)
    services.audit_action_create(
        audit=audit, description="x", due_on=date(2026, 9, 1), created_by=auditor, owner=south_worker
    )
    assert told(south_worker) == []


def test_the_workers_home_page_lists_audits_of_their_cases_and_actions_given_to_them(
    client, north_worker, north_team, auditor
):
    worker_record = StaffMember.objects.get(user=north_worker)
    audit = draft_audit(team=north_team, auditor=auditor, worker=worker_record)
    services.audit_action_create(
        audit=audit, description="Update the plan", due_on=date(2026, 9, 1), created_by=auditor, owner=north_worker
    )
    items = {item.title: item for item in attention_for(north_worker)}
    assert items["Audits of your cases in progress"].count == 1
    assert items["Audit actions you have been given"].count == 1
    client.force_login(north_worker)
    mine = client.get(items["Audits of your cases in progress"].href).content.decode()
    assert audit.case_reference in mine


def test_another_workers_audits_are_not_on_my_home_page(north_worker, south_worker, north_team, auditor):
    draft_audit(team=north_team, auditor=auditor, worker=StaffMember.objects.get(user=north_worker))
    titles = [item.title for item in attention_for(south_worker)]
    assert "Audits of your cases in progress" not in titles


def test_the_head_of_service_is_told_of_open_risk_flags(head_of_service, north_team, auditor):
    audit = draft_audit(team=north_team, auditor=auditor)
    services.risk_flag_raise(audit=audit, raised_by=auditor, description="No visit for 8 weeks")
    items = {item.title: item.count for item in attention_for(head_of_service)}
    assert items["Risk flags not yet acknowledged"] == 1
