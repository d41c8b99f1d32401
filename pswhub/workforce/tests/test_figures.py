"""The DfE CSWW figures, against values worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.core.presenters import SUPPRESSED
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.workforce import breakdowns, selectors

from .factories import CensusWorkerFactory, CensusYearFactory

D = Decimal


@pytest.fixture
def year_2024(db):
    """Census year 2024: 1 October 2023 to 30 September 2024."""
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    census_year = CensusYearFactory(
        year=2024, vacancies_fte=D("2.5"), agency_cover_fte=D("0.5"), agency_cover_headcount=1
    )

    def worker(team, **kwargs):
        return CensusWorkerFactory(census_year=census_year, staff_member=StaffMemberFactory(team=team), **kwargs)

    # A: in post, full time, 20 cases, 10 days lost.
    worker(north, swe_number="SW1", cases_30=20, working_days_lost=D("10"))
    # B: a starter in the year, half time, 6 cases, 2.5 days lost.
    worker(
        north, swe_number="SW2", fte=D("0.5"), role_start_date=date(2024, 3, 1), cases_30=6, working_days_lost=D("2.5")
    )
    # C: left on 30 June 2024 at 0.8 FTE.
    worker(
        south, swe_number="SW3", fte=D("0.8"), role_end_date=date(2024, 6, 30), reason_leave="1", leaver_destination="1"
    )
    # D: a middle manager in post holding no cases.
    worker(
        south, swe_number="SW4", org_role="2", role_start_date=date(2015, 1, 5), cases_30=0, working_days_lost=D("0")
    )
    # E: an agency worker at 30 September with 15 cases.
    worker(south, swe_number="SW5", agency=True, cases_30=15)
    return census_year


def test_headcount_and_fte_in_post_count_la_employed_staff_at_30_september(year_2024):
    figures = selectors.workforce_figures(census_year=year_2024)
    # A, B and D are in post: 1 + 0.5 + 1 = 2.5 FTE. C has left; E is agency.
    assert figures["headcount_in_post"] == 3
    assert figures["fte_in_post"] == D("2.5")
    assert figures["reference_date"] == date(2024, 9, 30)


def test_turnover_is_fte_leavers_over_fte_in_post(year_2024):
    figures = selectors.workforce_figures(census_year=year_2024)
    # C left at 0.8 FTE: 0.8 / 2.5 = 32.0%.
    assert (figures["leavers_headcount"], figures["leavers_fte"], figures["turnover_rate"]) == (1, D("0.8"), D("32.0"))
    # Only B started in the year.
    assert figures["starters_headcount"] == 1


def test_agency_rate_is_agency_fte_over_agency_and_in_post_fte(year_2024):
    figures = selectors.workforce_figures(census_year=year_2024)
    # 1 / (1 + 2.5) = 28.571...% -> 28.6%.
    assert (figures["agency_fte"], figures["agency_headcount"], figures["agency_rate"]) == (D("1"), 1, D("28.6"))
    # 0.5 FTE of the 1 agency FTE covers vacancies: 50.0%; it covers 0.5 of 2.5 vacancy FTE: 20.0%.
    assert figures["agency_cover_rate"] == D("50.0")
    assert figures["vacancies_covered_rate"] == D("20.0")


def test_vacancy_rate_is_vacancy_fte_over_vacancy_and_in_post_fte(year_2024):
    figures = selectors.workforce_figures(census_year=year_2024)
    # 2.5 / (2.5 + 2.5) = 50.0%.
    assert (figures["vacancy_fte"], figures["vacancy_rate"]) == (D("2.5"), D("50.0"))


def test_caseload_is_cases_over_fte_of_workers_holding_cases(year_2024):
    figures = selectors.workforce_figures(census_year=year_2024)
    # Cases 20 + 6 + 15 = 41, held by A (1), B (0.5) and E (1) = 2.5 FTE: 41 / 2.5 = 16.4. D holds none.
    assert (figures["cases"], figures["case_holder_fte"], figures["average_caseload"]) == (41, D("2.5"), D("16.4"))


def test_absence_rate_is_days_lost_over_in_post_fte_times_253(year_2024):
    figures = selectors.workforce_figures(census_year=year_2024)
    # 10 + 2.5 + 0 = 12.5 days; 12.5 / (2.5 x 253 = 632.5) = 1.976...% -> 2.0%.
    assert (figures["working_days_lost"], figures["absence_rate"]) == (D("12.5"), D("2.0"))


def test_team_figures_take_the_team_and_leave_out_authority_wide_vacancies(year_2024):
    from pswhub.core.models import Team

    figures = selectors.workforce_figures(census_year=year_2024, team=Team.objects.get(name="North"))
    # A and B: 1 + 0.5 FTE; no leavers; vacancies are held for the authority only.
    assert (figures["headcount_in_post"], figures["fte_in_post"], figures["turnover_rate"]) == (2, D("1.5"), D("0.0"))
    assert figures["vacancy_fte"] is None and figures["vacancy_rate"] is None


def test_team_figures_include_the_teams_beneath_it(db):
    census_year = CensusYearFactory(year=2024)
    locality = TeamFactory(name="Locality")
    sub_team = TeamFactory(name="Locality Assessment", parent=locality, service=locality.service)
    CensusWorkerFactory(census_year=census_year, staff_member=StaffMemberFactory(team=sub_team))
    assert selectors.workforce_figures(census_year=census_year, team=locality)["headcount_in_post"] == 1


def test_a_change_of_role_within_the_year_is_neither_a_leaver_nor_a_starter(db):
    census_year = CensusYearFactory(year=2024)
    CensusWorkerFactory(census_year=census_year, swe_number="SW9", line=0, role_end_date=date(2024, 3, 31))
    CensusWorkerFactory(
        census_year=census_year, swe_number="SW9", line=1, org_role="4", role_start_date=date(2024, 4, 1)
    )
    figures = selectors.workforce_figures(census_year=census_year)
    assert (figures["headcount_in_post"], figures["leavers_headcount"], figures["starters_headcount"]) == (1, 0, 0)


def test_a_person_with_two_roles_counts_once_but_both_ftes_count(db):
    census_year = CensusYearFactory(year=2024)
    CensusWorkerFactory(census_year=census_year, swe_number="SW9", line=0, fte=D("0.5"))
    CensusWorkerFactory(census_year=census_year, swe_number="SW9", line=1, fte=D("0.3"))
    figures = selectors.workforce_figures(census_year=census_year)
    # Headcount de-duplicated on SWE number; FTE not: 0.5 + 0.3 = 0.8.
    assert (figures["headcount_in_post"], figures["fte_in_post"]) == (1, D("0.8"))


def test_someone_leaving_on_30_september_is_a_leaver_not_in_post(db):
    census_year = CensusYearFactory(year=2024)
    CensusWorkerFactory(census_year=census_year, role_end_date=date(2024, 9, 30), reason_leave="1")
    figures = selectors.workforce_figures(census_year=census_year)
    assert (figures["headcount_in_post"], figures["leavers_headcount"]) == (0, 1)


def test_rates_with_nothing_to_divide_by_are_none(db):
    figures = selectors.workforce_figures(census_year=CensusYearFactory(year=2024, vacancies_fte=None))
    assert figures["turnover_rate"] is None and figures["average_caseload"] is None and figures["vacancy_rate"] is None


def test_the_councils_published_figures_are_never_hidden_however_small(year_2024):
    # DfE publishes every council's headcount, turnover and agency rate (docs/adr/0013): three in
    # post, one leaver and one agency worker are shown as they are.
    figures = selectors.workforce_figures(census_year=year_2024)
    shown = selectors.workforce_figures_for_publication(figures)
    assert (shown["headcount_in_post"], shown["leavers_headcount"], shown["agency_headcount"]) == (3, 1, 1)
    assert SUPPRESSED not in shown.values()


def test_published_figures_show_counts_at_the_threshold(db):
    census_year = CensusYearFactory(year=2024)
    for _ in range(5):
        CensusWorkerFactory(census_year=census_year)
    shown = selectors.workforce_figures_for_publication(selectors.workforce_figures(census_year=census_year))
    assert shown["headcount_in_post"] == 5
    assert shown["fte_in_post"] == D("5")
    assert shown["leavers_headcount"] == 0


def test_equality_profile_counts_people_in_post_by_age_sex_and_ethnicity(db):
    census_year = CensusYearFactory(year=2024)
    for born in [date(1990, 10, 1)] * 5 + [date(1980, 6, 1)] * 5:
        CensusWorkerFactory(census_year=census_year, date_of_birth=born)
    CensusWorkerFactory(census_year=census_year, date_of_birth=date(1960, 1, 1), role_end_date=date(2024, 6, 30))
    profile = breakdowns.census_year_breakdowns(census_year=census_year)["equality"]
    # Born 1 October 1990: 33 at 30 September 2024 (one day short of 34). Born 1 June 1980: 44.
    # The leaver born in 1960 is not in post at 30 September, so is not counted.
    assert profile["age"] == {"30 to 39": 5, "40 to 49": 5, "total": 10}
    assert profile["sex"] == {"Female": 10, "total": 10}
    assert profile["ethnicity"] == {"White British": 10, "total": 10}


def test_the_figures_command_prints_one_json_object(year_2024, capsys):
    import json

    from django.core.management import call_command

    call_command("workforce_figures", "--year", "2024", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert figures["reference_date"] == "2024-09-30"
    assert (figures["headcount_in_post"], figures["fte_in_post"], figures["turnover_rate"]) == (3, 2.5, 32.0)
    assert (figures["agency_rate"], figures["vacancy_rate"], figures["average_caseload"]) == (28.6, 50.0, 16.4)
    assert (figures["working_days_lost"], figures["absence_rate"], figures["cases"]) == (12.5, 2.0, 41)


def test_the_figures_command_takes_a_team(year_2024, capsys):
    import json

    from django.core.management import call_command

    call_command("workforce_figures", "--year", "2024", "--team", "North", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert (figures["team"], figures["headcount_in_post"], figures["vacancy_fte"]) == ("North", 2, None)


def test_the_figures_command_refuses_an_unknown_year(year_2024):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="There is no 2019 census year"):
        call_command("workforce_figures", "--year", "2019", "--json")


def test_the_figures_command_adds_retention_by_role_group(year_2024, capsys):
    import json

    from django.core.management import call_command

    call_command("workforce_figures", "--year", "2024", "--json")
    figures = json.loads(capsys.readouterr().out)
    # In post at 30 September 2023: A, C and D (B started in 2024). C left: 2 of 3 = 66.7%.
    assert (figures["retention_rate_all"], figures["retention_rate_case_holders"]) == (66.7, 50.0)
    assert (figures["retention_rate_managers"], figures["retention_rate_qualified_without_cases"]) == (100.0, None)
    call_command("workforce_figures", "--year", "2024", "--team", "North", "--json")
    assert json.loads(capsys.readouterr().out)["retention_rate_all"] is None
