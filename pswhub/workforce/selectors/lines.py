"""Census years and their worker lines, sorted into the groups the DfE definitions use.

Terms used throughout the figures:
- a *line* is one worker line of the census return (a person with two roles has two lines);
- *in post* means an LA-employed line (not an agency worker) that started by 30 September and had
  not ended by then;
- people are counted once however many lines they have (headcount de-duplicated on SWE number);
- FTE at 30 September is the return's FTE30 where given, otherwise its FTE. FTE is never
  de-duplicated, as DfE does not de-duplicate it."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..models import CensusWorker, CensusYear


def census_year_get(*, authority, year):
    return CensusYear.objects.filter(authority=authority, year=year).first()


def census_years(*, authority):
    return CensusYear.objects.filter(authority=authority).order_by("year")


def census_workers(*, census_year):
    """The worker lines of one year's return in the order the return lists them."""
    return list(CensusWorker.objects.filter(census_year=census_year).order_by("swe_number", "line"))


@dataclass(frozen=True)
class Line:
    """One worker line as the figures read it. The fields after `working_days_lost` are needed only
    for breakdowns, so a trend over many years need not read them (`TREND_FIELDS`)."""

    census_year_id: int
    swe_number: str
    agency: bool
    fte: Decimal | None
    fte_30: Decimal | None
    role_start_date: date | None
    role_end_date: date | None
    cases_30: int | None
    working_days_lost: Decimal | None
    team_id: int | None = None
    reason_leave: str = ""
    leaver_destination: str = ""
    start_origin: str = ""
    org_role: str = ""
    date_of_birth: date | None = None
    gender_current: str = ""
    sex: str = ""
    ethnicity: str = ""

    @property
    def fte_at_reference(self):
        return self.fte_30 if self.fte_30 is not None else (self.fte or Decimal(0))

    @property
    def fte_at_leaving(self):
        return self.fte if self.fte is not None else (self.fte_30 or Decimal(0))


ALL_FIELDS = list(Line.__dataclass_fields__)
TREND_FIELDS = ALL_FIELDS[: ALL_FIELDS.index("team_id")]


def year_lines(census_years, fields=ALL_FIELDS):
    """The worker lines of the given census years in one query, by census year id, in the order
    the return lists them; `TREND_FIELDS` reads only what the headline figures need for a whole
    year."""
    by_year = {census_year.pk: [] for census_year in census_years}
    rows = CensusWorker.objects.filter(census_year__in=list(by_year)).order_by("census_year", "swe_number", "line")
    for row in rows.values(*fields):
        by_year[row["census_year_id"]].append(Line(**row))
    return by_year


def in_post_on(line, day):
    """Working for the authority on `day`: started by then (or no start recorded), not ended by then."""
    started = line.role_start_date is None or line.role_start_date <= day
    not_ended = line.role_end_date is None or line.role_end_date > day
    return started and not_ended


class Year:
    """The lines of one census year, sorted into the groups the definitions use.

    `lines` are the lines counted (the whole return, or one team's or role's lines); `all_lines`
    the whole return, which says who is still in post and who started before the year, so that a
    move between teams or roles inside the authority is neither a leaver nor a starter."""

    def __init__(self, census_year, lines, all_lines=None):
        all_lines = lines if all_lines is None else all_lines
        self.census_year = census_year
        self.lines = lines
        start, reference = census_year.starts_on, census_year.reference_date
        self.in_post_lines = [line for line in lines if in_post_on(line, reference)]
        self.employed_in_post = [line for line in self.in_post_lines if not line.agency]
        self.agency_in_post = [line for line in self.in_post_lines if line.agency]
        in_post_people = {line.swe_number for line in all_lines if not line.agency and in_post_on(line, reference)}
        earlier_starts = {
            line.swe_number for line in all_lines if line.role_start_date is not None and line.role_start_date < start
        }
        # A line that ends while the same person stays in post on another line is a change of
        # role within the authority, not a leaver; a line that starts for someone who had a line
        # before the year is not a starter.
        self.leaver_lines = _employed_in_year(lines, "role_end_date", start, reference, except_people=in_post_people)
        self.starter_lines = _employed_in_year(lines, "role_start_date", start, reference, except_people=earlier_starts)


def _employed_in_year(lines, date_field, start, reference, *, except_people):
    """LA-employed lines whose `date_field` falls in the census year (both ends included), but not
    the lines of `except_people`."""
    return [
        line
        for line in lines
        if not line.agency
        and getattr(line, date_field) is not None
        and start <= getattr(line, date_field) <= reference
        and line.swe_number not in except_people
    ]
