"""Which census year a period's figures come from: the one whose reference date (30 September)
falls in the period."""

from pswhub.core.periods import Period

from .lines import census_year_get


def census_year_number_in_period(*, start, end):
    """The collection year whose reference date (30 September) falls between `start` and `end`,
    both included; the latest if the period holds more than one; None if it holds none."""
    years = [year for year in range(start.year, end.year + 1) if start <= Period.census_year(year).end <= end]
    return years[-1] if years else None


def census_year_in_period(*, authority, start, end):
    """The census year of `census_year_number_in_period`, or None if PSW Hub holds no return for
    it. A census year is a snapshot of its return, so the figures of a past period do not change
    with work done since (a corrected return for that year aside)."""
    year = census_year_number_in_period(start=start, end=end)
    if year is None or authority is None:
        return None
    return census_year_get(authority=authority, year=year)
