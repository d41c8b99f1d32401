"""A built census year's council-level answers (docs/workforce.md, "Building this year's return"):
vacancies and agency cover from the establishment on 30 September, the pay and allowance answers
(last year's when the year has none), and the corrections the PSW or an HR officer make to them,
applied again at every build. Also the text a corrected value's source reads."""

from pswhub.core.figures import round_half_up
from pswhub.core.models import Service, Team
from pswhub.core.presenters import govuk_date

from .. import codes
from ..census_values import value_parse, value_shown
from ..establishment import establishment_on
from ..models import CensusCorrection, CensusYear, Establishment

CORRECTED_BY = "Corrected by "


def corrected_source(correction, derived_value):
    who = correction.corrected_by.display_name if correction.corrected_by else "someone"
    return (
        f"{CORRECTED_BY}{who} on {govuk_date(correction.corrected_at)}: {correction.reason} "
        f"(the records give {value_shown(correction.field, derived_value)})"
    )


def _apply_council_corrections(census_year, la_level, la_sources):
    """Puts each council-level correction over the answer the records (or last year) give."""
    corrections = CensusCorrection.objects.filter(census_year=census_year, staff_member__isnull=True)
    for correction in corrections.select_related("corrected_by"):
        derived_value = la_level.get(correction.field)
        la_level[correction.field] = value_parse(correction.field, correction.value)
        la_sources[correction.field] = corrected_source(correction, derived_value)


PAY_FIELDS = [name for _, name, _ in codes.LA_PAY_ITEMS] + ["other_allowances"]


def _pay_answers(census_year, la_sources):
    """The pay and allowance answers (asked from 2025) are not in the records: a year that has
    none takes last year's, and says so; answers a year holds are kept."""
    previous = CensusYear.objects.filter(authority=census_year.authority, year=census_year.year - 1).first()
    answers = {}
    for name in PAY_FIELDS:
        held = getattr(census_year, name)
        if held and not (census_year.la_sources or {}).get(name, "").startswith(CORRECTED_BY):
            answers[name] = held
            la_sources[name] = (census_year.la_sources or {}).get(name, "Recorded for this year")
        elif previous is not None and getattr(previous, name):
            answers[name] = getattr(previous, name)
            la_sources[name] = f"The {previous.year} return's answer (pay questions are not held in the records)"
        else:
            answers[name] = ""
            la_sources[name] = "Not held in PSW Hub's records"
    return answers


def council_answers_write(census_year, derived, authority, period, changed_by):
    """Vacancies and agency cover at 30 September from the establishment (`establishment_on`) of
    the children's service's teams. With no establishment recorded by then they are left blank,
    which the checks ask to be put right."""
    reference = period.end
    teams = list(Team.objects.filter(service__authority=authority, service__kind=Service.CHILDREN))
    recorded = Establishment.objects.filter(team__in=teams, starts_on__lte=reference).exists()
    if recorded:
        lines, total = establishment_on(reference, teams=teams)
        vacant_teams = {line.team.pk for line in lines if line.vacancy_fte > 0 and line.agency_fte > 0}
        cover_people = {
            values["swe_number"]
            for values in derived.values()
            if values["agency"] and values["role_end_date"] is None and values["team_id"] in vacant_teams
        }
        la_level = {
            "vacancies_fte": round_half_up(total.vacancy_fte, 2),
            "agency_cover_fte": round_half_up(total.agency_cover_fte, 2),
            "agency_cover_headcount": len(cover_people),
        }
        source = f"Establishment on {govuk_date(reference)}: funded FTE less FTE filled by the council's own staff"
        la_sources = {
            "vacancies_fte": source,
            "agency_cover_fte": f"{source}; agency FTE in post, up to each team's vacancies",
            "agency_cover_headcount": "Agency workers in post on 30 September in teams with vacancies",
        }
    else:
        la_level = {"vacancies_fte": None, "agency_cover_fte": None, "agency_cover_headcount": None}
        message = f"No establishment recorded by {govuk_date(reference)}"
        la_sources = dict.fromkeys(la_level, message)
    la_level |= _pay_answers(census_year, la_sources)
    _apply_council_corrections(census_year, la_level, la_sources)
    la_level["la_sources"] = la_sources
    changed = {name: value for name, value in la_level.items() if getattr(census_year, name) != value}
    if not changed:
        return False
    for name, value in changed.items():
        setattr(census_year, name, value)
    census_year._history_user = changed_by
    census_year.save()
    return True
