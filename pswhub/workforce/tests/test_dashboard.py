"""Who may open the workforce dashboard, and what each of them sees."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pswhub.core.tests.factories import PEOPLE

from .factories import CensusWorkerFactory, CensusYearFactory

MAY_OPEN = {"psw", "hr_officer", "head_of_service", "councillor"}


@pytest.fixture
def two_years(db):
    """2024 and 2025 for one authority: six in post in 2025, one of them born in 1960; one leaver."""
    previous = CensusYearFactory(year=2024, vacancies_fte=Decimal("1"))
    for _ in range(6):
        CensusWorkerFactory(census_year=previous)
    latest = CensusYearFactory(year=2025, vacancies_fte=Decimal("2"))
    for _ in range(5):
        CensusWorkerFactory(census_year=latest, date_of_birth=date(1990, 1, 1), ethnicity="BAFR")
    CensusWorkerFactory(census_year=latest, date_of_birth=date(1960, 1, 1), ethnicity="BAFR")
    CensusWorkerFactory(
        census_year=latest, role_end_date=date(2025, 3, 31), reason_leave="5", leaver_destination="6", fte_30=None
    )
    return latest


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_hr_heads_of_service_and_councillors_open_the_dashboard(client, everyone, two_years, person):
    client.force_login(everyone[person])
    response = client.get(reverse("workforce:dashboard"))
    assert response.status_code == (200 if person in MAY_OPEN else 403), person


def test_a_signed_out_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("workforce:dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_the_psw_sees_the_latest_year_beside_the_year_before(client, psw, two_years):
    client.force_login(psw)
    page = client.get(reverse("workforce:dashboard")).content.decode()
    assert "Headline figures, census year 2025" in page
    assert ">2024<" in page
    # Six in post full time (6 FTE); one leaver at 1 FTE: 1 / 6 = 16.67% -> 16.7%.
    assert "16.7%" in page
    # Leavers by reason are on the breakdowns page.
    assert "Retired" not in page
    assert "Retired" in client.get(reverse("workforce:breakdowns")).content.decode()


def test_the_psw_and_hr_see_the_equality_profile(client, psw, hr_officer, two_years):
    for person in (psw, hr_officer):
        client.force_login(person)
        assert "Equality profile" in client.get(reverse("workforce:equality")).content.decode()
        assert reverse("workforce:equality") in client.get(reverse("workforce:dashboard")).content.decode()


def test_a_head_of_service_cannot_see_the_equality_profile(client, head_of_service, two_years):
    client.force_login(head_of_service)
    page = client.get(reverse("workforce:dashboard")).content.decode()
    assert "Equality profile" not in page
    assert "Black African" not in page


def test_a_councillor_sees_the_councils_published_figures_but_not_the_equality_profile_or_small_groups(
    client, councillor, two_years
):
    client.force_login(councillor)
    page = client.get(reverse("workforce:dashboard")).content.decode()
    assert "Equality profile" not in page
    # One leaver of six in post: the council's turnover, 1 / 6 = 16.67, 16.7%, is published by
    # DfE for every council, so it is shown (docs/adr/0013); the one leaver by reason is c.
    assert "16.7%" in page
    assert ">c<" in client.get(reverse("workforce:breakdowns")).content.decode()


def test_the_dashboard_says_so_when_there_are_no_census_years(client, psw):
    client.force_login(psw)
    assert "There are no census years yet" in client.get(reverse("workforce:dashboard")).content.decode()


def test_the_navigation_shows_workforce_only_to_those_who_may_open_it(client, psw, north_worker):
    client.force_login(psw)
    assert 'href="/workforce/"' in client.get(reverse("core:home")).content.decode()
    client.force_login(north_worker)
    assert 'href="/workforce/"' not in client.get(reverse("core:home")).content.decode()
