"""The DfE CSWW headline figures of a census year: one public read, `workforce_figures` (for many
years at once, `workforce_figures_by_year`), used alike by the dashboard, its downloads, the
census return page, the annual report and `manage.py workforce_figures`. Each figure states its
definition; the DfE definitions are quoted from its methodology (docs/workforce.md). A census
year runs from 1 October to 30 September and stock figures are taken at 30 September.

Rates are percentages rounded half up to one decimal place, as DfE publishes them
(`pswhub.core.figures`); FTE is rounded half up to two places."""

from dataclasses import dataclass
from decimal import Decimal

from pswhub.core import disclosure
from pswhub.core.figures import rate, ratio, round_half_up
from pswhub.core.presenters import SUPPRESSED
from pswhub.core.selectors import team_and_descendant_ids

from .kept import kept_by_year
from .lines import TREND_FIELDS, Year, year_lines

# Working days in a year for the absence rate. DfE does not publish its denominator; 253 days
# (365 less weekends and eight bank holidays) reproduces its national rates (inferred).
WORKING_DAYS_PER_FTE = 253


def _people(lines):
    return len({line.swe_number for line in lines})


def _fte(value):
    return round_half_up(value, 2)


def workforce_figures(*, census_year, team=None):
    """The DfE CSWW headline figures for one census year, for the authority or one team (with the
    teams beneath it; team figures use the team recorded on each line). Leavers and starters are
    people leaving or joining the authority: someone who moves between teams in the year is a
    leaver of neither team. Kept until the year's lines change (`kept.kept_by_year`).

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
    if team is None:
        return workforce_figures_by_year(census_years=[census_year])[census_year.pk]

    def work_out(years):
        team_ids = team_and_descendant_ids(team)
        lines_by_year = year_lines(years, [*TREND_FIELDS, "team_id"])
        worked_out = {}
        for year in years:
            lines = lines_by_year[year.pk]
            counted = [line for line in lines if line.team_id in team_ids]
            worked_out[year.pk] = figures_from(Year(year, counted, lines), whole_authority=False, group=team.name)
        return worked_out

    return kept_by_year([census_year], f"team-{team.pk}", work_out)[census_year.pk]


def workforce_figures_by_year(*, census_years):
    """{census year id: `workforce_figures`} for the authority in each of `census_years`, read in
    one cache query and working out only the years not kept, from one read of their lines."""

    def work_out(years):
        lines_by_year = year_lines(years, TREND_FIELDS)
        return {year.pk: figures_from(Year(year, lines_by_year[year.pk])) for year in years}

    return kept_by_year(list(census_years), "figures", work_out)


def figures_from(data, *, whole_authority=True, group=None):
    """`workforce_figures` for the lines of `data` (a `Year`); authority-wide answers (vacancies,
    agency cover) only when the lines are the whole authority's. Breakdowns by team and by role
    use it for each group's lines."""
    case_holders = [line for line in data.in_post_lines if (line.cases_30 or 0) >= 1]
    totals = Totals(
        headcount_in_post=_people(data.employed_in_post),
        fte_in_post=sum((line.fte_at_reference for line in data.employed_in_post), Decimal(0)),
        leavers_headcount=_people(data.leaver_lines),
        leavers_fte=sum((line.fte_at_leaving for line in data.leaver_lines), Decimal(0)),
        starters_headcount=_people(data.starter_lines),
        agency_headcount=_people(data.agency_in_post),
        agency_fte=sum((line.fte_at_reference for line in data.agency_in_post), Decimal(0)),
        cases=sum(line.cases_30 for line in case_holders),
        case_holder_fte=sum((line.fte_at_reference for line in case_holders), Decimal(0)),
        working_days_lost=sum((line.working_days_lost or Decimal(0) for line in data.employed_in_post), Decimal(0)),
    )
    return figures_from_totals(totals, data.census_year, whole_authority=whole_authority, group=group)


@dataclass(frozen=True)
class Totals:
    """The counts and sums every headline figure is worked out from: from a return's lines
    (`figures_from`), or counted from the records at a date (`at_date`)."""

    headcount_in_post: int
    fte_in_post: Decimal
    leavers_headcount: int
    leavers_fte: Decimal
    starters_headcount: int
    agency_headcount: int
    agency_fte: Decimal
    cases: int
    case_holder_fte: Decimal
    working_days_lost: Decimal


def figures_from_totals(totals, census_year, *, whole_authority=True, group=None):
    """The headline figures (`workforce_figures`) from `totals`: the one place each rate and
    rounding is worked out, for a census year and for the figures at a date alike. `census_year`
    gives the year, reference date and the authority's vacancies and agency cover."""
    fte_in_post, leavers_fte, agency_fte = totals.fte_in_post, totals.leavers_fte, totals.agency_fte
    days_lost = totals.working_days_lost
    vacancy_fte = census_year.vacancies_fte if whole_authority else None
    cover_fte = census_year.agency_cover_fte if whole_authority else None
    return {
        "year": census_year.year,
        "reference_date": census_year.reference_date,
        "team": group,
        "headcount_in_post": totals.headcount_in_post,
        "fte_in_post": _fte(fte_in_post),
        "leavers_headcount": totals.leavers_headcount,
        "leavers_fte": _fte(leavers_fte),
        "starters_headcount": totals.starters_headcount,
        "turnover_rate": rate(leavers_fte, fte_in_post),
        "agency_fte": _fte(agency_fte),
        "agency_headcount": totals.agency_headcount,
        "agency_rate": rate(agency_fte, agency_fte + fte_in_post),
        "vacancy_fte": _fte(vacancy_fte),
        "vacancy_rate": rate(vacancy_fte, vacancy_fte + fte_in_post) if vacancy_fte is not None else None,
        "agency_cover_fte": _fte(cover_fte),
        "agency_cover_headcount": census_year.agency_cover_headcount if whole_authority else None,
        "agency_cover_rate": rate(cover_fte, agency_fte),
        "vacancies_covered_rate": rate(cover_fte, vacancy_fte),
        "cases": totals.cases,
        "case_holder_fte": _fte(totals.case_holder_fte),
        "average_caseload": ratio(totals.cases, totals.case_holder_fte),
        "working_days_lost": _fte(days_lost),
        "absence_rate": rate(days_lost, fte_in_post * WORKING_DAYS_PER_FTE),
    }


# Which count each figure is derived from, so that suppressing a small count also hides what it
# would reveal.
DERIVED_FROM = {
    "headcount_in_post": ["fte_in_post", "working_days_lost", "absence_rate"],
    "leavers_headcount": ["leavers_fte", "turnover_rate"],
    "agency_headcount": ["agency_fte", "agency_rate", "agency_cover_rate"],
    "starters_headcount": [],
}


def workforce_figures_for_publication(figures):
    """The same figures with disclosure control by subject (core.disclosure). The council's own
    figures (no team or role group) are ones DfE publishes for every council, so they are never
    hidden (DFE_PUBLISHED). A team's or a role group's are counts of identifiable people (PEOPLE):
    a headcount below the threshold, and every figure derived from it, shown as `c`. Zero is shown
    (it reveals no one)."""
    if figures.get("team") is None:
        return disclosure.dfe_published(figures)
    shown = dict(figures)
    for count, derived in DERIVED_FROM.items():
        if disclosure.is_small(figures[count]):
            for name in [count, *derived]:
                shown[name] = SUPPRESSED
    if shown["headcount_in_post"] == SUPPRESSED:
        for name in ("vacancy_rate", "cases", "case_holder_fte", "average_caseload"):
            shown[name] = SUPPRESSED
    return shown
