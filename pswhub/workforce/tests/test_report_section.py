"""The workforce section of the annual report shows the census year whose 30 September falls in the
period beside the year before, or, for a period not ending on 30 September with records held, the
figures at its last day beside a year before, with the figures the selectors give, against values
worked out by hand."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from lxml import html as lxml_html

from pswhub.core import demo
from pswhub.core.periods import Period
from pswhub.core.presenters import number
from pswhub.core.report_sections import SectionData, build_sections
from pswhub.workforce import report_at_date, selectors
from pswhub.workforce.report_section import (
    ADULTS_ONLY,
    NO_CENSUS_DATE,
    NO_RETURN,
    WorkforceSection,
)
from pswhub.workforce.selectors import NO_CENSUS_FOR_ADULTS

from .factories import CensusWorkerFactory, CensusYearFactory
from .records_at_date import council_records

YEAR_2025_26 = Period.financial_year(2025)


@pytest.fixture
def two_census_years(db):
    """2025: 20 in post at 1 FTE with 15 cases and 4 days lost each; 5 leavers at 1 FTE; 5 agency
    workers at 1 FTE with 12 cases each; 2.5 FTE vacancies.
    2024: 16 in post at 1 FTE with 18 cases and 8 days lost each; 6 leavers; 4 agency workers with
    18 cases each (a small number, but DfE publishes every council's agency rate, so it is shown);
    4 FTE vacancies."""
    for year, vacancies, in_post, cases, days, leavers, agency, agency_cases in [
        (2025, "2.5", 20, 15, "4", 5, 5, 12),
        (2024, "4", 16, 18, "8", 6, 4, 18),
    ]:
        census_year = CensusYearFactory(year=year, vacancies_fte=Decimal(vacancies))
        CensusWorkerFactory.create_batch(
            in_post, census_year=census_year, cases_30=cases, working_days_lost=Decimal(days)
        )
        CensusWorkerFactory.create_batch(
            leavers,
            census_year=census_year,
            role_end_date=date(year, 3, 31),
            reason_leave="1",
            leaver_destination="3",
        )
        CensusWorkerFactory.create_batch(agency, census_year=census_year, agency=True, cases_30=agency_cases)
    return census_year.authority


def test_the_section_shows_the_census_year_in_the_period_beside_the_year_before(two_census_years):
    data = WorkforceSection().build(YEAR_2025_26, "children")
    assert data.figures == {
        "census_year": 2025,
        "fte_in_post": 20.0,
        "headcount_in_post": 20,
        "turnover_rate": 25.0,  # 5 / 20
        "vacancy_rate": 11.1,  # 2.5 / 22.5 = 11.11
        "agency_rate": 20.0,  # 5 / 25
        "average_caseload": 14.4,  # (20 x 15 + 5 x 12) / 25
        "absence_rate": 1.6,  # 80 / (20 x 253) = 1.58
        "census_year_previous": 2024,
        "fte_in_post_previous": 16.0,
        "headcount_in_post_previous": 16,
        "turnover_rate_previous": 37.5,  # 6 / 16
        "vacancy_rate_previous": 20.0,  # 4 / 20
        "agency_rate_previous": 20.0,  # 4 / (4 + 16): four agency workers, shown (docs/adr/0013)
        "average_caseload_previous": 18.0,  # (16 x 18 + 4 x 18) / 20
        "absence_rate_previous": 3.2,  # 128 / (16 x 253) = 3.16
    }
    assert data.comparison == "The turnover rate was 25.0% at 30 September 2025, compared with 37.5% in 2024."


def test_the_sections_figures_are_the_selectors_figures(two_census_years):
    data = WorkforceSection().build(YEAR_2025_26, "all")
    for year, suffix in [(2025, ""), (2024, "_previous")]:
        census_year = selectors.census_year_get(authority=two_census_years, year=year)
        shown = selectors.workforce_figures_for_publication(selectors.workforce_figures(census_year=census_year))
        for name in ["fte_in_post", "headcount_in_post", "turnover_rate", "vacancy_rate", "agency_rate"]:
            expected = shown[name] if shown[name] == "c" else float(shown[name])
            assert data.figures[name + suffix] == expected, name + suffix


def test_the_table_and_chart_hold_the_same_figures_and_the_alt_text_says_every_value(two_census_years):
    data = WorkforceSection().build(YEAR_2025_26, "children")
    assert data.table.head == ["Figure", "2024", "2025"]
    # FTE, rates and caseloads to one decimal place as DfE publishes them (25.0, not 25).
    assert data.table.rows == [
        ["Social workers in post (FTE)", "16.0", "20.0"],
        ["Social workers in post (headcount)", 16, 20],
        ["Turnover rate (%)", "37.5", "25.0"],
        ["Vacancy rate (%)", "20.0", "11.1"],
        ["Agency worker rate (%)", "20.0", "20.0"],
        ["Average caseload per case-holding FTE", "18.0", "14.4"],
        ["Absence rate (%)", "3.2", "1.6"],
    ]
    assert data.chart.series == [
        {"name": "2024", "values": [37.5, 20.0, 20.0, 3.2]},
        {"name": "2025", "values": [25.0, 11.1, 20.0, 1.6]},
    ]
    assert "Turnover: 37.5% in 2024 and 25.0% in 2025." in data.chart.description
    # The council's agency rate rests on four people but DfE publishes it: shown (docs/adr/0013).
    assert "Agency workers: 20.0% in 2024 and 20.0% in 2025." in data.chart.description
    assert " c " not in data.narrative


def test_the_section_keeps_as_json(two_census_years):
    data = WorkforceSection().build(YEAR_2025_26, "children")
    assert SectionData.from_dict(json.loads(json.dumps(data.as_dict()))) == data


def test_without_a_return_the_year_before_the_section_says_there_is_nothing_to_compare_with(two_census_years):
    data = WorkforceSection().build(Period.financial_year(2024), "children")
    assert data.figures["census_year"] == 2024 and "turnover_rate_previous" not in data.figures
    assert data.comparison == (
        "The turnover rate was 37.5% at 30 September 2024; there is no census return for 2023 to compare with."
    )
    assert data.table.head == ["Figure", "2024"]


def test_a_period_with_no_30_september_has_no_workforce_figures(two_census_years):
    data = WorkforceSection().build(Period(date(2026, 1, 1), date(2026, 3, 31)), "children")
    assert (data.figures, data.chart, data.table) == ({}, None, None)
    assert data.comparison == NO_CENSUS_DATE.format(start="1 January 2026", end="31 March 2026")


def test_a_period_whose_census_return_is_not_held_has_no_workforce_figures(two_census_years):
    data = WorkforceSection().build(Period.financial_year(2026), "children")
    assert (data.figures, data.table) == ({}, None)
    assert data.comparison == NO_RETURN.format(year=2026)


def test_a_report_on_adults_services_cannot_show_the_childrens_workforce(two_census_years):
    data = WorkforceSection().build(YEAR_2025_26, "adults")
    assert (data.figures, data.chart, data.table, data.comparison) == ({}, None, None, ADULTS_ONLY)


def test_the_section_is_registered_second_after_staff_in_post(db):
    keys = [data.key for data in build_sections(YEAR_2025_26, "children")]
    assert keys[0] == "workforce"


def test_the_annual_report_for_the_demo_council_shows_the_workforce_figures_at_the_end_of_the_year(db, tmp_path):
    demo.demo_data_load(create_accounts=False)
    path = tmp_path / "report.html"
    call_command(
        "annual_report",
        *["--from", "2025-04-01", "--to", "2026-03-31", "--service", "children", "--format", "html"],
        *["--output", str(path)],
        stdout=io.StringIO(),
    )
    page = lxml_html.fromstring(path.read_bytes())
    [table] = page.xpath("//table[contains(caption, 'Social work workforce at')]")
    rows = [[cell.text_content().strip() for cell in row.xpath("./th|./td")] for row in table.xpath(".//tbody/tr")]
    # A financial year does not end on a census date: the figures at 31 March 2026 from the
    # records, beside 31 March 2025 (the read of the "At a date" page and the command).
    now, before = (
        selectors.workforce_figures_for_publication(selectors.workforce_figures_on(on=on))
        for on in (date(2026, 3, 31), date(2025, 3, 31))
    )

    # The outputs write each number as `number` does: at most two places, no trailing zeros.
    def as_published(value, kind):
        return number(value) if kind == "count" or value == "c" else f"{float(value):.1f}"

    assert rows == [
        [label, as_published(before[name], kind), as_published(now[name], kind)]
        for name, label, kind in report_at_date.FIGURES
    ]
    text = " ".join(page.text_content().split())
    assert (
        f"The turnover rate of children's social workers was {now['turnover_rate']}% over the 12 months to "
        f"31 March 2026, compared with {before['turnover_rate']}% over the 12 months to 31 March 2025." in text
    )


def test_a_period_ending_on_30_september_shows_the_census_year_though_records_are_held(db):
    demo.demo_data_load(create_accounts=False)
    data = WorkforceSection().build(Period.census_year(2025), "children")
    census = selectors.workforce_figures_for_publication(
        selectors.workforce_figures(census_year=selectors.census_year_get(authority=selectors_authority(), year=2025))
    )
    assert data.figures["census_year"] == 2025
    assert data.figures["turnover_rate"] == float(census["turnover_rate"])


def selectors_authority():
    from pswhub.core.selectors import authority_get

    return authority_get()


@pytest.fixture
def records(north_team, south_team, adults_team):
    return council_records(north_team, south_team, adults_team)


def test_a_financial_year_of_a_small_council_shows_its_own_figures_at_the_end_of_the_year(records):
    data = WorkforceSection().build(YEAR_2025_26, "children")
    # At 31 March 2026 (records_at_date.py): 4 in post, 3 leavers of 2.3 FTE over 3.1 FTE in post,
    # turnover 2.3 / 3.1 = 74.19...% -> 74.2. Small, but the council's own figures of the kind DfE
    # publishes for every council are never hidden (docs/adr/0013).
    assert data.figures["headcount_in_post"] == 4
    assert data.figures["turnover_rate"] == 74.2
    assert data.figures["reference_date"] == "2026-03-31"
    assert data.comparison.startswith(
        "The turnover rate of children's social workers was 74.2% over the 12 months to 31 March 2026"
    )
    assert "not shown because it rests on a small number of people" not in data.comparison


def test_a_report_on_both_services_shows_childrens_and_adults_at_the_end_of_the_year(records):
    data = WorkforceSection().build(YEAR_2025_26, "all")
    assert data.table.head == [
        "Figure",
        "Children's social workers, 31 March 2025",
        "Children's social workers, 31 March 2026",
        "Adults' social workers, 31 March 2025",
        "Adults' social workers, 31 March 2026",
    ]
    # Adults at 31 March 2026: H and L, 2 people; the service's own figure, shown as children's is.
    assert data.figures["adults_headcount_in_post"] == 2
    assert NO_CENSUS_FOR_ADULTS in data.notes
    assert "adults' social workers" in data.narrative


@pytest.fixture
def census_year_2023(db):
    """2023: 20 in post at 1 FTE with 15 cases and 4 days lost each; 5 leavers at 1 FTE; 5 agency
    workers with 12 cases each; 2.5 FTE vacancies. England has figures for 2023."""
    census_year = CensusYearFactory(year=2023, vacancies_fte=Decimal("2.5"))
    CensusWorkerFactory.create_batch(20, census_year=census_year, cases_30=15, working_days_lost=Decimal("4"))
    CensusWorkerFactory.create_batch(5, census_year=census_year, role_end_date=date(2023, 3, 31), reason_leave="1")
    CensusWorkerFactory.create_batch(5, census_year=census_year, agency=True, cases_30=12)
    return census_year


def test_the_section_compares_the_council_with_england_for_the_same_year(census_year_2023):
    data = WorkforceSection().build(Period.financial_year(2023), "children")
    # England 2023 (DfE indicators): turnover 15.9, vacancy 18.9, agency 17.8, caseload 16.0, absence 3.2.
    assert data.narrative.endswith(
        "Against England's published figures for the same census year (2023), the council's turnover rate 25.0% "
        "against 15.9%; vacancy rate 11.1% against 18.9%; agency worker rate 20.0% against 17.8%; average caseload "
        "per case-holding FTE 14.4 against 16.0; absence rate 1.6% against 3.2%. Source of England's figures: "
        "Department for Education, Children's social work workforce: indicators file 2017 to 2023 (Open Government "
        "Licence v3.0), bundled with PSW Hub."
    )
    assert (data.figures["england_turnover_rate"], data.figures["england_average_caseload"]) == (15.9, 16.0)


def test_a_year_england_has_no_figures_for_has_no_comparison_with_england(two_census_years):
    data = WorkforceSection().build(YEAR_2025_26, "children")
    assert "England" not in data.narrative
    assert not any(name.startswith("england_") for name in data.figures)
