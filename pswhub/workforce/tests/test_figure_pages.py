"""The workforce figures' sub-pages: who may open each, what they show (small-base notes, the
adults' census note, children's and adults' side by side) and bad input."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pswhub.core import navigation
from pswhub.core.tests.factories import PEOPLE

from .factories import CensusWorkerFactory, CensusYearFactory
from .records_at_date import council_records

# Who may open each sub-page (rules.py).
CENSUS_READERS = {"psw", "hr_officer", "head_of_service", "councillor"}
MAY_OPEN = {
    "workforce:dashboard": CENSUS_READERS,
    "workforce:trends": CENSUS_READERS,
    "workforce:breakdowns": CENSUS_READERS,
    "workforce:england": CENSUS_READERS,
    "workforce:equality": {"psw", "hr_officer"},
    "workforce:at_date": {"psw", "hr_officer", "head_of_service"},
    "workforce:monthly": {"psw", "hr_officer", "head_of_service"},
}


@pytest.fixture
def tiny_year(db):
    """2025: one middle manager in post and two leavers (the demo's small group): turnover 200%."""
    year = CensusYearFactory(year=2025, vacancies_fte=Decimal("1"))
    CensusWorkerFactory(census_year=year, org_role="2")
    for _ in range(2):
        CensusWorkerFactory(census_year=year, org_role="2", role_end_date=date(2025, 3, 31), fte_30=None)
    return year


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("name", list(MAY_OPEN))
def test_each_sub_page_opens_only_for_those_who_may_see_it(client, everyone, tiny_year, person, name):
    client.force_login(everyone[person])
    response = client.get(reverse(name))
    assert response.status_code == (200 if person in MAY_OPEN[name] else 403), (name, person)


@pytest.mark.parametrize("name", list(MAY_OPEN))
def test_signed_out_visitors_are_sent_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_the_sub_navigation_lists_only_the_pages_each_person_may_open(head_of_service, councillor, psw):
    def listed(user):
        sub = navigation.subnavigation_for(user, reverse("workforce:trends"))
        return [item["text"] for item in sub["items"]]

    assert {"Equality", "At a date", "Month by month"} <= set(listed(psw))
    assert "Equality" not in listed(head_of_service)
    assert {"At a date", "Month by month"} <= set(listed(head_of_service))
    assert {"Equality", "At a date", "Month by month"}.isdisjoint(listed(councillor))
    assert {"Trends", "Breakdowns", "England comparison"} <= set(listed(councillor))


def test_a_rate_on_fewer_than_5_people_says_so(client, psw, tiny_year):
    client.force_login(psw)
    page = client.get(reverse("workforce:dashboard")).content.decode()
    # 1 in post, 2 leavers at 1.0 FTE: turnover 2 / 1 = 200.0%, on 1 person.
    assert '200.0% <span class="app-small-base">based on fewer than 5 people</span>' in page
    by_role = client.get(reverse("workforce:breakdowns")).content.decode()
    assert "based on fewer than 5 people" in by_role


def test_a_rate_on_5_people_or_more_has_no_note(client, psw, db):
    year = CensusYearFactory(year=2025)
    for _ in range(5):
        CensusWorkerFactory(census_year=year)
    CensusWorkerFactory(census_year=year, role_end_date=date(2025, 3, 31), fte_30=None)
    client.force_login(psw)
    page = client.get(reverse("workforce:dashboard")).content.decode()
    assert "20.0%" in page  # 1 leaver / 5 FTE in post
    assert "app-small-base" not in page


def test_downloads_hold_the_figures_without_the_note(client, psw, tiny_year):
    client.force_login(psw)
    csv = client.get(reverse("workforce:figures_csv")).content.decode()
    assert "200.0" in csv and "fewer than 5" not in csv


def test_a_councillor_sees_the_councils_small_rate_shown_and_marked(client, councillor, tiny_year):
    # The council's own turnover is a figure DfE publishes for every council, so councillors see
    # it whatever its base (docs/adr/0013), with the same note: 2 / 1 = 200.0% on 1 person.
    client.force_login(councillor)
    page = client.get(reverse("workforce:dashboard")).content.decode()
    assert '200.0% <span class="app-small-base">based on fewer than 5 people</span>' in page


@pytest.fixture
def records(north_team, south_team, adults_team):
    return council_records(north_team, south_team, adults_team)


def test_the_page_at_a_date_shows_childrens_and_adults_side_by_side(client, psw, records):
    client.force_login(psw)
    page = client.get(reverse("workforce:at_date"), {"on-day": "31", "on-month": "3", "on-year": "2026"})
    shown = page.content.decode()
    assert "Workforce at 31 March 2026" in shown
    assert "Children&#39;s social workers" in shown and "Adults&#39;s social workers" not in shown
    assert "Adults&#39; social workers" in shown
    # Children's turnover 74.2% on 4 in post; adults' 0.0% on 2: both on fewer than 5 people.
    assert "74.2%" in shown and "0.0%" in shown
    assert shown.count("based on fewer than 5 people") >= 2
    assert "counts children&#39;s social workers only" in shown


def test_an_impossible_date_is_refused_with_a_message(client, psw, records):
    client.force_login(psw)
    response = client.get(reverse("workforce:at_date"), {"on-day": "31", "on-month": "2", "on-year": "2026"})
    assert response.status_code == 200
    shown = response.content.decode()
    assert "govuk-error-summary" in shown
    assert "Social workers at" not in shown


def test_month_by_month_shows_24_month_ends_for_the_service_chosen(client, hr_officer, records):
    client.force_login(hr_officer)
    shown = client.get(reverse("workforce:monthly"), {"service": "adults"}).content.decode()
    assert "Adults&#39; social workers at each month end" in shown
    assert "counts children&#39;s social workers only" in shown
    assert shown.count('<th scope="row" class="govuk-table__header">') >= 24
    assert 'id="monthly-fte-in-post"' in shown


def test_month_by_month_falls_back_to_childrens_for_an_unknown_service(client, psw, records):
    client.force_login(psw)
    response = client.get(reverse("workforce:monthly"), {"service": "everyone"})
    assert response.status_code == 200
    assert "Children&#39;s social workers at each month end" in response.content.decode()
