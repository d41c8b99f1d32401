"""The workforce figures. Each states its definition; the DfE Children's Social Work Workforce
(CSWW) definitions are quoted from its methodology (docs/workforce.md). A census year runs from
1 October to 30 September and stock figures are taken at 30 September.

Terms used throughout:
- a *line* is one worker line of the census return (a person with two roles has two lines);
- *in post* means an LA-employed line (not an agency worker) that started by 30 September and had
  not ended by then;
- people are counted once however many lines they have (headcount de-duplicated on SWE number);
- FTE at 30 September is the return's FTE30 where given, otherwise its FTE. FTE is never
  de-duplicated, as DfE does not de-duplicate it.
Rates are percentages rounded half-up to one decimal place, as DfE publishes them."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from pswhub.core import disclosure
from pswhub.core.models import Team
from pswhub.core.presenters import SUPPRESSED

from . import codes
from .models import CensusWorker, CensusYear, ColumnMapping, ImportBatch, census_reference_date

# Working days in a year for the absence rate. DfE does not publish its denominator; 253 days
# (365 less weekends and eight bank holidays) reproduces its national rates (inferred).
WORKING_DAYS_PER_FTE = 253

ONE_PLACE = Decimal("0.1")
TWO_PLACES = Decimal("0.01")


def rate(numerator, denominator):
    """A percentage to one decimal place, half-up; None when there is nothing to divide by."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def _fte(value):
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def census_year_get(*, authority, year):
    return CensusYear.objects.filter(authority=authority, year=year).first()


def census_years(*, authority):
    return CensusYear.objects.filter(authority=authority).order_by("year")


def team_and_descendant_ids(team):
    ids, frontier = {team.pk}, {team.pk}
    while frontier:
        frontier = set(Team.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids


@dataclass(frozen=True)
class _Line:
    swe_number: str
    agency: bool
    fte: Decimal | None
    fte_30: Decimal | None
    role_start_date: date | None
    role_end_date: date | None
    cases_30: int | None
    working_days_lost: Decimal | None
    reason_leave: str
    leaver_destination: str
    start_origin: str
    org_role: str

    @property
    def fte_at_reference(self):
        return self.fte_30 if self.fte_30 is not None else (self.fte or Decimal(0))

    @property
    def fte_at_leaving(self):
        return self.fte if self.fte is not None else (self.fte_30 or Decimal(0))


class _Year:
    """The lines of one census year, sorted into the groups the definitions use."""

    def __init__(self, census_year, team=None):
        self.census_year = census_year
        lines = CensusWorker.objects.filter(census_year=census_year)
        if team is not None:
            lines = lines.filter(team_id__in=team_and_descendant_ids(team))
        self.lines = [_Line(**row) for row in lines.values(*_Line.__dataclass_fields__)]
        start, reference = census_year.starts_on, census_year.reference_date
        self.in_post_lines = [line for line in self.lines if self._in_post(line, reference)]
        self.employed_in_post = [line for line in self.in_post_lines if not line.agency]
        self.agency_in_post = [line for line in self.in_post_lines if line.agency]
        in_post_people = {line.swe_number for line in self.employed_in_post}
        # A line that ends while the same person stays in post on another line is a change of
        # role within the authority, not a leaver.
        self.leaver_lines = [
            line
            for line in self.lines
            if not line.agency
            and line.role_end_date is not None
            and start <= line.role_end_date <= reference
            and line.swe_number not in in_post_people
        ]
        earlier_starts = {
            line.swe_number for line in self.lines if line.role_start_date is not None and line.role_start_date < start
        }
        self.starter_lines = [
            line
            for line in self.lines
            if not line.agency
            and line.role_start_date is not None
            and start <= line.role_start_date <= reference
            and line.swe_number not in earlier_starts
        ]

    @staticmethod
    def _in_post(line, reference):
        started = line.role_start_date is None or line.role_start_date <= reference
        not_ended = line.role_end_date is None or line.role_end_date > reference
        return started and not_ended


def _people(lines):
    return len({line.swe_number for line in lines})


def workforce_figures(*, census_year, team=None):
    """The DfE CSWW headline figures for one census year, for the authority or one team (with the
    teams beneath it; team figures use the team recorded on each line).

    - headcount_in_post: people in post at 30 September (LA-employed, de-duplicated).
    - fte_in_post: FTE at 30 September of the lines in post.
    - leavers_headcount / leavers_fte: LA-employed people whose role ended in the year (FTE at
      leaving), except those still in post at 30 September on another line.
    - starters_headcount: LA-employed people whose role started in the year and who had no line
      starting before the year.
    - turnover_rate = FTE leavers in the year ÷ FTE in post at 30 September.
    - agency_fte / agency_headcount: agency workers working for the authority at 30 September.
    - agency_rate = agency FTE ÷ (agency FTE + FTE in post).
    - vacancy_fte: the authority's FTE vacancies at 30 September (authority only; None for a team).
    - vacancy_rate = vacancy FTE ÷ (vacancy FTE + FTE in post).
    - agency_cover_fte: agency FTE covering vacancies (authority only); agency_cover_rate = agency
      cover FTE ÷ agency FTE; vacancies_covered_rate = agency cover FTE ÷ vacancy FTE.
    - cases: cases held at 30 September by every worker in post, agency workers included.
    - case_holder_fte: FTE at 30 September of workers in post holding at least one case.
    - average_caseload = cases ÷ case_holder_fte, to one decimal place.
    - working_days_lost: days lost to absence in the year by LA-employed workers in post.
    - absence_rate = working days lost ÷ (FTE in post × 253) (the denominator is inferred).
    """
    data = _Year(census_year, team)
    fte_in_post = sum((line.fte_at_reference for line in data.employed_in_post), Decimal(0))
    leavers_fte = sum((line.fte_at_leaving for line in data.leaver_lines), Decimal(0))
    agency_fte = sum((line.fte_at_reference for line in data.agency_in_post), Decimal(0))
    case_holders = [line for line in data.in_post_lines if (line.cases_30 or 0) >= 1]
    cases = sum(line.cases_30 for line in case_holders)
    case_holder_fte = sum((line.fte_at_reference for line in case_holders), Decimal(0))
    days_lost = sum((line.working_days_lost or Decimal(0) for line in data.employed_in_post), Decimal(0))
    whole_authority = team is None
    vacancy_fte = census_year.vacancies_fte if whole_authority else None
    cover_fte = census_year.agency_cover_fte if whole_authority else None
    average_caseload = (
        (Decimal(cases) / case_holder_fte).quantize(ONE_PLACE, rounding=ROUND_HALF_UP) if case_holder_fte else None
    )
    return {
        "year": census_year.year,
        "reference_date": census_year.reference_date,
        "team": team.name if team is not None else None,
        "headcount_in_post": _people(data.employed_in_post),
        "fte_in_post": _fte(fte_in_post),
        "leavers_headcount": _people(data.leaver_lines),
        "leavers_fte": _fte(leavers_fte),
        "starters_headcount": _people(data.starter_lines),
        "turnover_rate": rate(leavers_fte, fte_in_post),
        "agency_fte": _fte(agency_fte),
        "agency_headcount": _people(data.agency_in_post),
        "agency_rate": rate(agency_fte, agency_fte + fte_in_post),
        "vacancy_fte": vacancy_fte,
        "vacancy_rate": rate(vacancy_fte, vacancy_fte + fte_in_post) if vacancy_fte is not None else None,
        "agency_cover_fte": cover_fte,
        "agency_cover_headcount": census_year.agency_cover_headcount if whole_authority else None,
        "agency_cover_rate": rate(cover_fte, agency_fte),
        "vacancies_covered_rate": rate(cover_fte, vacancy_fte),
        "cases": cases,
        "case_holder_fte": _fte(case_holder_fte),
        "average_caseload": average_caseload,
        "working_days_lost": _fte(days_lost),
        "absence_rate": rate(days_lost, fte_in_post * WORKING_DAYS_PER_FTE),
    }


# Which count each figure is derived from, so that suppressing a small count also hides what it
# would reveal.
_DERIVED_FROM = {
    "headcount_in_post": ["fte_in_post", "working_days_lost", "absence_rate"],
    "leavers_headcount": ["leavers_fte", "turnover_rate"],
    "agency_headcount": ["agency_fte", "agency_rate", "agency_cover_rate"],
    "starters_headcount": [],
}


def workforce_figures_for_publication(figures):
    """The same figures with disclosure control: a headcount below the threshold, and every figure
    derived from it, shown as `c`. Zero is shown (it reveals no one)."""
    shown = dict(figures)
    for count, derived in _DERIVED_FROM.items():
        if disclosure.is_small(figures[count]):
            for name in [count, *derived]:
                shown[name] = SUPPRESSED
    if shown["headcount_in_post"] == SUPPRESSED:
        for name in ("vacancy_rate", "cases", "case_holder_fte", "average_caseload"):
            shown[name] = SUPPRESSED
    return shown


def workforce_trend(*, authority, team=None, years=None):
    """Headline figures for each census year held, oldest first."""
    census_years_held = census_years(authority=authority)
    if years is not None:
        census_years_held = census_years_held.filter(year__in=years)
    return [workforce_figures(census_year=census_year, team=team) for census_year in census_years_held]


def leavers_by_reason(*, census_year):
    """Leavers in the year (as `workforce_figures` defines them) by DfE reason for leaving, with
    disclosure control applied across the group."""
    counts = Counter()
    for reason in _first_line_value(_Year(census_year).leaver_lines, "reason_leave").values():
        counts[codes.label(codes.REASON_LEAVE, reason) if reason else "Not recorded"] += 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def _first_line_value(lines, name):
    """{SWE number: `name` of that person's first line}, in one pass over the lines."""
    values = {}
    for line in lines:
        values.setdefault(line.swe_number, getattr(line, name))
    return values


def starters_by_origin(*, census_year):
    counts = Counter()
    for origin in _first_line_value(_Year(census_year).starter_lines, "start_origin").values():
        counts[codes.label(codes.START_ORIGIN, origin) if origin else "Not recorded"] += 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


AGE_BANDS = [
    (0, 29, "Under 30"),
    (30, 39, "30 to 39"),
    (40, 49, "40 to 49"),
    (50, 59, "50 to 59"),
    (60, 200, "60 and over"),
]


def _age_on(born, on):
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def equality_profile(*, census_year):
    """People in post at 30 September (LA-employed) by age band at 30 September, sex and ethnicity.
    Special category data: only for roles that may see it (`workforce.view_equality`). Each group
    of counts is disclosure-controlled."""
    in_post = (
        CensusWorker.objects.in_post(census_year)
        .employed()
        .filter(census_year=census_year)
        .order_by("swe_number", "line")
        .values("swe_number", "date_of_birth", "gender_current", "sex", "ethnicity")
    )
    people = {}
    for row in in_post:
        people.setdefault(row["swe_number"], row)
    reference = census_year.reference_date
    age, sex, ethnicity = Counter(), Counter(), Counter()
    for person in people.values():
        born = person["date_of_birth"]
        band = "Not recorded"
        if born is not None:
            years = _age_on(born, reference)
            band = next(name for low, high, name in AGE_BANDS if low <= years <= high)
        age[band] += 1
        code = person["sex"] or codes.SEX_FROM_GENDER.get(person["gender_current"], "")
        sex[codes.label(codes.SEX, code) if code else "Not known or not specified"] += 1
        ethnicity[codes.label(codes.ETHNICITY, person["ethnicity"]) if person["ethnicity"] else "Not recorded"] += 1
    age_order = [name for _, _, name in AGE_BANDS] + ["Not recorded"]
    return {
        "age": disclosure.suppress_counts({band: age[band] for band in age_order if age[band]}),
        "sex": disclosure.suppress_counts(dict(sex.most_common())),
        "ethnicity": disclosure.suppress_counts(dict(ethnicity.most_common())),
    }


def census_year_number_in_period(*, start, end):
    """The collection year whose reference date (30 September) falls between `start` and `end`,
    both included; the latest if the period holds more than one; None if it holds none."""
    years = [year for year in range(start.year, end.year + 1) if start <= census_reference_date(year) <= end]
    return years[-1] if years else None


def census_year_in_period(*, authority, start, end):
    """The census year of `census_year_number_in_period`, or None if PSW Hub holds no return for
    it. A census year is a snapshot of its return, so the figures of a past period do not change
    with work done since (a corrected return for that year aside)."""
    year = census_year_number_in_period(start=start, end=end)
    if year is None or authority is None:
        return None
    return census_year_get(authority=authority, year=year)


def census_workers(*, census_year):
    """The worker lines of one year's return in the order the return lists them."""
    return list(CensusWorker.objects.filter(census_year=census_year).order_by("swe_number", "line"))


def import_batches():
    """HR extract uploads, newest first, without their files."""
    return ImportBatch.objects.defer("content").select_related("uploaded_by")


def import_batch_get(*, pk):
    return ImportBatch.objects.select_related("uploaded_by").filter(pk=pk).first()


def column_mappings():
    return ColumnMapping.objects.all()


def column_mapping_get(*, pk):
    return ColumnMapping.objects.filter(pk=pk).first()
