"""Bad input gets the GOV.UK error summary with a message per field, and nothing is half-saved."""

from django.urls import reverse

from pswhub.core.forms import LEFT_BEFORE_STARTED, STAFF_ALREADY_LINKED, USERNAME_TAKEN
from pswhub.core.models import StaffMember, User


def test_an_empty_new_user_form_lists_each_missing_field(client, admin_user):
    client.force_login(admin_user)
    users_before = User.objects.count()
    page = client.post(reverse("core:user_create"), {}).content.decode()
    assert "There is a problem" in page
    for message, field in [
        ("Enter a username", "id_username"),
        ("Enter their first name", "id_first_name"),
        ("Enter their last name", "id_last_name"),
    ]:
        assert f'<a href="#{field}">{message}</a>' in page
    assert User.objects.count() == users_before
    assert "<title>Error: Add a user" in page


def test_a_username_can_be_used_only_once(client, admin_user, psw):
    client.force_login(admin_user)
    page = client.post(
        reverse("core:user_create"), {"username": "PSW", "first_name": "A", "last_name": "B"}
    ).content.decode()
    assert USERNAME_TAKEN in page


def test_a_staff_record_cannot_be_linked_to_two_accounts(client, admin_user, north_worker):
    client.force_login(admin_user)
    record = StaffMember.objects.get(user=north_worker)
    page = client.post(
        reverse("core:user_create"),
        {"username": "other", "first_name": "A", "last_name": "B", "staff_member": record.pk},
    ).content.decode()
    assert STAFF_ALREADY_LINKED in page
    assert not User.objects.filter(username="other").exists()


def test_a_leaving_date_before_the_start_date_is_refused_and_nothing_changes(client, hr_officer, north_worker):
    record = StaffMember.objects.get(user=north_worker)
    client.force_login(hr_officer)
    page = client.post(
        reverse("core:staff_edit", args=[record.pk]),
        {
            "first_name": "Changed",
            "last_name": record.last_name,
            "job_title": "x",
            "team": record.team_id,
            "started_on-day": "1",
            "started_on-month": "4",
            "started_on-year": "2024",
            "left_on-day": "1",
            "left_on-month": "4",
            "left_on-year": "2023",
        },
    ).content.decode()
    assert LEFT_BEFORE_STARTED in page
    assert 'href="#id_left_on-day"' in page
    record.refresh_from_db()
    assert record.first_name != "Changed"
    assert record.history.count() == 1


def test_an_impossible_date_is_refused(client, hr_officer, north_worker):
    record = StaffMember.objects.get(user=north_worker)
    client.force_login(hr_officer)
    page = client.post(
        reverse("core:staff_edit", args=[record.pk]),
        {
            "first_name": "A",
            "last_name": "B",
            "team": record.team_id,
            "started_on-day": "31",
            "started_on-month": "2",
            "started_on-year": "2024",
        },
    ).content.decode()
    assert "Enter a real date" in page


def test_an_administrator_cannot_deactivate_their_own_account(client, admin_user):
    client.force_login(admin_user)
    page = client.post(
        reverse("core:user_edit", args=[admin_user.pk]),
        {"first_name": "A", "last_name": "B", "roles": ["admin"]},
    ).content.decode()
    assert "You cannot deactivate your own account" in page
    admin_user.refresh_from_db()
    assert admin_user.is_active


def test_an_administrator_gives_a_worker_the_manager_role_for_a_team(client, admin_user, north_worker, south_team):
    client.force_login(admin_user)
    response = client.post(
        reverse("core:user_edit", args=[north_worker.pk]),
        {
            "first_name": "W",
            "last_name": "K",
            "roles": ["team_manager"],
            "managed_teams": [south_team.pk],
            "is_active": "on",
            "staff_member": StaffMember.objects.get(user=north_worker).pk,
        },
    )
    assert response.status_code == 302
    north_worker = User.objects.get(pk=north_worker.pk)
    assert north_worker.role_codes == {"team_manager"}
    assert set(north_worker.managed_team_ids()) == {south_team.pk}
