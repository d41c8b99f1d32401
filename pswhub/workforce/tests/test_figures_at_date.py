"""The workforce figures at a date (`selectors.workforce_figures_on`) against values worked out by
hand from the records in records_at_date.py, and `manage.py workforce_figures --on`."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pswhub.workforce import selectors
from pswhub.workforce.selectors.at_date import month_ends, twelve_months_to

from .records_at_date import ON, council_records


@pytest.fixture
def records(north_team, south_team, adults_team):
    return council_records(north_team, south_team, adults_team)


def test_the_twelve_months_to_30_september_are_the_census_year():
    assert twelve_months_to(date(2025, 9, 30)).start == date(2024, 10, 1)
    assert twelve_months_to(ON).start == date(2025, 4, 1)
    # 29 February: the same date a year before is 28 February, so the 12 months start on 1 March.
    assert twelve_months_to(date(2028, 2, 29)).start == date(2027, 3, 1)


def test_childrens_figures_at_a_date_match_the_hand_worked_values(records):
    figures = selectors.workforce_figures_on(on=ON)
    # In post: A 1.0 + B 0.6 (after the FTE change) + E 0.5 + F 1.0 (moved team) = 3.1 FTE, 4 people.
    # C left on the date, so is a leaver and not in post; D starts the day after; H is an adults'
    # social worker; I holds no census role; K left the day before the 12 months began.
    assert figures["headcount_in_post"] == 4
    assert figures["fte_in_post"] == Decimal("3.10")
    # Leavers: C 0.8 + J 0.5 (FTE at leaving, not the 1.0 held earlier) + L 1.0 (moved to adults') = 2.3.
    assert figures["leavers_headcount"] == 3
    assert figures["leavers_fte"] == Decimal("2.30")
    # Starters: E only (B's FTE change and F's move are neither).
    assert figures["starters_headcount"] == 1
    # Turnover 2.3 / 3.1 = 74.19...% -> 74.2.
    assert figures["turnover_rate"] == Decimal("74.2")
    # Agency: G 1.0; rate 1.0 / (1.0 + 3.1) = 24.39...% -> 24.4.
    assert (figures["agency_headcount"], figures["agency_fte"]) == (1, Decimal("1.00"))
    assert figures["agency_rate"] == Decimal("24.4")
    # Establishment on the date (as the establishment page): North funded 5.0, filled by its own
    # staff on the day A 1.0 + B 0.6 + C 0.8 (last day) + E 0.5 + I 1.0 = 3.9, vacancy 1.1, agency
    # G 1.0 covers 1.0; South funded 2.0, filled 1.0 (F), vacancy 1.0. Total vacancy 2.1, cover 1.0.
    assert figures["vacancy_fte"] == Decimal("2.1")
    assert figures["agency_cover_fte"] == Decimal("1.0")
    # Vacancy rate 2.1 / (2.1 + 3.1) = 40.38...% -> 40.4; cover 1.0 / 1.0 agency = 100.0%;
    # vacancies covered 1.0 / 2.1 = 47.61...% -> 47.6.
    assert figures["vacancy_rate"] == Decimal("40.4")
    assert figures["agency_cover_rate"] == Decimal("100.0")
    assert figures["vacancies_covered_rate"] == Decimal("47.6")
    # Sickness: A 3 + E 4 = 7 days; rate 7 / (3.1 x 253 = 784.3) = 0.89...% -> 0.9.
    assert figures["working_days_lost"] == Decimal("7.00")
    assert figures["absence_rate"] == Decimal("0.9")
    # No caseload counts: no cases, no average (not a false zero).
    assert (figures["cases"], figures["average_caseload"]) == (0, None)
    assert figures["reference_date"] == ON
    assert figures["period_start"] == date(2025, 4, 1)
    assert figures["service"] == "children"
    assert "year" not in figures


def test_retention_at_a_date_is_of_those_in_post_when_the_twelve_months_began(records):
    figures = selectors.workforce_figures_on(on=ON)
    # In post on 31 March 2025: A, B, C, J, L (case holders) and F (senior practitioner); K's last
    # day was 31 March 2025, so not in post then. Still in post: A, B (case holders), F.
    assert figures["retention_rate_all"] == Decimal("50.0")  # 3 of 6
    assert figures["retention_rate_case_holders"] == Decimal("40.0")  # 2 of 5
    assert figures["retention_rate_senior_practitioners"] == Decimal("100.0")  # 1 of 1
    assert figures["retention_rate_managers"] is None  # nobody to retain


def test_adults_figures_come_from_the_same_records_and_leave_out_childrens_workers(records):
    figures = selectors.workforce_figures_on(on=ON, service="adults")
    # H 1.0 and L 1.0 (moved from children's on 1 November 2025): 2 people, 2.0 FTE; L is a starter.
    assert (figures["headcount_in_post"], figures["fte_in_post"]) == (2, Decimal("2.00"))
    assert (figures["starters_headcount"], figures["leavers_headcount"]) == (1, 0)
    assert figures["turnover_rate"] == Decimal("0.0")
    # No funded FTE is recorded for adults' teams: vacancies are not known, not zero.
    assert (figures["vacancy_fte"], figures["vacancy_rate"]) == (None, None)
    assert figures["service"] == "adults"


def test_the_day_after_a_leaver_and_before_a_starter(records):
    # On 30 March 2026 C is still in post (1.0 + 0.6 + 0.8 + 0.5 + 1.0 = 3.9) and not yet a leaver;
    # the 12 months now start on 31 March 2025, K's last day, so K is a leaver with J and L: 3.
    before = selectors.workforce_figures_on(on=date(2026, 3, 30))
    assert (before["headcount_in_post"], before["fte_in_post"], before["leavers_headcount"]) == (5, Decimal("3.90"), 3)
    # On 1 April 2026 D has started: 4 in post again (A, B, E, F) + D = 5, 4.1 FTE; the 12 months
    # now start on 2 April 2025.
    after = selectors.workforce_figures_on(on=date(2026, 4, 1))
    assert (after["headcount_in_post"], after["fte_in_post"], after["starters_headcount"]) == (5, Decimal("4.10"), 2)


def test_month_by_month_gives_the_same_figures_as_each_date_read_alone(records):
    ends = month_ends(until=date(2026, 4, 15), months=3)
    assert ends == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    trend = selectors.workforce_figures_by_month(until=date(2026, 4, 15), months=3)
    assert [row["reference_date"] for row in trend] == ends
    assert trend[-1] == selectors.workforce_figures_on(on=ON)
    assert trend[0] == selectors.workforce_figures_on(on=date(2026, 1, 31))


def test_month_ends_start_at_the_date_when_it_is_a_month_end():
    assert month_ends(until=date(2026, 2, 28), months=2) == [date(2026, 1, 31), date(2026, 2, 28)]


def test_an_unknown_service_is_refused_with_what_to_choose(db):
    with pytest.raises(ValueError, match="Choose children or adults"):
        selectors.workforce_figures_on(on=ON, service="everyone")


def run(*args):
    out = StringIO()
    call_command("workforce_figures", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_the_figures_at_a_date_as_json(records):
    printed = json.loads(run("--on", "2026-03-31", "--json"))
    assert printed["headcount_in_post"] == 4
    assert printed["fte_in_post"] == 3.1
    assert printed["turnover_rate"] == 74.2
    assert printed["reference_date"] == "2026-03-31"
    assert printed["service"] == "children"
    adults = json.loads(run("--on", "2026-03-31", "--service", "adults", "--json"))
    assert adults["headcount_in_post"] == 2


def test_the_command_uses_the_keys_of_a_census_year_where_they_apply(records, north_team):
    from .factories import CensusYearFactory

    CensusYearFactory(authority=north_team.service.authority, year=2025)
    by_year = json.loads(run("--year", "2025", "--json"))
    at_date = json.loads(run("--on", "2025-09-30", "--json"))
    assert set(by_year) - set(at_date) == {"year"}
    assert set(at_date) - set(by_year) == {"service", "period_start", "caseloads_counted_on"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "31/03/2026"], "enter a date as YYYY-MM-DD"),
        (["--on", "2026-02-30"], "enter a date as YYYY-MM-DD"),
        (["--on", "2026-03-31", "--team", "North"], "--team goes with --year"),
        (["--year", "2025", "--service", "adults"], "--service goes with --on"),
    ],
)
def test_the_command_refuses_bad_input_with_a_clear_message(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
