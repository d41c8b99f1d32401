"""Periods: each kind of year's bounds, the year a day falls in, and one label style."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pswhub.core import periods
from pswhub.core.periods import Period


def test_a_financial_year_runs_from_1_april_to_31_march_and_is_labelled_2025_26():
    year = Period.financial_year(2025)
    assert (year.start, year.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert year.label == "2025/26"
    assert year.kind == "financial"
    assert year.is_financial_year


def test_the_2026_census_year_runs_from_1_october_2025_to_30_september_2026():
    year = Period.census_year(2026)
    assert (year.start, year.end) == (date(2025, 10, 1), date(2026, 9, 30))
    assert year.label == "2025/26"
    assert year.kind == "census"


def test_an_academic_year_runs_from_1_september_to_31_august():
    year = Period.academic_year(2020)
    assert (year.start, year.end) == (date(2020, 9, 1), date(2021, 8, 31))
    assert year.label == "2020/21"
    assert year.kind == "academic"


def test_a_calendar_year_is_labelled_by_its_year():
    year = Period.calendar_year(2024)
    assert (year.start, year.end, year.label, year.kind) == (date(2024, 1, 1), date(2024, 12, 31), "2024", "calendar")


def test_the_turn_of_the_century_keeps_two_digits():
    assert periods.year_label(1999) == "1999/00"
    assert periods.year_label(2009) == "2009/10"


def test_any_other_period_is_named_by_its_dates():
    period = Period(date(2025, 4, 1), date(2025, 9, 30))
    assert period.kind == "dates"
    assert period.label == "1 April 2025 to 30 September 2025"


def test_the_year_a_day_falls_in_changes_on_the_first_day_of_the_year():
    assert periods.financial_year_of(date(2026, 3, 31)) == 2025
    assert periods.financial_year_of(date(2026, 4, 1)) == 2026
    assert periods.census_year_of(date(2026, 9, 30)) == 2026
    assert periods.census_year_of(date(2026, 10, 1)) == 2027
    assert periods.academic_year_of(date(2021, 8, 31)) == 2020
    assert periods.academic_year_of(date(2021, 9, 1)) == 2021


def test_the_period_before_is_the_same_days_a_year_earlier():
    assert Period.financial_year(2025).previous() == Period.financial_year(2024)
    assert Period(date(2024, 2, 29), date(2024, 3, 31)).previous() == Period(date(2023, 2, 28), date(2023, 3, 31))


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        Period(date(2025, 4, 2), date(2025, 4, 1))


def test_a_period_counts_both_ends():
    assert Period.financial_year(2023).days == 366  # 29 February 2024
    assert Period(date(2025, 1, 1), date(2025, 1, 1)).days == 1
    assert Period.calendar_year(2025).contains(date(2025, 12, 31))
    assert not Period.calendar_year(2025).contains(date(2026, 1, 1))


def test_the_last_complete_financial_year():
    assert periods.last_complete_financial_year(date(2026, 12, 5)) == Period.financial_year(2025)
    assert periods.last_complete_financial_year(date(2026, 3, 31)) == Period.financial_year(2024)


@pytest.mark.parametrize("label, year", [("2020/21", 2020), ("2020-21", 2020), ("1999/00", 1999), ("2020/2021", 2020)])
def test_a_year_label_is_read_back(label, year):
    assert periods.year_label_parse(label) == year


@pytest.mark.parametrize("label", ["2020", "2020/22", "20/21", "", None, "2020/2022", "abcd/ef"])
def test_a_label_that_is_not_two_consecutive_years_is_refused(label):
    with pytest.raises(ValueError, match="2025/26"):
        periods.year_label_parse(label)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_every_day_falls_in_the_year_that_contains_it(day):
    for containing in (
        periods.financial_year_containing(day),
        periods.census_year_containing(day),
        periods.academic_year_containing(day),
    ):
        assert containing.contains(day)
        assert containing.days in (365, 366)
        assert containing.previous().end + timedelta(days=1) == containing.start
        assert periods.year_label_parse(containing.label) == containing.start.year


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_round_trip_through_a_dict(day):
    period = Period(day, day + timedelta(days=40))
    assert Period.from_dict(period.as_dict()) == period
