"""Reads of a staff member's employment history and absence (docs/workforce.md, "Employment
history"): the assignment in force at a date, FTE at a date for a person, for many people at one
date (`ftes_on`) or at many dates (`assignment_periods` and `fte_in`), FTE by team at a date, and
working days lost in a period. Writes are in `records.py` and `services.py`."""

from decimal import Decimal

from django.db.models import Count, Sum

from pswhub.core import agency_engagements
from pswhub.core.models import Team

from . import codes
from .models import AbsenceEpisode, Assignment

ZERO = Decimal("0")
# Ids sent in one IN (...) list at most: SQLite allows some tens of thousands of parameters.
CHUNK = 5000


def assignment_on(staff_member, on):
    """The staff member's assignment in force on a date, or None. The services never let two
    overlap, so there is at most one."""
    return Assignment.objects.filter(staff_member=staff_member).in_force_on(on).select_related("team").first()


def fte_on(staff_member, on):
    """The staff member's FTE on a date: the FTE of the assignment in force then, 0 when none is
    (not yet started, left, or between assignments), and 0 when the assignment has no FTE."""
    assignment = assignment_on(staff_member, on)
    return assignment.fte if assignment and assignment.fte is not None else ZERO


def ftes_on(*, staff_ids, on):
    """{staff id: FTE of the assignment in force on the date}; None for those with no assignment
    in force then, or one with no FTE recorded. One query however many people."""
    recorded = dict(
        Assignment.objects.filter(staff_member_id__in=staff_ids).in_force_on(on).values_list("staff_member_id", "fte")
    )
    return {pk: recorded.get(pk) for pk in staff_ids}


def assignment_periods(*, staff_ids):
    """{staff id: [(starts_on, ends_on, FTE)]}: everyone's assignments in one query, for reading
    FTE at many dates with `fte_in`."""
    periods = {pk: [] for pk in staff_ids}
    rows = Assignment.objects.filter(staff_member_id__in=staff_ids).values_list(
        "staff_member_id", "starts_on", "ends_on", "fte"
    )
    for staff_id, starts_on, ends_on, fte in rows:
        periods[staff_id].append((starts_on, ends_on, fte))
    return periods


def fte_in(periods, on):
    """The FTE of the assignment in force on a date among `periods` (from `assignment_periods`);
    None when none is, or it has no FTE recorded (as `ftes_on`)."""
    for starts_on, ends_on, fte in periods:
        if starts_on <= on and (ends_on is None or ends_on >= on):
            return fte
    return None


def assignments_in_force(on, *, team_ids=None):
    assignments = Assignment.objects.in_force_on(on)
    return assignments if team_ids is None else assignments.filter(team_id__in=team_ids)


def agency_assignments_between(*, start, end, team_ids):
    """The agency assignments in `team_ids` in force on at least one day from `start` to `end`,
    with their staff records, earliest first."""
    return (
        Assignment.objects.filter(contract_type=codes.AGENCY, team_id__in=team_ids, starts_on__lte=end)
        .exclude(ends_on__lt=start)
        .select_related("staff_member")
        .order_by("starts_on", "pk")
    )


def team_fte_by_team_on(on, *, team_ids=None):
    """{team id: {"employed": FTE, "agency": FTE}} for the assignments in force on a date, a blank
    FTE counting 0, and as agency FTE the agency engagements in force then (`engaged_fte_by_team_on`).
    Counted in the database by team, contract type and FTE (a few rows a team, however many
    people), and added up in Python so that the sums are exact on every database."""
    totals = {}
    for team_id, fte in engaged_fte_by_team_on(on, team_ids=team_ids).items():
        totals[team_id] = {"employed": ZERO, "agency": fte}
    rows = (
        assignments_in_force(on, team_ids=team_ids)
        .exclude(team=None)
        .order_by()
        .values_list("team_id", "contract_type", "fte")
        .annotate(held=Count("pk"))
    )
    for team_id, contract_type, fte, held in rows:
        kind = "agency" if contract_type == codes.AGENCY else "employed"
        team = totals.setdefault(team_id, {"employed": ZERO, "agency": ZERO})
        team[kind] += (fte or ZERO) * held
    return totals


def engaged_fte_by_team_on(on, *, team_ids=None):
    """{team id: FTE} of the agency engagements (`pswhub.core.agency_engagements`) in force on a
    date in the teams, leaving out those of a person holding an assignment in force then, whose
    assignment already counts. An engagement with no staff record counts: it covers a post all the
    same. Empty when no app keeps engagements."""
    if team_ids is None:
        team_ids = Team.objects.values("pk")
    engagements = agency_engagements.engagements_between(start=on, end=on, team_ids=team_ids) or []
    staff_ids = sorted({engagement.staff_member_id for engagement in engagements} - {None})
    holding = set()
    for first in range(0, len(staff_ids), CHUNK):
        holding.update(
            assignments_in_force(on)
            .filter(staff_member_id__in=staff_ids[first : first + CHUNK])
            .values_list("staff_member_id", flat=True)
        )
    engaged = {}
    for engagement in engagements:
        if engagement.staff_member_id is None or engagement.staff_member_id not in holding:
            engaged[engagement.team_id] = engaged.get(engagement.team_id, ZERO) + engagement.fte
    return engaged


def employment_history(staff_member):
    """Every assignment, latest first."""
    return Assignment.objects.filter(staff_member=staff_member).select_related("team").order_by("-starts_on")


def absence_episodes(staff_member):
    return AbsenceEpisode.objects.filter(staff_member=staff_member).order_by("-starts_on")


def working_days_lost(*, starts_on, ends_on, staff_member=None):
    """Working days lost to absence episodes that start within the period (both dates included),
    for one staff member or everyone. An episode counts wholly in the period in which it starts; one
    running past the period's end is not split, so no day is counted twice across periods."""
    return (
        _episodes_starting(starts_on, ends_on, staff_member).aggregate(total=Sum("working_days_lost"))["total"] or ZERO
    )


def _episodes_starting(starts_on, ends_on, staff_member):
    episodes = AbsenceEpisode.objects.filter(starts_on__gte=starts_on, starts_on__lte=ends_on)
    return episodes if staff_member is None else episodes.filter(staff_member=staff_member)
