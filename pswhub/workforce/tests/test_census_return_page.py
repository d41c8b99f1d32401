"""The census return page: the HR officer and the PSW check a year's return, preview its figures and
download it once the checks find nothing to put right. No one else may."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from pswhub.core.tests.factories import PEOPLE
from pswhub.workforce.checks import (
    LEAVER_DESTINATION_MISSING,
    LEAVER_REASON_MISSING,
    SWE_NUMBER_FORMAT,
    census_year_check,
)
from pswhub.workforce.views import RETURN_HAS_PROBLEMS

from .factories import CensusWorkerFactory
from .test_csww_export import a_year_of_returns, corrected_schema

MAY_PREPARE = {"psw", "hr_officer"}
PAGES = ["workforce:census_return", "workforce:census_return_problems_csv", "workforce:census_return_xml"]


@pytest.fixture
def clean_year(db):
    """2025: one social worker in post at 0.6 FTE with 14 cases and 3.5 days lost; one leaver at
    1 FTE; one agency worker at 1 FTE with 12 cases; 4.5 FTE vacancies. Nothing to put right."""
    census_year = a_year_of_returns(2025)
    assert census_year_check(census_year=census_year) == []
    return census_year


@pytest.fixture
def year_with_problems(db):
    """2024 with a number that is not a Social Work England number, and a leaver with neither a
    reason for leaving nor a destination."""
    census_year = a_year_of_returns(2024)
    CensusWorkerFactory(census_year=census_year, swe_number="XY99")
    CensusWorkerFactory(
        census_year=census_year,
        swe_number="SW500",
        role_end_date=date(2024, 6, 30),
        reason_leave="",
        leaver_destination="",
    )
    return census_year


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_open_the_census_return(client, everyone, clean_year, person, page):
    client.force_login(everyone[person])
    response = client.get(reverse(page, kwargs={"year": 2025}))
    assert response.status_code == (200 if person in MAY_PREPARE else 403), (person, page)


def test_a_signed_out_visitor_is_sent_to_sign_in(client, clean_year):
    response = client.get(reverse("workforce:census_return_xml", kwargs={"year": 2025}))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_a_year_not_held_has_nothing_to_check_or_download_but_may_be_built(client, hr_officer, clean_year):
    client.force_login(hr_officer)
    for page in PAGES[1:]:
        assert client.get(reverse(page, kwargs={"year": 2019})).status_code == 404
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2019})).content.decode()
    assert "The 2019 census year has not been built yet" in page


def test_the_hr_officer_sees_each_problem_by_worker_and_field(client, hr_officer, year_with_problems):
    client.force_login(hr_officer)
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2024})).content.decode()
    assert "found 3 problems" in page
    assert "XY99</th>" in page and "SWENo" in page and SWE_NUMBER_FORMAT in page
    assert "SW500</th>" in page and "LeaverDestination" in page and LEAVER_DESTINATION_MISSING in page


def test_the_problems_download_as_csv_with_the_same_rows(client, hr_officer, year_with_problems):
    client.force_login(hr_officer)
    response = client.get(reverse("workforce:census_return_problems_csv", kwargs={"year": 2024}))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="csww-2024-problems.csv"'
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        ["SWE number", "Field", "Problem"],
        ["SW500", "ReasonLeave", LEAVER_REASON_MISSING],
        ["SW500", "LeaverDestination", LEAVER_DESTINATION_MISSING],
        ["XY99", "SWENo", SWE_NUMBER_FORMAT],
    ]


def test_a_number_that_looks_like_a_formula_is_not_run_by_a_spreadsheet(client, psw, year_with_problems):
    CensusWorkerFactory(census_year=year_with_problems, swe_number="=1+1")
    client.force_login(psw)
    response = client.get(reverse("workforce:census_return_problems_csv", kwargs={"year": 2024}))
    assert ["'=1+1", "SWENo", SWE_NUMBER_FORMAT] in list(csv.reader(io.StringIO(response.content.decode())))


def test_a_return_with_problems_cannot_be_downloaded_and_the_page_says_why(client, psw, year_with_problems):
    client.force_login(psw)
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2024})).content.decode()
    assert RETURN_HAS_PROBLEMS in page
    assert reverse("workforce:census_return_xml", kwargs={"year": 2024}) not in page
    response = client.get(reverse("workforce:census_return_xml", kwargs={"year": 2024}))
    assert response.status_code == 302 and response.url == reverse("workforce:census_return", kwargs={"year": 2024})


def test_the_page_previews_the_years_headline_figures(client, psw, clean_year):
    client.force_login(psw)
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2025})).content.decode()
    assert "found no problems" in page
    # Agency 1 FTE / (1 + 0.6) = 62.5%; cases (14 + 12) / 1.6 FTE = 16.25, half up 16.3;
    # vacancies 4.5 / (4.5 + 0.6) = 88.2%; absence 3.5 / (0.6 x 253) = 2.3%.
    for figure in ["62.5%", "16.3", "88.2%", "2.3%"]:
        assert f">{figure}<" in page.replace("\n", "").replace(" ", ""), figure


def test_a_clean_return_downloads_in_that_years_layout_and_is_valid(client, hr_officer, clean_year):
    client.force_login(hr_officer)
    page = client.get(reverse("workforce:census_return", kwargs={"year": 2025})).content.decode()
    assert "Download the return (XML)" in page
    response = client.get(reverse("workforce:census_return_xml", kwargs={"year": 2025}))
    assert response["Content-Type"] == "application/xml"
    assert response["Content-Disposition"] == 'attachment; filename="csww-2025.xml"'
    corrected_schema(2025).validate(response.content.decode())
    assert b"<LALevel>" in response.content and b"<SWENo>SW12</SWENo>" in response.content


def test_the_dashboard_links_the_census_returns_for_the_psw_and_hr_only(client, everyone, clean_year):
    link = f'href="{reverse("workforce:census_return", kwargs={"year": 2025})}"'
    for person in ("psw", "hr_officer"):
        client.force_login(everyone[person])
        assert link in client.get(reverse("workforce:dashboard")).content.decode(), person
    for person in ("head_of_service", "councillor"):
        client.force_login(everyone[person])
        assert link not in client.get(reverse("workforce:dashboard")).content.decode(), person
