"""Every people development figure for a period, computed once (definitions in docs/figures.md,
"People development"). Each figure is one function of a `Period`; `figures_for` gathers them for
the dashboard, the figures command and the annual report.

Figures are as at the period's end: a leaving date, a completion or a panel after the last day is
not counted, so a report for a past year does not change because of work done since."""

from collections import Counter
from datetime import date

from django.db.models import Exists, OuterRef, Q

from pswhub.core.disclosure import is_small, suppress_counts
from pswhub.core.presenters import SUPPRESSED
from pswhub.workforce.codes import SEX, SEX_FROM_GENDER
from pswhub.workforce.selectors import AGE_ORDER, SEX_NOT_KNOWN, age_band

from . import reference, schedule
from .models import (
    OPEN_OUTCOMES,
    AccreditationResult,
    EarlyCareerRecord,
    Outcome,
    Placement,
    PlacementKind,
    PracticeEducator,
    ProgressionApplication,
    ProgressionOutcome,
)

RETENTION_MONTHS = [12, 24, 36]
ALL_SERVICES = (None, "", "all")


def _in_services(rows, team_path, services):
    """Rows whose team belongs to the services asked for ("children", "adults"; all for None or
    "all"). A row with no team belongs to no one service, so only "all" counts it."""
    if services in ALL_SERVICES:
        return rows
    return rows.filter(**{f"{team_path}__service__kind": services})


def placements_starting(*, period, services=None):
    """Placements starting in the period: their start date, or when none is recorded, 1 September
    of their academic year, falls in it."""
    years = [year for year in range(period.start.year - 1, period.end.year + 1) if period.contains(date(year, 9, 1))]
    rows = Placement.objects.filter(
        Q(started_on__gte=period.start, started_on__lte=period.end)
        | Q(started_on__isnull=True, academic_year__in=years)
    )
    return _in_services(rows, "team", services)


def placements(*, period, services=None):
    return placements_starting(period=period, services=services).count()


def placements_by_route(*, period, services=None):
    """Placements starting in the period by route code, every route listed (0 where none)."""
    counts = Counter(placements_starting(period=period, services=services).values_list("route_id", flat=True))
    return {code: counts.get(code, 0) for code, _name, _order in reference.ROUTES}


def final_placement_students_hired(*, period, services=None):
    """Final placements starting in the period whose student the council later employed."""
    return (
        placements_starting(period=period, services=services)
        .filter(kind=PlacementKind.FINAL, hired__isnull=False)
        .count()
    )


def _records(services):
    return _in_services(EarlyCareerRecord.objects.all(), "staff_member__team", services)


def programme_starts(*, period, services=None):
    """Newly qualified workers starting an early career programme in the period."""
    return _records(services).filter(started_on__gte=period.start, started_on__lte=period.end)


def programme_started(*, period, services=None):
    return programme_starts(period=period, services=services).count()


def newly_qualified_recruited_after_final_placement_here(*, period, services=None):
    """Programme starters in the period who had a final placement with the council as a student."""
    final_here = Placement.objects.filter(kind=PlacementKind.FINAL, hired=OuterRef("staff_member"))
    return programme_starts(period=period, services=services).filter(Exists(final_here)).count()


def programme_passed(*, period, services=None):
    """Records passed with a completion date in the period."""
    return (
        _records(services)
        .filter(outcome=Outcome.PASSED, completed_on__gte=period.start, completed_on__lte=period.end)
        .count()
    )


def in_programme_at_end(*, period, services=None):
    """Workers on a programme on the period's last day: started by then, not left by then, and
    either ending after it or still open with no end date."""
    end = period.end
    return (
        _records(services)
        .filter(started_on__lte=end)
        .filter(Q(staff_member__left_on__isnull=True) | Q(staff_member__left_on__gt=end))
        .filter(Q(completed_on__gt=end) | Q(completed_on__isnull=True, outcome__in=OPEN_OUTCOMES))
        .count()
    )


def left_during_or_within_12_months_of_completing(*, period, services=None):
    """Of the workers who started a programme in the period, those who left the council by the
    period's end, either before completing it or within 12 months of completing it."""
    left = 0
    for completed_on, left_on in programme_starts(period=period, services=services).values_list(
        "completed_on", "staff_member__left_on"
    ):
        if left_on is None or left_on > period.end:
            continue
        if completed_on is None or left_on <= schedule.months_after(completed_on, 12):
            left += 1
    return left


def passed_since_start_and_still_employed(*, period, services=None):
    """Everyone who passed a programme by the period's end, whenever they started, and how many of
    them were still employed on that day: {"passed": n, "still_employed": m}."""
    passed = _records(services).filter(outcome=Outcome.PASSED, completed_on__lte=period.end)
    still = passed.filter(Q(staff_member__left_on__isnull=True) | Q(staff_member__left_on__gt=period.end))
    return {"passed": passed.count(), "still_employed": still.count()}


def retention_after_completing(*, period, services=None, months_list=RETENTION_MONTHS):
    """For 12, 24 and 36 months: the workers who passed at least that long before the period's end,
    and how many were still employed that many months after passing:
    {"12": {"completed": n, "still_employed": m}, ...}."""
    rows = list(
        _records(services)
        .filter(outcome=Outcome.PASSED, completed_on__lte=period.end)
        .values_list("completed_on", "staff_member__left_on")
    )
    result = {}
    for months in months_list:
        completed = still = 0
        for completed_on, left_on in rows:
            mark = schedule.months_after(completed_on, months)
            if mark > period.end:
                continue
            completed += 1
            if left_on is None or left_on > mark:
                still += 1
        result[str(months)] = {"completed": completed, "still_employed": still}
    return result


def _applications(services):
    return _in_services(ProgressionApplication.objects.all(), "staff_member__team", services)


def progression_applications_in(*, period, services=None):
    """Applications made in the period: their application date, or when none is recorded their
    panel's date, falls in it."""
    return _applications(services).filter(
        Q(applied_on__gte=period.start, applied_on__lte=period.end)
        | Q(applied_on__isnull=True, panel__held_on__gte=period.start, panel__held_on__lte=period.end)
    )


def progression_applications(*, period, services=None):
    return progression_applications_in(period=period, services=services).count()


def progressed(*, period, services=None):
    """Applications decided "progressed" at a panel held in the period."""
    return (
        _applications(services)
        .filter(outcome=ProgressionOutcome.PROGRESSED, panel__held_on__gte=period.start, panel__held_on__lte=period.end)
        .count()
    )


def progressed_by_year(*, years, services=None):
    """Progressed at panels held in each calendar year: {year: count}, every year listed."""
    counts = Counter(
        _applications(services)
        .filter(outcome=ProgressionOutcome.PROGRESSED, panel__held_on__year__in=list(years))
        .values_list("panel__held_on__year", flat=True)
    )
    return {year: counts.get(year, 0) for year in years}


def new_practice_educators(*, period, services=None):
    """Practice educators who qualified in the period."""
    return (
        _in_services(PracticeEducator.objects.all(), "staff_member__team", services)
        .filter(qualified_on__gte=period.start, qualified_on__lte=period.end)
        .count()
    )


def accreditation_passed(*, period, services=None):
    """National accreditation assessments passed in the period."""
    return (
        _in_services(AccreditationResult.objects.all(), "staff_member__team", services)
        .filter(passed=True, assessed_on__gte=period.start, assessed_on__lte=period.end)
        .count()
    )


def starters_by_age_and_sex(*, period, services=None):
    """Programme starters in the period by age band on their start date and by sex, from the
    workforce profile's date of birth and sex (or gender, read as the census reads it):
    {"age": {band: n}, "sex": {label: n}}."""
    ages, sexes = Counter(), Counter()
    for started_on, born, sex, gender in programme_starts(period=period, services=services).values_list(
        "started_on",
        "staff_member__workforce_profile__date_of_birth",
        "staff_member__workforce_profile__sex",
        "staff_member__workforce_profile__gender_current",
    ):
        ages[age_band(born, started_on)] += 1
        code = sex or SEX_FROM_GENDER.get(gender or "", "")
        sexes[dict(SEX).get(code, SEX_NOT_KNOWN)] += 1
    sex_order = [label for _code, label in SEX] + [SEX_NOT_KNOWN]
    return {
        "age": {band: ages.get(band, 0) for band in AGE_ORDER},
        "sex": {label: sexes.get(label, 0) for label in sex_order},
    }


def figures_for(*, period, services=None):
    """Every figure of the period, by the names the figures command prints."""
    starts = programme_started(period=period, services=services)
    return {
        "period": period.as_dict(),
        "placements": placements(period=period, services=services),
        "placements_by_route": placements_by_route(period=period, services=services),
        "final_placement_students_hired": final_placement_students_hired(period=period, services=services),
        "newly_qualified_recruited": starts,
        "newly_qualified_recruited_after_final_placement_here": newly_qualified_recruited_after_final_placement_here(
            period=period, services=services
        ),
        "programme_started": starts,
        "programme_passed": programme_passed(period=period, services=services),
        "in_programme_at_end": in_programme_at_end(period=period, services=services),
        "left_during_or_within_12_months_of_completing": left_during_or_within_12_months_of_completing(
            period=period, services=services
        ),
        "passed_since_start_and_still_employed": passed_since_start_and_still_employed(
            period=period, services=services
        ),
        "retention_after_completing": retention_after_completing(period=period, services=services),
        "progression_applications": progression_applications(period=period, services=services),
        "progressed": progressed(period=period, services=services),
        "new_practice_educators": new_practice_educators(period=period, services=services),
        "accreditation_passed": accreditation_passed(period=period, services=services),
        "starters_by_age_and_sex": starters_by_age_and_sex(period=period, services=services),
    }


def counts_suppressed(counts):
    """Counts shown with no total beside them (progressed in each year): each small one is `c`."""
    return {key: _one(value) for key, value in counts.items()}


def _one(value):
    return SUPPRESSED if is_small(value) else value


def _pair(part, whole, part_key, whole_key):
    """A part of a whole (still employed of passed): the whole suppressed when small; the part
    too when it, or what it leaves of the whole, is small, since either would reveal people."""
    hidden = is_small(part) or is_small(whole - part) or is_small(whole)
    return {whole_key: _one(whole), part_key: SUPPRESSED if hidden else part}


def figures_suppressed(figures):
    """The figures as an aggregate reader (a councillor, a published report) sees them: counts
    from 1 to one below the threshold are `c`, with secondary suppression in each breakdown."""
    shown = {key: _one(value) if isinstance(value, int) else value for key, value in figures.items()}
    by_route = suppress_counts(figures["placements_by_route"])
    shown["placements"] = by_route.pop("total")
    shown["placements_by_route"] = by_route
    starts = figures["programme_started"]
    for key in (
        "newly_qualified_recruited_after_final_placement_here",
        "left_during_or_within_12_months_of_completing",
    ):
        shown[key] = _pair(figures[key], starts, "part", "whole")["part"]
    if shown["programme_started"] == SUPPRESSED:
        shown["newly_qualified_recruited"] = SUPPRESSED
    passed = figures["passed_since_start_and_still_employed"]
    shown["passed_since_start_and_still_employed"] = _pair(
        passed["still_employed"], passed["passed"], "still_employed", "passed"
    )
    shown["retention_after_completing"] = {
        months: _pair(pair["still_employed"], pair["completed"], "still_employed", "completed")
        for months, pair in figures["retention_after_completing"].items()
    }
    shown["starters_by_age_and_sex"] = {
        name: {label: count for label, count in suppress_counts(group).items() if label != "total"}
        for name, group in figures["starters_by_age_and_sex"].items()
    }
    return shown
