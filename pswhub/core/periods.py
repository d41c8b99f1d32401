"""Periods: the one place that knows when a year starts and ends, and how a period is named.

Four kinds of year are used in social care:

- the **financial year**, 1 April to 31 March: the annual report, audits, the work plan;
- the **census year**, 1 October to 30 September: the DfE workforce census, whose stock figures
  are taken on 30 September. It is named by the year of that 30 September ("the 2026 census");
- the **academic year**, 1 September to 31 August: student placements;
- the **calendar year**, 1 January to 31 December: registration renewals, progression panels.

A year that spans two calendar years is labelled in one style everywhere: "2025/26". A calendar
year is "2025"; any other period is named by its dates."""

from dataclasses import dataclass
from datetime import date

from .presenters import govuk_date

# The month and day each kind of year starts on.
FINANCIAL_YEAR_START = (4, 1)
CENSUS_YEAR_START = (10, 1)
ACADEMIC_YEAR_START = (9, 1)

YEAR_LABEL_INVALID = "Enter the year like 2025/26"


def year_before(day):
    """The same day a year earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def year_label(year_start):
    """ "2025/26" for the year that starts in 2025."""
    return f"{year_start}/{(year_start + 1) % 100:02d}"


def year_label_parse(label):
    """The starting calendar year of a label such as "2025/26" (or "2025-26"); ValueError when the
    label is not two consecutive years."""
    text = str(label or "").strip().replace("-", "/")
    first, slash, second = text.partition("/")
    if not (slash and first.isdigit() and second.isdigit() and len(first) == 4 and len(second) in (2, 4)):
        raise ValueError(YEAR_LABEL_INVALID)
    start = int(first)
    if int(second) % 100 != (start + 1) % 100 or (len(second) == 4 and int(second) != start + 1):
        raise ValueError(YEAR_LABEL_INVALID)
    return start


def _starting_year(day, month_day):
    return day.year if (day.month, day.day) >= month_day else day.year - 1


def _spanning_year(year_start, month_day):
    month, day = month_day
    start = date(year_start, month, day)
    end = date(year_start + 1, month, day).toordinal() - 1
    return Period(start, date.fromordinal(end))


@dataclass(frozen=True)
class Period:
    """A period of days, both ends included."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("A period must end on or after the day it starts")

    @property
    def kind(self):
        """ "financial", "census", "academic" or "calendar" when the period is exactly one such
        year, else "dates"."""
        start, end = self.start, self.end
        for kind, month_day in YEAR_KINDS.items():
            if (start.month, start.day) == month_day and _spanning_year(start.year, month_day) == self:
                return kind
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return "calendar"
        return "dates"

    @property
    def label(self):
        kind = self.kind
        if kind == "calendar":
            return str(self.start.year)
        if kind != "dates":
            return year_label(self.start.year)
        return f"{govuk_date(self.start)} to {govuk_date(self.end)}"

    @property
    def is_financial_year(self):
        return self.kind == "financial"

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def contains(self, day):
        return self.start <= day <= self.end

    def previous(self):
        """The same days a year earlier (29 February becomes 28 February)."""
        return Period(year_before(self.start), year_before(self.end))

    def as_dict(self):
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, data):
        return cls(date.fromisoformat(data["start"]), date.fromisoformat(data["end"]))

    # The named years, each by the calendar year it starts in (the census year by the year of
    # its 30 September, as DfE names it).
    @classmethod
    def financial_year(cls, year_start):
        return _spanning_year(year_start, FINANCIAL_YEAR_START)

    @classmethod
    def census_year(cls, year):
        return _spanning_year(year - 1, CENSUS_YEAR_START)

    @classmethod
    def academic_year(cls, year_start):
        return _spanning_year(year_start, ACADEMIC_YEAR_START)

    @classmethod
    def calendar_year(cls, year):
        return cls(date(year, 1, 1), date(year, 12, 31))


YEAR_KINDS = {
    "financial": FINANCIAL_YEAR_START,
    "census": CENSUS_YEAR_START,
    "academic": ACADEMIC_YEAR_START,
}


def financial_year_of(day):
    """The financial year a day falls in, by the calendar year it starts in."""
    return _starting_year(day, FINANCIAL_YEAR_START)


def census_year_of(day):
    """The census year a day falls in, by the year of the 30 September that ends it."""
    return _starting_year(day, CENSUS_YEAR_START) + 1


def academic_year_of(day):
    """The academic year a day falls in, by the calendar year it starts in."""
    return _starting_year(day, ACADEMIC_YEAR_START)


def financial_year(year_start):
    return Period.financial_year(year_start)


def census_year(year):
    return Period.census_year(year)


def academic_year(year_start):
    return Period.academic_year(year_start)


def calendar_year(year):
    return Period.calendar_year(year)


def financial_year_containing(day):
    return Period.financial_year(financial_year_of(day))


def census_year_containing(day):
    return Period.census_year(census_year_of(day))


def academic_year_containing(day):
    return Period.academic_year(academic_year_of(day))


def last_complete_financial_year(today):
    """The latest financial year that ended before `today`."""
    return Period.financial_year(financial_year_of(today) - 1)
