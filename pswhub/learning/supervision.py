"""Reads for supervision: compliance with the council's current supervision policy (by default
Standard 5 of the employer standards), by worker, by team and over time. Definitions are in
docs/learning.md and docs/figures.md.

The population on a day is the staff in post on that day (started by then or start not recorded,
not left before it) in the teams asked about."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max, Q

from pswhub.core.figures import rate
from pswhub.core.models import StaffMember, Team

from .models import NewlyQualifiedStart, SupervisionKind, SupervisionPolicy, SupervisionSession


def policy_current():
    """The policy compliance is measured against; Standard 5 unless the council has chosen
    another."""
    return SupervisionPolicy.objects.filter(is_current=True).prefetch_related("steps").first()


def required_every_days(policy, *, newly_qualified_from, on):
    """Standard 5 of the employer standards: supervision "weekly for the first six weeks of
    employment of a newly qualified social worker, at least fortnightly for the duration of the
    first six months, and a minimum of monthly supervision sessions thereafter". With the
    policy's steps: the first step whose `up_to_day` is beyond the days since the newly qualified
    start; the open-ended step for everyone else."""
    steps = sorted(policy.steps.all(), key=lambda step: (step.up_to_day is None, step.up_to_day or 0))
    if newly_qualified_from is not None and on >= newly_qualified_from:
        days = (on - newly_qualified_from).days
        for step in steps:
            if step.up_to_day is None or days < step.up_to_day:
                return step.every_days
    return steps[-1].every_days


def counting_sessions(policy):
    """Sessions that count towards the policy: at least its minimum length (Standard 5: "at least
    an hour and a half"), and individual unless the policy counts group sessions too."""
    sessions = SupervisionSession.objects.filter(minutes__gte=policy.minimum_minutes)
    if not policy.group_sessions_count:
        sessions = sessions.filter(kind=SupervisionKind.INDIVIDUAL)
    return sessions


@dataclass
class WorkerStanding:
    staff_member: StaffMember
    last_session: date | None
    every_days: int
    due_by: date | None
    overdue: bool


def worker_standing(policy, *, staff_member, last_session, newly_qualified_from, on):
    """A worker is overdue on a day when more than the required number of days have passed since
    their last counting session on or before it (or, with none, since they started in post or as
    newly qualified, whichever is later; with neither known, they are overdue)."""
    every = required_every_days(policy, newly_qualified_from=newly_qualified_from, on=on)
    starts = [day for day in (staff_member.started_on, newly_qualified_from) if day is not None and day <= on]
    since = last_session or (max(starts) if starts else None)
    due_by = since + timedelta(days=every) if since else None
    return WorkerStanding(staff_member, last_session, every, due_by, due_by is None or on > due_by)


def _in_post(on):
    return StaffMember.objects.filter(
        Q(started_on__isnull=True) | Q(started_on__lte=on), Q(left_on__isnull=True) | Q(left_on__gte=on)
    )


def worker_standings(*, on, staff=None, policy=None):
    """The standing on a day of every worker in post among `staff` (everyone when None)."""
    policy = policy or policy_current()
    staff = _in_post(on) if staff is None else staff.filter(pk__in=_in_post(on).values("pk"))
    last = dict(
        counting_sessions(policy)
        .filter(held_on__lte=on, staff_member__in=staff.values("pk"))
        .values_list("staff_member_id")
        .annotate(last=Max("held_on"))
        .order_by()
    )
    starts = dict(
        NewlyQualifiedStart.objects.filter(staff_member__in=staff.values("pk")).values_list(
            "staff_member_id", "started_on"
        )
    )
    return [
        worker_standing(
            policy,
            staff_member=member,
            last_session=last.get(member.pk),
            newly_qualified_from=starts.get(member.pk),
            on=on,
        )
        for member in staff.select_related("team").order_by("last_name", "first_name")
    ]


def compliance(standings):
    """{workers, in_time, overdue, rate}: `rate` is the share in time, as a percentage to one
    decimal place half up (None with no workers)."""
    workers = len(standings)
    overdue = sum(1 for standing in standings if standing.overdue)
    return {
        "workers": workers,
        "in_time": workers - overdue,
        "overdue": overdue,
        "rate": rate(workers - overdue, workers),
    }


def supervision_compliance(*, on, team_ids=None, services=None, policy=None):
    """Compliance on a day of the staff in post in the given teams (all when None), or of a
    service's teams."""
    staff = StaffMember.objects.all()
    if team_ids is not None:
        staff = staff.filter(team_id__in=team_ids)
    if services in ("children", "adults"):
        staff = staff.filter(team__service__kind=services)
    return compliance(worker_standings(on=on, staff=staff, policy=policy))


def compliance_by_team(*, on, team_ids):
    """Compliance on a day, team by team, for the given teams."""
    policy = policy_current()
    standings = worker_standings(on=on, staff=StaffMember.objects.filter(team_id__in=team_ids), policy=policy)
    teams = Team.objects.filter(pk__in=team_ids).select_related("service").order_by("service__kind", "name")
    rows = []
    for team in teams:
        mine = [standing for standing in standings if standing.staff_member.team_id == team.pk]
        if mine:
            rows.append({"team": team, **compliance(mine)})
    return rows


def month_ends(start, end):
    """The last day of each month from `start` to `end`, both included when they are month ends."""
    days, year, month = [], start.year, start.month
    while True:
        following = date(year + (month == 12), month % 12 + 1, 1)
        last = following - timedelta(days=1)
        if last > end:
            return days
        if last >= start:
            days.append(last)
        year, month = following.year, following.month


def compliance_over_time(*, start, end, team_ids=None, services=None):
    """Compliance at each month end of a period: [(day, figures)]."""
    policy = policy_current()
    return [
        (day, supervision_compliance(on=day, team_ids=team_ids, services=services, policy=policy))
        for day in month_ends(start, end)
    ]


def sessions_recorded(*, start, end):
    """How many supervision sessions are recorded from `start` to `end`: none means the council
    does not record supervision in PSW Hub for the period."""
    return SupervisionSession.objects.filter(held_on__gte=start, held_on__lte=end).count()


def sessions_of(*, staff_member):
    return (
        SupervisionSession.objects.filter(staff_member=staff_member).select_related("supervisor").order_by("-held_on")
    )


def overdue_workers(*, on, team_ids, staff_ids=None):
    """The standings, on a day, of the staff in post in the given teams (or with the given ids)
    who are overdue."""
    staff = StaffMember.objects.all()
    if team_ids is not None:
        staff = staff.filter(team_id__in=team_ids)
    if staff_ids is not None:
        staff = staff.filter(pk__in=staff_ids)
    return [standing for standing in worker_standings(on=on, staff=staff) if standing.overdue]
