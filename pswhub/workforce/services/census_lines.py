"""The lines a census year's build derives from the council's records (docs/workforce.md,
"Building this year's return"; docs/adr/0105-census-year-built-from-records.md): which people
have a line, and each value with where it came from. `census_build` applies corrections over
them and writes them.

A line is an unbroken stretch of one kind (employed or agency) of a person's census-role
assignments in the children's service and, for agency stretches, the person's agency engagements
in its teams, read through `pswhub.core.agency_engagements` (the agency app sits above this one).
An engagement and an agency assignment for overlapping days are one stretch; an engagement
overlapping an employed assignment of the same person gives way to it (the employment record
wins)."""

from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from django.db.models import Q

from pswhub.core import agency_engagements, caseload_counts
from pswhub.core.figures import round_half_up
from pswhub.core.models import Service, StaffMember, Team
from pswhub.core.presenters import govuk_date

from .. import codes
from ..models import AbsenceEpisode, Assignment, CensusWorker, CensusYear, StaffProfile

ZERO = Decimal(0)
ONE_DAY = timedelta(days=1)
ROLES = dict(codes.ORG_ROLE)


def _children_team_ids(authority):
    return set(
        Team.objects.filter(service__authority=authority, service__kind=Service.CHILDREN).values_list("pk", flat=True)
    )


def _stretches(held):
    """A person's qualifying assignments and engagements (oldest first, an assignment before an
    engagement starting the same day) in unbroken stretches of one kind (employed or agency): the
    next starting on or before the day after the stretch so far ends joins it."""
    stretches = []
    for piece in held:
        agency = piece.contract_type == codes.AGENCY
        last = stretches[-1] if stretches else None
        if last is not None and last["ends_on"] is None:
            if last["agency"] == agency:
                last["assignments"].append(piece)  # an engagement and an agency assignment side by side
            continue  # the services never let assignments overlap; an open one ends the history read
        if last is not None and last["agency"] == agency and piece.starts_on <= last["ends_on"] + ONE_DAY:
            last["assignments"].append(piece)
            last["ends_on"] = None if piece.ends_on is None else max(last["ends_on"], piece.ends_on)
        else:
            stretches.append({"agency": agency, "ends_on": piece.ends_on, "assignments": [piece]})
    return stretches


def _overlaps(first, second):
    return (first.ends_on is None or first.ends_on >= second.starts_on) and (
        second.ends_on is None or second.ends_on >= first.starts_on
    )


def _engagements_read(team_ids, period):
    """The engagements in the children's teams starting by 30 September (earlier ones too, so that
    a run of them gives the stretch its first start), those in the year with no staff record
    apart; [] and [] with no agency app."""
    read = agency_engagements.engagements_between(start=date.min, end=period.end, team_ids=team_ids) or []
    in_year = [engagement for engagement in read if engagement.ends_on is None or engagement.ends_on >= period.start]
    unrecorded = [engagement for engagement in in_year if engagement.staff_member_id is None]
    engaged = {engagement.staff_member_id for engagement in in_year} - {None}
    return [engagement for engagement in read if engagement.staff_member_id in engaged], unrecorded


def _engagements_join(by_staff, engagements):
    """Adds each engagement to its person's assignments as an agency period, unless it overlaps an
    employed assignment of theirs; each person's list stays oldest first."""
    joined = set()
    for engagement in engagements:
        held = by_staff.setdefault(engagement.staff_member_id, [])
        employed = [piece for piece in held if piece.contract_type != codes.AGENCY and not _is_engagement(piece)]
        if any(_overlaps(engagement, assignment) for assignment in employed):
            continue
        held.append(HeldEngagement.of(engagement))
        joined.add(engagement.staff_member_id)
    for staff_id in joined:
        by_staff[staff_id].sort(key=lambda piece: (piece.starts_on, _is_engagement(piece)))
    return joined


def derived_lines(*, authority, period):
    """{(staff id, line): {field: value, "sources": {field: text}}} for the census year `period`;
    the staff left out for having no SWE number, by name; and the agency engagements in the year
    left out for having no staff record (so no SWE number), by worker and agency. Reads every
    record it needs in a few queries."""
    start, reference = period.start, period.end
    team_ids = _children_team_ids(authority)
    engagements, unrecorded = _engagements_read(team_ids, period)
    engaged_ids = sorted({engagement.staff_member_id for engagement in engagements})
    qualifying = Q(team__isnull=True) | Q(team_id__in=team_ids)
    in_year = Assignment.objects.filter(qualifying, starts_on__lte=reference).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=start)
    )
    staff_in_year = in_year.exclude(org_role="").values("staff_member_id")
    wanted = Q(staff_member_id__in=staff_in_year)
    if engaged_ids:
        wanted |= Q(staff_member_id__in=engaged_ids)
    assignments = (
        Assignment.objects.filter(qualifying, wanted, starts_on__lte=reference)
        .exclude(org_role="")
        .order_by("staff_member_id", "starts_on")
        .values_list(*HeldAssignment._fields)
    )
    by_staff = {}
    for row in assignments:
        assignment = HeldAssignment(*row)
        by_staff.setdefault(assignment.staff_member_id, []).append(assignment)
    _engagements_join(by_staff, engagements)
    staff_ids = list(by_staff)
    profiles = {
        profile.staff_member_id: profile
        for profile in map(
            HeldProfile._make, StaffProfile.objects.filter(wanted).order_by().values_list(*HeldProfile._fields)
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

    carried = _carried_from_last_return(authority, period, {profile.swe_number for profile in profiles.values()})
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
            line = _line(stretch, profile, counts.get(staff_id), absences.get(staff_id, []), period)
            held, source = carried.get(profile.swe_number, ({}, ""))
            line |= held
            line["sources"] |= dict.fromkeys(held, source)
            lines[(staff_id, number)] = line
    return lines, _left_out_names(left_out, engagements, period), _unrecorded_names(unrecorded)


# Values the records do not hold, carried from the person's line on the last return before.
CARRIED = ["qualification_institutions", "qualification_level", "cfkss_status", "contract_weeks"]


def _carried_from_last_return(authority, period, swe_numbers):
    """{SWE number: ({field: value} of CARRIED, source)} from each person's first line on the
    authority's latest census year before this one (imported or built), where it holds them: a
    qualification does not change, and KSS status and contract weeks are last year's answer until
    corrected. Lines of people not on that return are left blank, as before."""
    previous = CensusYear.objects.filter(authority=authority, year__lt=period.end.year).order_by("-year").first()
    if previous is None:
        return {}
    carried = {}
    rows = (
        CensusWorker.objects.filter(census_year=previous)
        .order_by("swe_number", "line")
        .values_list("swe_number", *CARRIED)
    )
    for swe_number, *values in rows:
        if swe_number not in swe_numbers or swe_number in carried:
            continue
        held = {name: value for name, value in zip(CARRIED, values, strict=True) if value not in (None, "", [])}
        carried[swe_number] = (held, f"As on the {previous.year} return (not held in the records)")
    return carried


def _left_out_names(left_out, engagements, period):
    """ "Jo Bloggs (E123)", with ", engaged through Meridian Locums" for one known from an agency
    engagement in the year."""
    if not left_out:
        return []
    agencies = {}
    for engagement in engagements:
        if engagement.ends_on is None or engagement.ends_on >= period.start:
            agencies.setdefault(engagement.staff_member_id, []).append(engagement.agency)
    names = []
    for pk, first, last, employee in StaffMember.objects.filter(pk__in=left_out).values_list(
        "pk", "first_name", "last_name", "employee_number"
    ):
        through = ", ".join(dict.fromkeys(agencies.get(pk, [])))
        names.append(f"{first} {last} ({employee}){f', engaged through {through}' if through else ''}")
    return sorted(names)


def _unrecorded_names(unrecorded):
    """ "Ola Okafor (Meridian Locums, from 5 January 2026)" for each engagement with no staff record."""
    return sorted(
        f"{engagement.worker} ({engagement.agency}, from {date_text(engagement.starts_on)})"
        for engagement in unrecorded
    )


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


class HeldEngagement(NamedTuple):
    """An agency engagement (core.agency_engagements.AgencyEngagement) as a period of a person's
    history, read like an assignment with an agency contract."""

    staff_member_id: int
    team_id: int
    team__name: str
    org_role: str
    job_title: str
    fte: Decimal
    contract_type: str
    starts_on: date
    ends_on: date | None
    start_origin: str
    reason_leave: str
    leaver_destination: str
    agency: str

    @classmethod
    def of(cls, engagement):
        return cls(
            engagement.staff_member_id, engagement.team_id, engagement.team_name, engagement.org_role, "",
            engagement.fte, codes.AGENCY, engagement.starts_on, engagement.ends_on, "", "", "", engagement.agency,
        )  # fmt: skip


def _is_engagement(piece):
    return isinstance(piece, HeldEngagement)


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


@cache
def _engagement_source(engagement):
    """ "Agency engagement with Meridian Locums from 5 January 2026 (Case holder, Assessment)"."""
    ends = f" to {date_text(engagement.ends_on)}" if engagement.ends_on else ""
    role = ROLES.get(engagement.org_role, engagement.org_role)
    return (
        f"Agency engagement with {engagement.agency} from {date_text(engagement.starts_on)}{ends} "
        f"({role}, {engagement.team__name})"
    )


def _source(piece):
    return _engagement_source(piece) if _is_engagement(piece) else _assignment_source(piece)


def sources_forget():
    """Empties the sources worked out once per record: they are kept for one build only."""
    _assignment_source.cache_clear()
    _engagement_source.cache_clear()


def _in_force(held, at):
    """The piece in force on `at` (an assignment before an engagement, then the latest to start),
    or the latest to start by then."""
    in_force = [piece for piece in held if piece.starts_on <= at and (piece.ends_on is None or piece.ends_on >= at)]
    if in_force:
        return max(in_force, key=lambda piece: (not _is_engagement(piece), piece.starts_on))
    return next(piece for piece in reversed(held) if piece.starts_on <= at)


def _noun(held):
    kinds = {_is_engagement(piece) for piece in held}
    return "assignment or engagement" if len(kinds) == 2 else "engagement" if True in kinds else "assignment"


def _line(stretch, profile, count, episodes, period):
    start, reference = period.start, period.end
    first, held = stretch["assignments"][0], stretch["assignments"]
    ends_on = stretch["ends_on"]
    left = ends_on is not None and ends_on <= reference
    at = ends_on if left else reference
    current = _in_force(held, at)
    # A leaver's last piece: the one ending last (every piece of an ended stretch has an end).
    last = max(held, key=lambda piece: (piece.ends_on, not _is_engagement(piece))) if left else held[-1]
    agency = stretch["agency"]
    in_post = not left
    current_source = _source(current)
    noun = _noun(held)
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
        "reason_leave": last.reason_leave if left and not agency else "",
        "leaver_destination": last.leaver_destination if left and not agency else "",
    }
    sources = {
        "swe_number": "Staff profile",
        "agency": (
            current_source
            if _is_engagement(current)
            else f"Contract type of the {current_source[0].lower()}{current_source[1:]}"
        ),
        "org_role": f"Census role {when}: {current_source}",
        "fte": f"FTE {when}: {current_source}",
        "fte_30": f"FTE on {date_text(reference)}: {current_source}" if in_post else "Not in post on 30 September",
        "role_start_date": f"Start of the first {noun} of an unbroken run of {len(held)}: {_source(first)}",
        "role_end_date": f"End of the last {noun}: {_source(last)}" if left else "Still in post",
    }
    if not agency:
        sources["start_origin"] = f"Origin on the first assignment: {_assignment_source(first)}"
    if left and not agency:
        sources["reason_leave"] = sources["leaver_destination"] = (
            f"Leaving details on the last assignment: {_assignment_source(last)}"
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
