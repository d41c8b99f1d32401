"""Setting up the council: its details, its teams and staff records."""

import io
import sys

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from pswhub.core.forms import EMPLOYEE_NUMBER_TAKEN, TEAM_NAME_TAKEN, TEAM_PARENT_OTHER_SERVICE
from pswhub.core.management.commands.create_administrator import USERNAME_EXISTS
from pswhub.core.models import Authority, StaffMember, Team, User
from pswhub.core.tests.factories import AuthorityFactory, ServiceFactory, StaffMemberFactory


@pytest.mark.parametrize("page", ["core:authority_edit", "core:team_create"])
def test_only_the_psw_and_administrators_set_up_the_organisation(client, everyone, page):
    AuthorityFactory()
    for name, user in everyone.items():
        client.force_login(user)
        expected = 200 if name in {"psw", "admin"} else 403
        assert client.get(reverse(page)).status_code == expected, name


def test_an_administrator_sets_the_councils_name_and_code(client, admin_user):
    client.force_login(admin_user)
    client.post(reverse("core:authority_edit"), {"name": "Westshire Council", "la_code": "873"})
    assert Authority.objects.get().name == "Westshire Council"
    assert Authority.objects.get().history.first().history_user == admin_user


def test_a_code_that_is_not_three_digits_is_refused(client, admin_user):
    client.force_login(admin_user)
    page = client.post(reverse("core:authority_edit"), {"name": "Westshire Council", "la_code": "87"}).content.decode()
    assert "Enter the DfE local authority code as three digits" in page
    assert not Authority.objects.exists()


def test_the_psw_adds_a_team_under_another(client, psw, north_team):
    client.force_login(psw)
    response = client.post(
        reverse("core:team_create"),
        {"name": "North Duty", "service": north_team.service_id, "parent": north_team.pk, "is_active": "on"},
    )
    team = Team.objects.get(name="North Duty")
    assert response.url == reverse("core:team_detail", args=[team.pk])
    assert team.parent == north_team


def test_two_teams_in_one_service_cannot_share_a_name(client, psw, north_team):
    client.force_login(psw)
    page = client.post(
        reverse("core:team_create"), {"name": "north", "service": north_team.service_id}
    ).content.decode()
    assert TEAM_NAME_TAKEN in page


def test_a_team_cannot_sit_under_a_team_of_another_service(client, psw, north_team, adults_team):
    client.force_login(psw)
    page = client.post(
        reverse("core:team_create"), {"name": "Mixed", "service": adults_team.service_id, "parent": north_team.pk}
    ).content.decode()
    assert TEAM_PARENT_OTHER_SERVICE in page
    assert not Team.objects.filter(name="Mixed").exists()


def test_a_team_cannot_sit_under_its_own_sub_team(client, psw, north_team):
    sub = Team.objects.create(name="Sub", service=north_team.service, parent=north_team)
    client.force_login(psw)
    page = client.post(
        reverse("core:team_edit", args=[north_team.pk]),
        {"name": "North", "service": north_team.service_id, "parent": sub.pk},
    ).content.decode()
    assert "A team cannot sit under itself" in page
    north_team.refresh_from_db()
    assert north_team.parent is None


def test_hr_adds_a_staff_record(client, hr_officer, north_team):
    client.force_login(hr_officer)
    response = client.post(
        reverse("core:staff_create"),
        {
            "employee_number": "E9001",
            "first_name": "Ola",
            "last_name": "Nordmann",
            "team": north_team.pk,
            "job_title": "Social Worker",
        },
    )
    person = StaffMember.objects.get(employee_number="E9001")
    assert response.url == reverse("core:staff_detail", args=[person.pk])
    assert person.history.first().history_user == hr_officer


def test_an_employee_number_is_used_once(client, hr_officer):
    StaffMemberFactory(employee_number="E9001")
    client.force_login(hr_officer)
    page = client.post(
        reverse("core:staff_create"), {"employee_number": "e9001", "first_name": "A", "last_name": "B"}
    ).content.decode()
    assert EMPLOYEE_NUMBER_TAKEN in page


@pytest.mark.parametrize("person", ["north_manager", "north_worker", "councillor", "auditor"])
def test_others_cannot_add_staff_records(client, everyone, person):
    client.force_login(everyone[person])
    assert client.get(reverse("core:staff_create")).status_code == 403


def test_the_first_administrator_is_made_with_a_command(db, monkeypatch):
    ServiceFactory()
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-strong-passphrase-2026\n"))
    call_command(
        "create_administrator", "first.admin", "--email", "it@example.gov.uk", "--password-stdin", stdout=io.StringIO()
    )
    user = User.objects.get(username="first.admin")
    assert user.role_codes == {"admin"}
    assert user.check_password("a-strong-passphrase-2026")


def test_the_command_will_not_make_a_second_account_with_the_same_name(admin_user, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("whatever-passphrase\n"))
    with pytest.raises(CommandError, match=USERNAME_EXISTS.format(username="ADMIN")):
        call_command("create_administrator", "ADMIN", "--password-stdin")


def test_saving_the_council_sets_up_its_childrens_and_adults_services(client, admin_user):
    client.force_login(admin_user)
    client.post(reverse("core:authority_edit"), {"name": "Westshire Council", "la_code": "873"})
    assert set(Authority.objects.get().services.values_list("kind", flat=True)) == {"children", "adults"}


def test_the_command_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("password\n"))
    with pytest.raises(CommandError, match="too common"):
        call_command("create_administrator", "weak.admin", "--password-stdin")
    assert not User.objects.filter(username="weak.admin").exists()
