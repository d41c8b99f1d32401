"""Nothing lost: every change to a record is kept with who, when and what; views of personal
records are logged and the log cannot be changed."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from pswhub.core import services
from pswhub.core.models import AppendOnlyError, PersonalRecordView, StaffMember
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory


def test_a_change_to_a_staff_record_is_kept_with_who_and_what(hr_officer, north_worker):
    record = StaffMember.objects.get(user=north_worker)
    services.staff_member_update(staff_member=record, changed_by=hr_officer, job_title="Senior Social Worker")
    latest = record.history.first()
    assert latest.history_user == hr_officer
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("job_title", "Social Worker", "Senior Social Worker")]


def test_the_history_page_shows_the_change_to_those_who_may_see_the_record(
    client, hr_officer, north_manager, north_worker, south_worker
):
    record = StaffMember.objects.get(user=south_worker)
    services.staff_member_update(staff_member=record, changed_by=hr_officer, job_title="Advanced Practitioner")
    client.force_login(hr_officer)
    page = client.get(reverse("core:history")).content.decode()
    assert "Advanced Practitioner" in page
    assert hr_officer.display_name in page
    client.force_login(north_manager)
    assert "Advanced Practitioner" not in client.get(reverse("core:history")).content.decode()


def test_bulk_writes_keep_a_history_row_for_every_record(db, hr_officer):
    team = TeamFactory()
    new = [StaffMember(employee_number=f"B{n}", first_name="Bulk", last_name=f"Person{n}", team=team) for n in range(3)]
    services.staff_members_bulk_save(new=new, changed_by=hr_officer)
    assert StaffMember.history.filter(history_type="+", employee_number__startswith="B").count() == 3
    changed = list(StaffMember.objects.filter(employee_number__startswith="B"))
    for person in changed:
        person.job_title = "Social Worker"
    services.staff_members_bulk_save(changed=changed, changed_fields=["job_title"], changed_by=hr_officer)
    updates = StaffMember.history.filter(history_type="~", employee_number__startswith="B")
    assert updates.count() == 3
    assert {row.history_user for row in updates} == {hr_officer}


def test_role_changes_to_an_account_are_kept(admin_user, north_worker):
    services.user_update(
        user=north_worker,
        changed_by=admin_user,
        first_name=north_worker.first_name,
        last_name=north_worker.last_name,
        email="",
        is_active=True,
        role_codes=["social_worker", "auditor"],
        managed_teams=[],
        staff_member=StaffMember.objects.get(user=north_worker),
    )
    latest = north_worker.history.first()
    assert latest.history_user == admin_user
    assert {row.role_id for row in latest.roles.all()} == {"social_worker", "auditor"}


def test_opening_a_staff_record_is_logged(client, psw, north_worker):
    record = StaffMember.objects.get(user=north_worker)
    client.force_login(psw)
    client.get(reverse("core:staff_detail", args=[record.pk]))
    view = PersonalRecordView.objects.get()
    assert (view.viewer, view.staff_member) == (psw, record)


def test_the_psw_sees_who_viewed_a_record_but_a_manager_does_not(client, psw, north_manager, north_worker):
    record = StaffMember.objects.get(user=north_worker)
    client.force_login(north_manager)
    page = client.get(reverse("core:staff_detail", args=[record.pk])).content.decode()
    assert "Who has viewed this record" not in page
    client.force_login(psw)
    page = client.get(reverse("core:staff_detail", args=[record.pk])).content.decode()
    assert "Who has viewed this record" in page
    assert north_manager.display_name in page


def test_a_refused_view_is_not_logged_as_a_view(client, north_worker, south_worker):
    client.force_login(north_worker)
    client.get(reverse("core:staff_detail", args=[StaffMember.objects.get(user=south_worker).pk]))
    assert not PersonalRecordView.objects.exists()


def test_the_record_view_log_cannot_be_changed_or_deleted(psw, north_worker):
    view = services.personal_record_view_log(
        viewer=psw, staff_member=StaffMember.objects.get(user=north_worker), path="/staff/1/"
    )
    view.path = "/elsewhere/"
    with pytest.raises(AppendOnlyError):
        view.save()
    with pytest.raises(AppendOnlyError):
        view.delete()
    with pytest.raises(AppendOnlyError):
        PersonalRecordView.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        PersonalRecordView.objects.update(path="/x/")
    assert PersonalRecordView.objects.get().path == "/staff/1/"


def test_creating_an_account_sends_its_owner_an_email_in_the_background(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("core:user_create"),
            {
                "username": "new.worker",
                "first_name": "New",
                "last_name": "Worker",
                "email": "new.worker@example.gov.uk",
                "roles": ["social_worker"],
            },
        )
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["new.worker@example.gov.uk"]]
    assert "new.worker" in mail.outbox[0].body


def test_a_staff_record_change_through_the_page_is_attributed_to_the_hr_officer(client, hr_officer, north_worker):
    record = StaffMember.objects.get(user=north_worker)
    client.force_login(hr_officer)
    response = client.post(
        reverse("core:staff_edit", args=[record.pk]),
        {
            "first_name": record.first_name,
            "last_name": record.last_name,
            "email": "",
            "job_title": "Senior Social Worker",
            "team": record.team_id,
            "started_on-day": "1",
            "started_on-month": "4",
            "started_on-year": "2020",
        },
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.started_on == datetime.date(2020, 4, 1)
    assert record.history.first().history_user == hr_officer


def test_teams_are_listed_with_their_staff_in_post(client, psw):
    team = TeamFactory(name="Fostering")
    StaffMemberFactory(team=team)
    StaffMemberFactory(team=team, left_on=datetime.date(2025, 1, 1), started_on=datetime.date(2020, 1, 1))
    client.force_login(psw)
    page = client.get(reverse("core:team_detail", args=[team.pk])).content.decode()
    assert len(re.findall(r'href="/staff/\d+/"', page)) == 1, "the leaver is not listed"


def test_removing_an_authenticator_app_is_kept_with_who_removed_it(admin_user, db):
    from allauth.mfa.models import Authenticator

    from pswhub.core.tests.factories import UserFactory, give_authenticator_app

    other = UserFactory(username="lost.phone", roles=["admin"])
    give_authenticator_app(other)
    services.user_reset_mfa(user=other, changed_by=admin_user)
    removal = Authenticator.history.filter(user=other, history_type="-").get()
    assert removal.history_user == admin_user
    assert not hasattr(removal, "data"), "the secret is never copied into history"


def test_the_history_page_shows_views_of_records_to_the_psw_only(client, psw, hr_officer, north_manager, north_worker):
    record = StaffMember.objects.get(user=north_worker)
    client.force_login(hr_officer)
    client.get(reverse("core:staff_detail", args=[record.pk]))
    client.force_login(psw)
    page = client.get(reverse("core:history")).content.decode()
    assert "Views of personal records" in page
    assert hr_officer.display_name in page and record.full_name in page
    client.force_login(north_manager)
    assert "Views of personal records" not in client.get(reverse("core:history")).content.decode()


def test_the_history_page_names_the_roles_an_account_gained(client, admin_user, north_worker):
    services.user_update(
        user=north_worker,
        changed_by=admin_user,
        first_name=north_worker.first_name,
        last_name=north_worker.last_name,
        email="",
        is_active=True,
        role_codes=["social_worker", "auditor"],
        managed_teams=[],
        staff_member=StaffMember.objects.get(user=north_worker),
    )
    client.force_login(admin_user)
    page = client.get(reverse("core:history")).content.decode()
    assert "Roles: Social worker to Auditor, Social worker" in page
