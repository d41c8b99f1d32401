"""Building a census year from the council's own records (docs/workforce.md, "Building this year's
return"; docs/adr/0105-census-year-built-from-records.md).

One line for each unbroken stretch of census-role assignments in the children's service that
overlaps the census year (1 October to 30 September): employed, leaving or agency-engaged. Each
value is read from the records and the line says where it came from (`sources`); corrections are
applied on top and survive every rebuild. Building again when nothing changed writes nothing. A
year imported as sent, or marked as submitted, is never built."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from pswhub.core import caseload_counts
from pswhub.core.bulk import records_create_with_history
from pswhub.core.figures import round_half_up
from pswhub.core.imports import write_or_rehearse
from pswhub.core.models import Authority, Service, StaffMember, Team
from pswhub.core.periods import Period
from pswhub.core.presenters import govuk_date

from .. import codes
from ..census_values import value_parse
from ..models import AbsenceEpisode, Assignment, CensusCorrection, CensusWorker, CensusYear, StaffProfile
from .census_council import corrected_source, council_answers_write

NO_AUTHORITY = "PSW Hub holds no council yet: set up the council and its children's service before building a return"
NOT_BUILT_YEAR = (
    "The {year} census year holds a return {how}: it stays as it was sent and is not built from the records"
)
SUBMITTED_YEAR = (
    "The {year} census return was marked as submitted on {date} (version {version}) and is frozen: "
    "reopen it for a resubmission before building it again"
)
YEAR_OUT_OF_RANGE = "Enter a census year from 2009 to 2100"

# The fields a build writes on each line: the return's fields, the team, and where each came from.
WRITTEN_FIELDS = [*CensusWorker.RETURN_FIELDS, "team", "sources"]
ZERO = Decimal(0)
ONE_DAY = timedelta(days=1)


class CensusBuildError(Exception):
    pass


@dataclass
class CensusBuildResult:
    year: int
    lines: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    year_created: bool = False
    la_level_changed: bool = False
    corrections_applied: int = 0
    left_out: list = field(default_factory=list)  # staff with census-role assignments but no SWE number
    dry_run: bool = False

    @property
    def changed_anything(self):
        return bool(self.year_created or self.la_level_changed or self.created or self.updated or self.deleted)


def census_year_build(*, year, changed_by=None, dry_run=False):
    """Builds (or rebuilds) census year `year` from the records, all or nothing; with `dry_run`
    works everything out and rolls it back. Refuses a year imported as sent or marked as
    submitted, with a message saying so."""
    if not 2009 <= year <= 2100:
        raise CensusBuildError(YEAR_OUT_OF_RANGE)
    authority = Authority.objects.order_by("pk").first()
    if authority is None:
        raise CensusBuildError(NO_AUTHORITY)
    census_year_buildable(CensusYear.objects.filter(authority=authority, year=year).first())
    return write_or_rehearse(lambda: _build(authority, year, changed_by), dry_run=dry_run)


def census_year_buildable(census_year):
    """Raises CensusBuildError when an existing year may not be built."""
    if census_year is None:
        return
    if census_year.source != CensusYear.BUILT:
        how = "imported from a census return" if census_year.source == CensusYear.IMPORTED else "recorded by hand"
        raise CensusBuildError(NOT_BUILT_YEAR.format(year=census_year.year, how=how))
    if census_year.is_submitted:
        latest = census_year.submissions.order_by("-version").first()
        raise CensusBuildError(
            SUBMITTED_YEAR.format(
                year=census_year.year,
                date=govuk_date(latest.submitted_at) if latest else "",
                version=latest.version if latest else 1,
            )
        )


def _build(authority, year, changed_by):
    period = Period.census_year(year)
    census_year, created = CensusYear.objects.select_for_update().get_or_create(
        authority=authority, year=year, defaults={"source": CensusYear.BUILT, "built_by": changed_by}
    )
    census_year_buildable(census_year)
    result = CensusBuildResult(year=year, year_created=created)
    _assignment_source.cache_clear()  # kept for one build only
    derived, result.left_out = derived_lines(authority=authority, period=period)
    result.corrections_applied = _apply_corrections(census_year, derived)
    result.lines = len(derived)
    _write_lines(census_year, derived, result, changed_by)
    result.la_level_changed = council_answers_write(census_year, derived, authority, period, changed_by)
    if result.changed_anything:
        now = timezone.now()
        CensusYear.objects.filter(pk=census_year.pk).update(lines_changed_at=now, built_at=now, built_by=changed_by)
    return result


# Reading the records -----------------------------------------------------------------------------


def _children_team_ids(authority):
    return set(
        Team.objects.filter(service__authority=authority, service__kind=Service.CHILDREN).values_list("pk", flat=True)
    )


def _stretches(assignments):
    """A person's qualifying assignments (oldest first) in unbroken stretches of one kind
    (employed or agency): the next starting on or before the day after the last ends."""
    stretches = []
    for assignment in assignments:
        agency = assignment.contract_type == codes.AGENCY
        last = stretches[-1] if stretches else None
        if (
            last is not None
            and last["agency"] == agency
            and last["ends_on"] is not None
            and assignment.starts_on <= last["ends_on"] + ONE_DAY
        ):
            last["assignments"].append(assignment)
            last["ends_on"] = assignment.ends_on
        elif last is not None and last["ends_on"] is None:
            continue  # the services never let assignments overlap; an open one ends the history read
        else:
            stretches.append({"agency": agency, "ends_on": assignment.ends_on, "assignments": [assignment]})
    return stretches


def derived_lines(*, authority, period):
    """{(staff id, line): {field: value, "sources": {field: text}}} for the census year `period`,
    and the staff left out for having no SWE number. Reads every record it needs in a few queries."""
    start, reference = period.start, period.end
    team_ids = _children_team_ids(authority)
    qualifying = Q(team__isnull=True) | Q(team_id__in=team_ids)
    in_year = Assignment.objects.filter(qualifying, starts_on__lte=reference).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=start)
    )
    staff_in_year = in_year.exclude(org_role="").values("staff_member_id")
    assignments = (
        Assignment.objects.filter(qualifying, staff_member_id__in=staff_in_year, starts_on__lte=reference)
        .exclude(org_role="")
        .order_by("staff_member_id", "starts_on")
        .values_list(*HeldAssignment._fields)
    )
    by_staff = {}
    for row in assignments:
        assignment = HeldAssignment(*row)
        by_staff.setdefault(assignment.staff_member_id, []).append(assignment)
    staff_ids = list(by_staff)
    profiles = {
        profile.staff_member_id: profile
        for profile in map(
            HeldProfile._make,
            StaffProfile.objects.filter(staff_member_id__in=staff_in_year).order_by().values_list(*HeldProfile._fields),
        )
    }
    counts = caseload_counts.caseload_counts_on(staff=staff_ids, on=reference, since=start) or {}
    absences = {}
    episodes = (
        AbsenceEpisode.objects.filter(staff_member_id__in=staff_in_year, starts_on__lte=reference)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start) | Q(starts_on__gte=start))
        .order_by()
        .values_list(*HeldEpisode._fields)
    )
    for episode in map(HeldEpisode._make, episodes):
        absences.setdefault(episode.staff_member_id, []).append(episode)

    lines, left_out = {}, []
    for staff_id, held in by_staff.items():
        stretches = [
            stretch for stretch in _stretches(held) if stretch["ends_on"] is None or stretch["ends_on"] >= start
        ]
        if not stretches:
            continue
        profile = profiles.get(staff_id)
        if profile is None or not profile.swe_number:
            left_out.append(staff_id)
            continue
        for number, stretch in enumerate(stretches):
            lines[(staff_id, number)] = _line(
                stretch, profile, counts.get(staff_id), absences.get(staff_id, []), period
            )
    if left_out:
        names = dict(
            (pk, f"{first} {last} ({employee})")
            for pk, first, last, employee in StaffMember.objects.filter(pk__in=left_out).values_list(
                "pk", "first_name", "last_name", "employee_number"
            )
        )
        left_out = sorted(names[pk] for pk in left_out)
    return lines, left_out


class HeldAssignment(NamedTuple):
    """An assignment as the build reads it: one row, without a model instance."""

    staff_member_id: int
    team_id: int | None
    team__name: str | None
    org_role: str
    job_title: str
    fte: Decimal | None
    contract_type: str
    starts_on: date
    ends_on: date | None
    start_origin: str
    reason_leave: str
    leaver_destination: str


class HeldProfile(NamedTuple):
    staff_member_id: int
    swe_number: str
    qualification_route: str
    date_of_birth: date | None
    sex: str
    gender_current: str
    ethnicity: str


class HeldEpisode(NamedTuple):
    staff_member_id: int
    starts_on: date
    ends_on: date | None
    reason: str
    working_days_lost: Decimal


CONTRACT_TYPES = dict(codes.CONTRACT_TYPE)
# Dates as the sources name them, each worked out once (a build names hundreds of thousands).
date_text = cache(govuk_date)


@cache
def _assignment_source(assignment):
    """ "Assignment from 1 April 2026 (Social Worker, Permanent, Assessment)", worked out once per
    assignment however many values name it."""
    ends = f" to {date_text(assignment.ends_on)}" if assignment.ends_on else ""
    contract = CONTRACT_TYPES.get(assignment.contract_type, assignment.contract_type)
    what = ", ".join(part for part in (assignment.job_title, contract) if part)
    team = assignment.team__name or "no team"
    return f"Assignment from {date_text(assignment.starts_on)}{ends} ({what or 'no job title'}, {team})"


def _line(stretch, profile, count, episodes, period):
    start, reference = period.start, period.end
    first, held = stretch["assignments"][0], stretch["assignments"]
    ends_on = stretch["ends_on"]
    left = ends_on is not None and ends_on <= reference
    at = ends_on if left else reference
    current = next(assignment for assignment in reversed(held) if assignment.starts_on <= at)
    agency = stretch["agency"]
    in_post = not left
    current_source = _assignment_source(current)
    when = "at leaving" if left else f"on {date_text(reference)}"
    values = {
        "team_id": current.team_id,
        "swe_number": profile.swe_number,
        "agency": agency,
        "org_role": current.org_role,
        "fte": current.fte,
        "fte_30": current.fte if in_post else None,
        "role_start_date": first.starts_on,
        "role_end_date": ends_on if left else None,
        "start_origin": "" if agency else first.start_origin,
        "reason_leave": held[-1].reason_leave if left and not agency else "",
        "leaver_destination": held[-1].leaver_destination if left and not agency else "",
    }
    sources = {
        "swe_number": "Staff profile",
        "agency": f"Contract type of the {current_source[0].lower()}{current_source[1:]}",
        "org_role": f"Census role {when}: {current_source}",
        "fte": f"FTE {when}: {current_source}",
        "fte_30": f"FTE on {date_text(reference)}: {current_source}" if in_post else "Not in post on 30 September",
        "role_start_date": (
            f"Start of the first assignment of an unbroken run of {len(held)}: {_assignment_source(first)}"
        ),
        "role_end_date": f"End of the last assignment: {_assignment_source(held[-1])}" if left else "Still in post",
    }
    if not agency:
        sources["start_origin"] = f"Origin on the first assignment: {_assignment_source(first)}"
    if left and not agency:
        sources["reason_leave"] = sources["leaver_destination"] = (
            f"Leaving details on the last assignment: {_assignment_source(held[-1])}"
        )
    else:
        sources["reason_leave"] = sources["leaver_destination"] = (
            "Agency workers have no leaving details in the census" if agency else "Still in post"
        )
    if in_post:
        if count is None:
            values["cases_30"] = None
            sources["cases_30"] = f"No caseload count between {date_text(start)} and {date_text(reference)}"
        else:
            values["cases_30"] = count.cases
            sources["cases_30"] = f"Caseload count of {date_text(count.counted_on)} (the latest by 30 September)"
    else:
        values["cases_30"] = None
    values |= _absence(episodes, stretch, first, period, agency, in_post, sources)
    values |= _profile_values(profile, sources)
    values["qualification_institutions"] = []
    values["qualification_level"] = ""
    values["cfkss_status"] = []
    values["contract_weeks"] = None
    values["base_salary"] = values["rr_payments"] = values["other_payments"] = None
    values["sources"] = sources
    return values


def _absence(episodes, stretch, first, period, agency, in_post, sources):
    """Working days lost to absence episodes starting in the year within the stretch (LA-employed
    lines only, as the census asks), and whether an episode covers 30 September."""
    if agency:
        return {"working_days_lost": None, "absent_at_30_september": None, "reason_absence": ""}
    start, reference = period.start, period.end
    low = max(start, first.starts_on)
    high = min(reference, stretch["ends_on"] or reference)
    counted = [episode for episode in episodes if low <= episode.starts_on <= high]
    days = sum((episode.working_days_lost for episode in counted), ZERO)
    sources["working_days_lost"] = (
        f"{len(counted)} absence {'episode' if len(counted) == 1 else 'episodes'} starting "
        f"{date_text(low)} to {date_text(high)}"
        if counted
        else f"No absence recorded starting {date_text(low)} to {date_text(high)}"
    )
    values = {"working_days_lost": round_half_up(days, 2), "absent_at_30_september": None, "reason_absence": ""}
    if in_post:
        covering = next(
            (
                episode
                for episode in sorted(episodes, key=lambda episode: episode.starts_on, reverse=True)
                if episode.starts_on <= reference and (episode.ends_on is None or episode.ends_on >= reference)
            ),
            None,
        )
        values["absent_at_30_september"] = covering is not None
        values["reason_absence"] = covering.reason if covering else ""
        sources["absent_at_30_september"] = sources["reason_absence"] = (
            f"Absence from {date_text(covering.starts_on)}" if covering else "No absence covering 30 September"
        )
    return values


def _profile_values(profile, sources):
    sex, gender = profile.sex, profile.gender_current
    values = {
        "date_of_birth": profile.date_of_birth,
        "ethnicity": profile.ethnicity,
        "sex": sex or codes.SEX_FROM_GENDER.get(gender, ""),
        "gender_current": gender or codes.GENDER_FROM_SEX.get(sex, ""),
        "step_up_graduate": (profile.qualification_route == "step_up") if profile.qualification_route else None,
        "frontline_graduate": (profile.qualification_route == "frontline") if profile.qualification_route else None,
    }
    for name in ("date_of_birth", "ethnicity", "sex", "gender_current"):
        sources[name] = "Staff profile"
    if not sex and values["sex"]:
        sources["sex"] = "Staff profile's gender"
    if not gender and values["gender_current"]:
        sources["gender_current"] = "Staff profile's sex"
    if profile.qualification_route:
        sources["step_up_graduate"] = sources["frontline_graduate"] = "Staff profile's route into social work"
    return values


# Corrections and writing -------------------------------------------------------------------------


def _apply_corrections(census_year, derived):
    """Puts each correction over the value the records give; the source names it. A correction
    whose line no longer exists is kept (it applies again if the line comes back)."""
    applied = 0
    corrections = CensusCorrection.objects.filter(census_year=census_year, staff_member__isnull=False).select_related(
        "corrected_by"
    )
    for correction in corrections:
        values = derived.get((correction.staff_member_id, correction.line))
        if values is None:
            continue
        derived_value = values.get(correction.field)
        values[correction.field] = value_parse(correction.field, correction.value)
        values["sources"][correction.field] = corrected_source(correction, derived_value)
        applied += 1
    return applied


def _write_lines(census_year, derived, result, changed_by):
    """Writes what the records give: new lines with their history, changed lines' values, and
    lines no longer given deleted. Lines are compared as rows, so an unchanged rebuild reads
    no model instances and writes nothing."""
    names = [*CensusWorker.RETURN_FIELDS, "team_id", "sources"]
    existing = {
        (staff_id, line): (pk, dict(zip(names, values, strict=True)))
        for pk, staff_id, line, *values in CensusWorker.objects.filter(census_year=census_year)
        .order_by()
        .values_list("pk", "staff_member_id", "line", *names)
    }
    gone = [pk for key, (pk, _) in existing.items() if key not in derived]
    for worker in CensusWorker.objects.filter(pk__in=gone):
        worker._history_user = changed_by
        worker.delete()
    new, changed = [], {}
    for (staff_id, line), values in derived.items():
        held = existing.get((staff_id, line))
        if held is None:
            new.append({"census_year_id": census_year.pk, "staff_member_id": staff_id, "line": line, **values})
        elif any(held[1][name] != value for name, value in values.items()):
            changed[held[0]] = values
        else:
            result.unchanged += 1
    if changed:
        workers = list(CensusWorker.objects.filter(pk__in=changed))
        for worker in workers:
            for name, value in changed[worker.pk].items():
                setattr(worker, name, value)
        bulk_update_with_history(workers, CensusWorker, WRITTEN_FIELDS, default_user=changed_by, batch_size=2000)
    records_create_with_history(model=CensusWorker, rows=new, changed_by=changed_by)
    result.created, result.updated, result.deleted = len(new), len(changed), len(gone)
