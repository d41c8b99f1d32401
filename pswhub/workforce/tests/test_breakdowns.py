"""Figures by team and role, retention by role group, leavers and starters, newly qualified
starters, England's series: against values worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.core.presenters import SUPPRESSED
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.workforce import breakdowns, national, selectors

from .factories import CensusWorkerFactory, CensusYearFactory

D = Decimal


@pytest.fixture
def year_2025(db):
    """Census year 2025: 1 October 2024 to 30 September 2025.

    North: M1 first line manager; S1 senior practitioner at 0.5 FTE with 10 cases; C1 case holder
    with 20 cases; P1 a case holder until 31 March 2025 who moves to South as a senior
    practitioner on 1 April with 8 cases.
    South: M2 middle manager, resigned 31 May 2025 to another council; C2 case holder at 0.8 FTE,
    retired 31 December 2024; C3 newly qualified, started 6 January 2025, born 1 June 1999,
    female, 12 cases; C4 from another council, started 3 February 2025, 15 cases; N2 newly
    qualified, started 4 November 2024, born 1 October 1990, male, resigned 29 August 2025 to an
    agency; A1 an agency case holder with 14 cases."""
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    census_year = CensusYearFactory(year=2025, vacancies_fte=D("2"))

    def worker(team, swe_number, **kwargs):
        return CensusWorkerFactory(
            census_year=census_year, staff_member=StaffMemberFactory(team=team), swe_number=swe_number, **kwargs
        )

    worker(north, "SW1", org_role="3", role_start_date=date(2018, 4, 1))
    worker(north, "SW2", org_role="4", fte=D("0.5"), cases_30=10)
    worker(north, "SW3", cases_30=20)
    worker(north, "SW4", line=0, role_end_date=date(2025, 3, 31))
    worker(south, "SW4", line=1, org_role="4", role_start_date=date(2025, 4, 1), cases_30=8)
    worker(south, "SW5", org_role="2", role_end_date=date(2025, 5, 31), reason_leave="1", leaver_destination="1")
    worker(south, "SW6", fte=D("0.8"), role_end_date=date(2024, 12, 31), reason_leave="5", leaver_destination="6")
    worker(
        south, "SW7", role_start_date=date(2025, 1, 6), start_origin="1", date_of_birth=date(1999, 6, 1), cases_30=12
    )
    worker(south, "SW8", role_start_date=date(2025, 2, 3), start_origin="2", cases_30=15)
    worker(
        south,
        "SW9",
        role_start_date=date(2024, 11, 4),
        start_origin="1",
        date_of_birth=date(1990, 10, 1),
        gender_current="1",
        role_end_date=date(2025, 8, 29),
        reason_leave="1",
        leaver_destination="3",
    )
    worker(south, "SW10", agency=True, cases_30=14)
    return census_year


def test_the_authority_counts_a_move_between_teams_as_neither_leaving_nor_starting(year_2025):
    figures = selectors.workforce_figures(census_year=year_2025)
    # In post: SW1, SW2 (0.5), SW3, SW4, SW7, SW8 = 6 people, 5.5 FTE.
    assert (figures["headcount_in_post"], figures["fte_in_post"]) == (6, D("5.5"))
    # Leavers SW5 (1), SW6 (0.8), SW9 (1) = 2.8 FTE: 2.8 / 5.5 = 50.909% -> 50.9%.
    assert (figures["leavers_headcount"], figures["leavers_fte"], figures["turnover_rate"]) == (3, D("2.8"), D("50.9"))
    # Starters SW7, SW8, SW9; not SW4, who was there before the year.
    assert figures["starters_headcount"] == 3


def test_figures_by_team_take_each_teams_own_lines(year_2025):
    north, south = breakdowns.figures_by_team(census_year=year_2025)
    assert (north["team"], south["team"]) == ("North", "South")
    # North: SW1, SW2 (0.5), SW3 in post = 2.5 FTE; SW4 left North for South: not a leaver.
    assert (north["headcount_in_post"], north["fte_in_post"], north["leavers_headcount"]) == (3, D("2.5"), 0)
    assert (north["turnover_rate"], north["starters_headcount"]) == (D("0.0"), 0)
    # Cases 10 + 20 = 30 over 1.5 case-holding FTE = 20.0.
    assert north["average_caseload"] == D("20.0")
    # South: SW4, SW7, SW8 in post = 3 FTE; leavers 2.8 FTE: 93.333% -> 93.3%.
    assert (south["headcount_in_post"], south["fte_in_post"], south["turnover_rate"]) == (3, D("3"), D("93.3"))
    assert south["starters_headcount"] == 3
    # Agency 1 FTE: 1 / (1 + 3) = 25.0%. Cases 8 + 12 + 15 + 14 = 49 over 4 FTE = 12.25 -> 12.3.
    assert (south["agency_rate"], south["average_caseload"]) == (D("25.0"), D("12.3"))
    # Vacancies are held for the whole authority only.
    assert north["vacancy_fte"] is None and south["vacancy_rate"] is None


def test_figures_by_team_match_the_team_figures(year_2025):
    from pswhub.core.models import Team

    for row in breakdowns.figures_by_team(census_year=year_2025):
        team = Team.objects.get(name=row["team"])
        assert row == selectors.workforce_figures(census_year=year_2025, team=team)


def test_lines_with_no_team_have_their_own_row(db):
    census_year = CensusYearFactory(year=2025)
    CensusWorkerFactory(census_year=census_year, team=None)
    (row,) = breakdowns.figures_by_team(census_year=census_year)
    assert (row["team"], row["headcount_in_post"]) == (breakdowns.NO_TEAM, 1)


def test_figures_by_role_follow_the_census_role_codes(year_2025):
    rows = {row["team"]: row for row in breakdowns.figures_by_role(census_year=year_2025)}
    assert list(rows) == ["Middle manager", "First line manager", "Senior practitioner", "Case holder"]
    # SW5 left as a middle manager: 1 FTE out of none in post.
    assert (rows["Middle manager"]["headcount_in_post"], rows["Middle manager"]["leavers_headcount"]) == (0, 1)
    assert rows["Middle manager"]["turnover_rate"] is None
    # Senior practitioners SW2 (0.5) and SW4 (1), who moved into the role: not a starter.
    senior = rows["Senior practitioner"]
    assert (senior["headcount_in_post"], senior["fte_in_post"], senior["starters_headcount"]) == (2, D("1.5"), 0)
    # Case holders in post SW3, SW7, SW8 = 3 FTE; leavers SW6 (0.8) and SW9 (1): 1.8 / 3 = 60.0%.
    holders = rows["Case holder"]
    assert (holders["headcount_in_post"], holders["leavers_fte"], holders["turnover_rate"]) == (3, D("1.8"), D("60.0"))


def test_retention_is_the_share_of_people_in_post_at_the_start_still_in_post_at_the_end(year_2025):
    rows = {row["group"]: row for row in breakdowns.retention_by_role_group(census_year=year_2025)}
    # In post at 30 September 2024: SW1 and SW5 (managers), SW2 (senior practitioner), SW3, SW4 and
    # SW6 (case holders). Still in post at 30 September 2025: SW1, SW2, SW3, SW4 (in another role).
    assert [rows["managers"][key] for key in ("in_post_at_start", "retained", "left")] == [2, 1, 1]
    assert rows["managers"]["retention_rate"] == D("50.0")
    assert rows["senior_practitioners"]["retention_rate"] == D("100.0")
    assert (rows["case_holders"]["retained"], rows["case_holders"]["retention_rate"]) == (2, D("66.7"))
    assert (rows["qualified_without_cases"]["in_post_at_start"], rows["qualified_without_cases"]["retention_rate"]) == (
        0,
        None,
    )
    # All: 4 of 6 = 66.666% -> 66.7%. Starters in the year (SW7, SW8, SW9) and agency workers are not counted.
    assert (rows["all"]["in_post_at_start"], rows["all"]["retention_rate"]) == (6, D("66.7"))


def test_retention_as_published_hides_small_groups_and_small_numbers_leaving(year_2025):
    rows = {row["group"]: row for row in breakdowns.retention_for_publication(
        breakdowns.retention_by_role_group(census_year=year_2025)
    )}  # fmt: skip
    assert rows["managers"]["in_post_at_start"] == SUPPRESSED and rows["managers"]["retention_rate"] == SUPPRESSED
    # Six at the start can be shown; two leaving cannot, nor the rate that would reveal it.
    assert rows["all"]["in_post_at_start"] == 6
    assert (rows["all"]["left"], rows["all"]["retention_rate"]) == (SUPPRESSED, SUPPRESSED)
    assert rows["qualified_without_cases"]["in_post_at_start"] == 0


def test_retention_of_a_large_group_with_many_leaving_is_shown(db):
    census_year = CensusYearFactory(year=2025)
    CensusWorkerFactory.create_batch(18, census_year=census_year, org_role="2")
    CensusWorkerFactory.create_batch(7, census_year=census_year, org_role="2", role_end_date=date(2025, 6, 30))
    managers = breakdowns.retention_for_publication(breakdowns.retention_by_role_group(census_year=census_year))[0]
    # 18 of 25 = 72.0%.
    assert (managers["in_post_at_start"], managers["retained"], managers["left"]) == (25, 18, 7)
    assert managers["retention_rate"] == D("72.0")


def test_leavers_by_reason_and_destination_and_starters_by_origin(year_2025):
    moves = breakdowns.leavers_and_starters(census_year=year_2025)
    assert moves["leavers_by_reason"] == {"Resignation": 2, "Retired": 1}
    assert moves["leavers_by_destination"] == {
        "Social worker role in a different local authority in England": 1,
        "Non-social care role, any role outside England, no employment or career break": 1,
        "Agency or consultancy in social work (in England)": 1,
    }
    assert moves["starters_by_origin"] == {
        "Newly qualified social worker": 2,
        "Social worker role in a different local authority in England": 1,
    }


def test_newly_qualified_starters_by_age_and_sex(year_2025):
    profile = breakdowns.newly_qualified_profile(census_year=year_2025, suppress=False)
    # SW7 born 1 June 1999: 26 at 30 September 2025. SW9 born 1 October 1990: 34, a day short of 35.
    assert profile["age"] == {"Under 30": 1, "30 to 39": 1, "total": 2}
    assert profile["sex"] == {"Female": 1, "Male": 1, "total": 2}


def test_newly_qualified_starters_as_published_hide_small_numbers(year_2025):
    profile = breakdowns.newly_qualified_profile(census_year=year_2025)
    assert profile["age"] == {"Under 30": SUPPRESSED, "30 to 39": SUPPRESSED, "total": SUPPRESSED}
    assert set(profile["sex"].values()) == {SUPPRESSED}


def test_teams_published_hide_a_small_team_and_the_next_smallest(db):
    census_year = CensusYearFactory(year=2025)
    for name, people in [("Alpha", 6), ("Beta", 7), ("Gamma", 2)]:
        team = TeamFactory(name=name)
        for _ in range(people):
            CensusWorkerFactory(census_year=census_year, staff_member=StaffMemberFactory(team=team))
    rows = breakdowns.figures_by_group_for_publication(breakdowns.figures_by_team(census_year=census_year))
    shown = {row["team"]: row for row in rows}
    # Gamma's 2 is small; Alpha's 6, the smallest other, is hidden too, or 15 - 7 - 6 would give it.
    assert [shown[name]["headcount_in_post"] for name in ("Alpha", "Beta", "Gamma")] == [SUPPRESSED, 7, SUPPRESSED]
    assert shown["Alpha"]["fte_in_post"] == SUPPRESSED and shown["Beta"]["fte_in_post"] == D("7")


def test_the_equality_profile_for_the_psw_is_not_suppressed(db):
    census_year = CensusYearFactory(year=2024)
    for born in [date(1990, 10, 1)] * 6 + [date(1970, 1, 1)]:
        CensusWorkerFactory(census_year=census_year, date_of_birth=born)
    profile = breakdowns.census_year_breakdowns(census_year=census_year)["equality"]
    assert profile["age"] == {"30 to 39": 6, "50 to 59": 1, "total": 7}


# England's published series -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("figure", "year", "value"),
    [
        ("turnover_rate", 2017, "13.4"),
        ("vacancy_rate", 2022, "20.0"),
        ("agency_rate", 2023, "17.8"),
        ("average_caseload", 2020, "16.3"),
        ("absence_rate", 2022, "3.5"),
        ("fte_in_post", 2023, "33119"),
        ("turnover_rate", 2024, "13.8"),
        ("average_caseload", 2024, "15.4"),
    ],
)
def test_englands_series_holds_dfes_published_figures(db, figure, year, value):
    held = national.england_value(figure=figure, year=year)
    assert held.value == D(value)
    assert "Department for Education" in held.source


def test_england_has_no_value_where_dfe_published_none(db):
    # 2024's vacancies and agency workers were reported as counts, not rates; 2025 is not held.
    assert national.england_value(figure="vacancy_rate", year=2024) is None
    assert national.england_value(figure="agency_rate", year=2024) is None
    assert national.england_value(figure="turnover_rate", year=2025) is None


def test_every_national_value_names_a_known_source():
    series = national.england_series()
    assert series.values and all(value.source for value in series.values.values())
    assert {source["confidence"] for source in series.sources.values()} <= {"high", "medium"}


def test_the_comparison_puts_the_council_beside_england_for_the_same_year(db):
    figures = {"year": 2023, "turnover_rate": D("12.0"), "vacancy_rate": SUPPRESSED, "agency_rate": None}
    figures |= {"average_caseload": D("17.1"), "absence_rate": D("2.0")}
    rows = {row["figure"]: row for row in national.comparison_with_england(figures)}
    assert (rows["turnover_rate"]["council"], rows["turnover_rate"]["england"]) == (D("12.0"), D("15.9"))
    assert (rows["vacancy_rate"]["council"], rows["vacancy_rate"]["england"]) == (SUPPRESSED, D("18.9"))
    assert rows["absence_rate"]["england"] == D("3.2")


def test_retention_as_published_hides_a_second_group_so_a_small_one_cannot_be_worked_out(db):
    census_year = CensusYearFactory(year=2025)
    CensusWorkerFactory.create_batch(10, census_year=census_year, org_role="2")
    CensusWorkerFactory.create_batch(3, census_year=census_year, org_role="4")
    rows = {row["group"]: row for row in breakdowns.retention_for_publication(
        breakdowns.retention_by_role_group(census_year=census_year)
    )}  # fmt: skip
    # Three senior practitioners are hidden; so are the ten managers, or 13 - 10 would give them.
    assert rows["senior_practitioners"]["in_post_at_start"] == SUPPRESSED
    assert rows["managers"]["in_post_at_start"] == SUPPRESSED
    assert (rows["all"]["in_post_at_start"], rows["all"]["retention_rate"]) == (13, D("100.0"))
