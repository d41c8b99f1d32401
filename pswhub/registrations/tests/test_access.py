"""Who sees and changes registrations. A worker sees and records their own renewal; a manager sees
their team's; the PSW and HR everyone's; councillors council-level figures only. Fitness-to-
practise referrals: the PSW and HR only, and every view is logged."""

from datetime import date

import pytest
from django.urls import reverse

from pswhub.core.models import PersonalRecordView
from pswhub.registrations.models import Renewal
from pswhub.registrations.tests.factories import ReferralFactory, RegistrationFactory, RenewalFactory

KEEPERS = {"psw", "hr_officer"}
RENEWAL_READERS = {"psw", "hr_officer", "head_of_service", "north_manager"}


@pytest.fixture
def registrations(north_worker, south_worker):
    north = RegistrationFactory(staff_member=north_worker.staff_member, swe_number="SW100001")
    south = RegistrationFactory(staff_member=south_worker.staff_member, swe_number="SW100002")
    RenewalFactory(registration=north, year=2026, cpd_entries=1)
    return {"north": north, "south": south}


def test_everyone_with_a_role_sees_the_council_figures_and_no_one_without(client, everyone, no_role_user):
    for person, user in everyone.items():
        client.force_login(user)
        assert client.get(reverse("registrations:home")).status_code == 200, person
    client.force_login(no_role_user)
    assert client.get(reverse("registrations:home")).status_code == 403


def test_a_councillor_sees_figures_but_no_names(client, councillor, registrations):
    client.force_login(councillor)
    page = client.get(reverse("registrations:home")).content.decode()
    assert "Registered social workers in post" in page
    assert "Ormerod" not in page and "SW100001" not in page
    assert client.get(reverse("registrations:detail", args=[registrations["north"].pk])).status_code == 404


def test_a_manager_sees_their_teams_renewals_but_not_another_teams(client, north_manager, registrations):
    client.force_login(north_manager)
    page = client.get(reverse("registrations:home")).content.decode()
    assert "Wes Ormerod" in page and "Sian Threlfall" not in page
    assert client.get(reverse("registrations:detail", args=[registrations["north"].pk])).status_code == 200
    assert client.get(reverse("registrations:detail", args=[registrations["south"].pk])).status_code == 404


def test_a_manager_cannot_record_a_workers_renewal(client, north_manager, registrations):
    client.force_login(north_manager)
    assert client.get(reverse("registrations:renewal_record", args=[registrations["north"].pk])).status_code == 403


def test_a_worker_records_their_own_renewal(client, north_worker, registrations):
    client.force_login(north_worker)
    assert client.get(reverse("registrations:mine")).url == reverse(
        "registrations:detail", args=[registrations["north"].pk]
    )
    response = client.post(
        reverse("registrations:renewal_record", args=[registrations["north"].pk]),
        {
            "year": "2026",
            "renewed_on-day": "2",
            "renewed_on-month": "10",
            "renewed_on-year": "2026",
            "cpd_entries": "3",
            "peer_reflection": "yes",
        },
    )
    assert response.status_code == 302
    renewal = Renewal.objects.get(registration=registrations["north"], year=2026)
    assert (renewal.renewed_on, renewal.cpd_entries, renewal.peer_reflection) == (date(2026, 10, 2), 3, True)


def test_a_worker_cannot_see_or_record_another_workers_renewal(client, north_worker, registrations):
    client.force_login(north_worker)
    assert client.get(reverse("registrations:detail", args=[registrations["south"].pk])).status_code == 404
    assert client.get(reverse("registrations:renewal_record", args=[registrations["south"].pk])).status_code == 404
    page = client.get(reverse("registrations:home")).content.decode()
    assert "Sian Threlfall" not in page


@pytest.mark.parametrize("name", ["registrations:create"])
def test_only_the_psw_and_hr_add_registrations(client, everyone, name):
    for person, user in everyone.items():
        client.force_login(user)
        assert client.get(reverse(name)).status_code == (200 if person in KEEPERS else 403), person


def test_only_the_psw_and_hr_open_fitness_to_practise_referrals(client, everyone):
    referral = ReferralFactory()
    for person, user in everyone.items():
        client.force_login(user)
        expected = 200 if person in KEEPERS else 403
        assert client.get(reverse("registrations:referral_list")).status_code == expected, person
        assert client.get(reverse("registrations:referral_detail", args=[referral.pk])).status_code == expected, person
        assert client.get(reverse("registrations:referral_create")).status_code == expected, person


def test_every_view_of_a_referral_is_logged(client, psw, hr_officer):
    referral = ReferralFactory()
    for user in (psw, hr_officer, psw):
        client.force_login(user)
        client.get(reverse("registrations:referral_detail", args=[referral.pk]))
    address = reverse("registrations:referral_detail", args=[referral.pk])
    assert list(
        PersonalRecordView.objects.filter(staff_member=referral.staff_member, path=address)
        .order_by("pk")
        .values_list("viewer__username", flat=True)
    ) == [
        "psw",
        "hr",
        "psw",
    ]


def test_a_refused_view_of_a_referral_is_not_logged_as_a_view(client, north_manager):
    referral = ReferralFactory()
    client.force_login(north_manager)
    client.get(reverse("registrations:referral_detail", args=[referral.pk]))
    assert not PersonalRecordView.objects.exists()


def test_a_referral_is_in_no_figure_or_page_below_the_psw_and_hr(client, head_of_service, registrations):
    ReferralFactory(staff_member=registrations["north"].staff_member, concern="Falsified visits")
    client.force_login(head_of_service)
    for name, args in [("registrations:home", []), ("registrations:detail", [registrations["north"].pk])]:
        page = client.get(reverse(name, args=args)).content.decode()
        assert "Falsified visits" not in page and "referral" not in page.lower(), name


def test_registration_is_in_the_navigation_for_a_role_and_not_without_one(councillor, no_role_user):
    from pswhub.core.navigation import pages_for

    assert "/registration/" in [page["href"] for page in pages_for(councillor)]
    assert "/registration/" not in [page["href"] for page in pages_for(no_role_user)]


def test_the_staff_record_shows_the_registration_to_the_manager_and_not_the_referral(
    client, north_manager, registrations
):
    ReferralFactory(staff_member=registrations["north"].staff_member, concern="Falsified visits")
    client.force_login(north_manager)
    page = client.get(reverse("core:staff_detail", args=[registrations["north"].staff_member.pk])).content.decode()
    assert "SW100001" in page and "Falsified visits" not in page


def test_after_the_deadline_the_psw_sees_who_did_not_renew_and_who_was_removed(client, psw, registrations):
    from pswhub.registrations.models import RegistrationStatus

    south = registrations["south"]
    south.status, south.removed_on = RegistrationStatus.REMOVED, date(2025, 12, 5)
    south.save()
    client.force_login(psw)
    page = client.get(reverse("registrations:home") + "?year=2025").content.decode()
    assert "Not renewed by 30 November" in page and "Not renewed: removed from the register" in page
