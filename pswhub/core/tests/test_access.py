"""Every role's "can" and "cannot" for every organisation page."""

import pytest
from django.urls import reverse

from pswhub.core.models import StaffMember
from pswhub.core.tests.factories import PEOPLE

# page -> the people who may open it; everyone else gets 403.
PAGE_ACCESS = {
    "core:home": {
        "psw",
        "qa_officer",
        "auditor",
        "hr_officer",
        "head_of_service",
        "councillor",
        "admin",
        "north_manager",
        "north_worker",
        "south_worker",
    },
    "core:organisation": {
        "psw",
        "qa_officer",
        "auditor",
        "hr_officer",
        "head_of_service",
        "councillor",
        "admin",
        "north_manager",
        "north_worker",
        "south_worker",
    },
    "core:team_list": {
        "psw",
        "qa_officer",
        "auditor",
        "hr_officer",
        "head_of_service",
        "admin",
        "north_manager",
        "north_worker",
        "south_worker",
    },
    "core:staff_list": {"psw", "qa_officer", "hr_officer", "head_of_service", "north_manager"},
    "core:history": {"psw", "qa_officer", "hr_officer", "head_of_service", "admin", "north_manager"},
    "core:user_list": {"admin"},
    "core:user_create": {"admin"},
    "core:role_list": {"admin"},
    "core:authority_edit": {"psw", "admin"},
    "core:team_create": {"psw", "admin"},
    "core:staff_create": {"psw", "hr_officer"},
}


@pytest.mark.parametrize("page", PAGE_ACCESS)
@pytest.mark.parametrize("person", PEOPLE)
def test_each_role_opens_only_its_pages(client, everyone, page, person):
    client.force_login(everyone[person])
    response = client.get(reverse(page))
    expected = 200 if person in PAGE_ACCESS[page] else 403
    assert response.status_code == expected, f"{person} on {page}"


@pytest.mark.parametrize("page", [*PAGE_ACCESS, "core:accessibility"])
def test_signed_out_visitors_are_sent_to_sign_in(client, db, page):
    # Every page but the public ones needs a signed-in person.
    response = client.get(reverse(page))
    if page == "core:accessibility":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_public_pages_need_no_sign_in(client, db):
    for page in ("core:accessibility", "core:privacy", "core:cookies"):
        assert client.get(reverse(page)).status_code == 200


# pages about one record -> who may open them, for a record in the north team.
RECORD_PAGES = {
    "core:team_detail": {
        "psw",
        "qa_officer",
        "auditor",
        "hr_officer",
        "head_of_service",
        "admin",
        "north_manager",
        "north_worker",
    },
    "core:team_edit": {"psw", "admin"},
    "core:user_edit": {"admin"},
}


@pytest.mark.parametrize("page", RECORD_PAGES)
@pytest.mark.parametrize("person", PEOPLE)
def test_each_role_opens_only_the_record_pages_it_may(client, everyone, north_team, page, person):
    target = everyone["north_worker"].pk if page == "core:user_edit" else north_team.pk
    client.force_login(everyone[person])
    response = client.get(reverse(page, args=[target]))
    if person in RECORD_PAGES[page]:
        assert response.status_code == 200, f"{person} on {page}"
    else:
        assert response.status_code in {403, 404}, f"{person} on {page}"


def staff_of(user):
    return StaffMember.objects.get(user=user)


def test_a_worker_can_open_their_own_record(client, north_worker):
    client.force_login(north_worker)
    assert client.get(reverse("core:staff_detail", args=[staff_of(north_worker).pk])).status_code == 200


def test_a_worker_cannot_open_a_colleagues_record(client, north_worker, north_manager):
    client.force_login(north_worker)
    assert client.get(reverse("core:staff_detail", args=[staff_of(north_manager).pk])).status_code == 404


def test_a_manager_can_open_records_in_their_team(client, north_manager, north_worker):
    client.force_login(north_manager)
    assert client.get(reverse("core:staff_detail", args=[staff_of(north_worker).pk])).status_code == 200


def test_a_manager_cannot_open_records_in_another_team(client, north_manager, south_worker):
    client.force_login(north_manager)
    assert client.get(reverse("core:staff_detail", args=[staff_of(south_worker).pk])).status_code == 404


def test_a_manager_sees_teams_beneath_the_one_they_manage(client, north_manager, north_team):
    from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory

    sub_team = TeamFactory(name="North Assessment", parent=north_team, service=north_team.service)
    person = StaffMemberFactory(team=sub_team)
    client.force_login(north_manager)
    assert client.get(reverse("core:staff_detail", args=[person.pk])).status_code == 200
    assert client.get(reverse("core:team_detail", args=[sub_team.pk])).status_code == 200


def test_a_manager_cannot_open_another_teams_page(client, north_manager, south_team):
    client.force_login(north_manager)
    assert client.get(reverse("core:team_detail", args=[south_team.pk])).status_code == 404


def test_a_councillor_cannot_open_any_staff_record(client, councillor, north_worker):
    client.force_login(councillor)
    assert client.get(reverse("core:staff_detail", args=[staff_of(north_worker).pk])).status_code == 404


def test_the_psw_can_open_any_staff_record(client, psw, north_worker, south_worker):
    client.force_login(psw)
    for person in (north_worker, south_worker):
        assert client.get(reverse("core:staff_detail", args=[staff_of(person).pk])).status_code == 200


def test_only_hr_psw_and_admin_can_change_a_staff_record(client, everyone, north_worker):
    record = staff_of(north_worker)
    for name, user in everyone.items():
        client.force_login(user)
        response = client.get(reverse("core:staff_edit", args=[record.pk]))
        if name in {"psw", "hr_officer"}:
            assert response.status_code == 200, name
        else:
            assert response.status_code in {403, 404}, name


def test_an_administrator_manages_accounts_but_cannot_open_personal_records(client, admin_user, north_worker):
    client.force_login(admin_user)
    assert client.get(reverse("core:staff_detail", args=[staff_of(north_worker).pk])).status_code == 404
    assert client.get(reverse("core:user_edit", args=[north_worker.pk])).status_code == 200


def test_staff_list_shows_a_manager_only_their_team(client, north_manager, north_worker, south_worker):
    client.force_login(north_manager)
    page = client.get(reverse("core:staff_list")).content.decode()
    assert north_worker.last_name in page
    assert south_worker.last_name not in page


def test_navigation_offers_a_councillor_no_staff_pages(client, councillor):
    client.force_login(councillor)
    page = client.get(reverse("core:home")).content.decode()
    assert 'href="/staff/"' not in page
    assert 'href="/teams/"' not in page
    assert 'href="/organisation/"' in page
