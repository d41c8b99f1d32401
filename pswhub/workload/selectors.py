"""Every workload figure, computed once (definitions in docs/figures.md, "Workload").

A worker's caseload at a date is their latest snapshot on or before that date: every row they
have for that snapshot date. Weighted points, capacity and the team figures follow from it."""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum

from pswhub.core import caseload_counts, roles
from pswhub.core.figures import rate, ratio
from pswhub.core.models import StaffMember, Team
from pswhub.workforce import employment

from .models import CaseloadSnapshot, CaseType, EarlyCareerYear, WeightingScheme

FULL_TIME = Decimal(1)
TREND_POINTS = 24


def ftes_on(*, staff_members, on):
    """Each staff member's FTE on a date, by primary key: the FTE of their assignment in force then
    (workforce employment history, `employment.ftes_on`); None where none is recorded."""
    return employment.ftes_on(staff_ids=[staff.pk for staff in staff_members], on=on)


def early_career_on(*, staff_members, on):
    """The primary keys of those in their early-career year on the date (start and end included)."""
    return set(
        EarlyCareerYear.objects.filter(
            staff_member__in=[staff.pk for staff in staff_members], starts_on__lte=on, ends_on__gte=on
        ).values_list("staff_member_id", flat=True)
    )


def caseloads_on(*, staff_members, on):
    """Each staff member's latest snapshot on or before `on`: {pk: (snapshot date, {(case type,
    complexity): count})}. Staff with no snapshot by then are left out."""
    latest_date = (
        CaseloadSnapshot.objects.filter(staff_member=OuterRef("staff_member"), date__lte=on)
        .order_by("-date")
        .values("date")[:1]
    )
    rows = CaseloadSnapshot.objects.filter(
        staff_member__in=[staff.pk for staff in staff_members], date=Subquery(latest_date)
    )
    latest = {}
    for staff_id, snapshot_date, case_type, complexity, count in rows.values_list(
        "staff_member_id", "date", "case_type_id", "complexity_id", "count"
    ):
        latest.setdefault(staff_id, (snapshot_date, {}))[1][(case_type, complexity)] = count
    return latest


def caseload_counts_for_core(*, staff, on, since=None):
    """Registered with core (`pswhub.core.caseload_counts`) so that the layers below read counts:
    {staff id: CaseloadCount} of each worker's latest count on or before `on` (and not before
    `since`, when given), its rows added together; the same rule as `caseloads_on`. `staff` is a
    StaffMember queryset (read as a subquery, so any number of people costs one query) or staff
    member ids. The latest date and its total are looked up for each worker through the (worker,
    date) index, so the time does not grow with the number of snapshots held. Staff with no count
    in the window are left out."""
    wanted = None
    if not isinstance(staff, QuerySet):
        wanted = set(staff)
        # A long IN list costs more than reading everyone (and SQLite refuses one past 32,766).
        staff = StaffMember.objects.filter(pk__in=wanted) if len(wanted) <= 1000 else StaffMember.objects.all()
    window = Q(date__lte=on) if since is None else Q(date__lte=on, date__gte=since)

    def latest_date(outer):
        return CaseloadSnapshot.objects.filter(window, staff_member=outer).order_by("-date").values("date")[:1]

    latest_total = Subquery(
        CaseloadSnapshot.objects.filter(
            staff_member=OuterRef("pk"), date=Subquery(latest_date(OuterRef(OuterRef("pk"))))
        )
        .order_by()
        .values("staff_member")
        .annotate(cases=Sum("count"))
        .values("cases")
    )
    rows = (
        staff.order_by()
        .annotate(latest=Subquery(latest_date(OuterRef("pk"))), latest_cases=latest_total)
        .filter(latest__isnull=False)
        .values_list("pk", "latest", "latest_cases")
    )
    return {
        staff_id: caseload_counts.CaseloadCount(counted_on, cases)
        for staff_id, counted_on, cases in rows
        if wanted is None or staff_id in wanted
    }


# Counts are usually taken weekly or monthly: each worker's latest count on or before a date is
# first looked for among the counts of the weeks before it, read through the date index; only
# posts whose worker has none then are looked up one by one.
RECENT_COUNT_DAYS = 35

# Parameters, in order: the first day of the recent counts and the date (twice), the first day
# again, then the posts' own.
_TOTALS = """
WITH latest AS (
    SELECT staff_member_id, MAX(date) AS counted_on FROM workload_caseloadsnapshot
    WHERE date >= %s AND date <= %s GROUP BY staff_member_id
), recent AS (
    SELECT counts.staff_member_id, latest.counted_on, SUM(counts.count) AS cases
    FROM workload_caseloadsnapshot counts
    JOIN latest ON counts.staff_member_id = latest.staff_member_id AND counts.date = latest.counted_on
    WHERE counts.date >= %s AND counts.date <= %s
    GROUP BY counts.staff_member_id, latest.counted_on
), counted AS (
    SELECT posts.staff_member_id, posts.fte, recent.cases,
           COALESCE(recent.counted_on, (
               SELECT MAX(earlier.date) FROM workload_caseloadsnapshot earlier
               WHERE earlier.staff_member_id = posts.staff_member_id AND earlier.date < %s
           )) AS counted_on
    FROM ({posts}) posts LEFT JOIN recent ON recent.staff_member_id = posts.staff_member_id
), held AS (
    SELECT counted.fte, counted.counted_on, COALESCE(counted.cases, (
               SELECT SUM(earlier.count) FROM workload_caseloadsnapshot earlier
               WHERE earlier.staff_member_id = counted.staff_member_id AND earlier.date = counted.counted_on
           )) AS cases
    FROM counted WHERE counted.counted_on IS NOT NULL
)
SELECT fte, COUNT(*) FILTER (WHERE cases >= 1), SUM(cases) FILTER (WHERE cases >= 1), MAX(counted_on)
FROM held GROUP BY fte
"""


def caseload_totals_for_core(*, posts, on):
    """Registered with core (`pswhub.core.caseload_counts`): `CaseloadTotals` over `posts` (rows
    with `staff_member_id` and `fte`), each post with its worker's cases at their latest count on
    or before `on` (the rule of `caseload_counts_for_core`), added up in the database by FTE held
    in one statement, so that no row per worker is read. Each worker's latest count is looked for
    among the counts of the `RECENT_COUNT_DAYS` before the date, read through the date index; only
    workers with none then are looked up one by one through the (worker, date) index. The FTE is
    added up in Python from one row per FTE, exact on every database."""
    sql, params = posts.order_by().values("staff_member_id", "fte").query.sql_with_params()
    recent_from = on - timedelta(days=RECENT_COUNT_DAYS)
    with connection.cursor() as cursor:
        cursor.execute(_TOTALS.format(posts=sql), [recent_from, on, recent_from, on, recent_from, *params])
        rows = cursor.fetchall()
    total_cases, fte, counted_on = 0, Decimal(0), None
    for post_fte, holders, held, latest_on in rows:
        total_cases += held or 0
        fte += _decimal(post_fte) * holders
        latest_on = _date(latest_on)
        counted_on = latest_on if counted_on is None or latest_on > counted_on else counted_on
    return caseload_counts.CaseloadTotals(total_cases, fte, counted_on)


def _decimal(value):
    """An FTE as read by a raw statement (a float on SQLite), to two places."""
    return Decimal(0) if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _date(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


@dataclass
class Scheme:
    """A weighting scheme read once, with its points by (case type, complexity)."""

    scheme: WeightingScheme
    points: dict

    def points_for(self, counts):
        """Sum of count x points, plus the non-case allowance. A type and level the scheme has no
        points for counts 0 points."""
        case_points = sum((count * self.points.get(key, Decimal(0)) for key, count in counts.items()), Decimal(0))
        return case_points + self.scheme.non_case_points

    def capacity(self, *, fte, early_career):
        full = self.scheme.early_career_capacity_points if early_career else self.scheme.capacity_points
        return full * fte


def scheme_get(*, service):
    scheme = WeightingScheme.objects.filter(service=service).first()
    if scheme is None:
        return None
    points = {(weight.case_type_id, weight.complexity_id): weight.points for weight in scheme.weights.all()}
    return Scheme(scheme, points)


@dataclass
class WorkerLine:
    staff_member: object
    snapshot_date: date
    counts: dict  # (case type, complexity) -> count
    fte: Decimal  # the FTE used: the recorded one, or full time when none is recorded
    fte_recorded: bool
    early_career: bool
    weighted_points: Decimal | None = None
    capacity: Decimal | None = None

    @property
    def cases(self):
        return sum(self.counts.values())

    @property
    def by_type(self):
        totals = defaultdict(int)
        for (case_type, _complexity), count in self.counts.items():
            totals[case_type] += count
        return dict(totals)

    @property
    def percent_of_capacity(self):
        return rate(self.weighted_points, self.capacity) if self.capacity else None

    @property
    def over_capacity(self):
        return self.capacity is not None and self.weighted_points > self.capacity


def worker_lines(*, staff_members, on):
    """One line for each staff member with a snapshot on or before `on`, weighted by the scheme of
    their team's service (no scheme: no points or capacity)."""
    staff_members = list(staff_members)
    caseloads = caseloads_on(staff_members=staff_members, on=on)
    ftes = ftes_on(staff_members=staff_members, on=on)
    early = early_career_on(staff_members=staff_members, on=on)
    schemes = {}
    lines = []
    for staff in staff_members:
        if staff.pk not in caseloads:
            continue
        snapshot_date, counts = caseloads[staff.pk]
        recorded = ftes.get(staff.pk)
        line = WorkerLine(
            staff_member=staff,
            snapshot_date=snapshot_date,
            counts=counts,
            fte=recorded if recorded is not None else FULL_TIME,
            fte_recorded=recorded is not None,
            early_career=staff.pk in early,
        )
        service_id = staff.team.service_id if staff.team_id else None
        if service_id not in schemes:
            schemes[service_id] = scheme_get(service=service_id) if service_id else None
        scheme = schemes[service_id]
        if scheme is not None:
            line.weighted_points = scheme.points_for(counts)
            line.capacity = scheme.capacity(fte=line.fte, early_career=line.early_career)
        lines.append(line)
    return lines


def _in_post_on(on):
    """Started by the date (or no start recorded), not left by then."""
    return Q(started_on__isnull=True) | Q(started_on__lte=on), Q(left_on__isnull=True) | Q(left_on__gt=on)


def team_members_on(*, team, on):
    """Staff of the team in post on the date."""
    return team.staff.filter(*_in_post_on(on)).select_related("team").order_by("last_name", "first_name")


@dataclass
class TeamWorkload:
    team: Team
    on: date
    lines: list
    target_caseload: Decimal | None
    over: list = field(default_factory=list)

    @property
    def case_holders(self):
        return [line for line in self.lines if line.cases >= 1]

    @property
    def cases(self):
        return sum(line.cases for line in self.case_holders)

    @property
    def case_holder_fte(self):
        return sum((line.fte for line in self.case_holders), Decimal(0))

    @property
    def average_caseload(self):
        """Cases ÷ FTE of the workers holding at least one case, to one decimal place, half up (as
        DfE); None with no case holders."""
        return ratio(self.cases, self.case_holder_fte)

    @property
    def weighted_points(self):
        weighted = [line.weighted_points for line in self.lines if line.weighted_points is not None]
        return sum(weighted, Decimal(0)) if weighted else None

    @property
    def capacity(self):
        capacities = [line.capacity for line in self.lines if line.capacity is not None]
        return sum(capacities, Decimal(0)) if capacities else None

    @property
    def percent_of_capacity(self):
        return rate(self.weighted_points, self.capacity) if self.capacity else None


def team_workload(*, team, on):
    lines = worker_lines(staff_members=team_members_on(team=team, on=on), on=on)
    scheme = WeightingScheme.objects.filter(service_id=team.service_id).first()
    workload = TeamWorkload(team, on, lines, scheme.target_caseload if scheme else None)
    workload.over = [line for line in lines if line.over_capacity]
    return workload


def snapshot_dates(*, staff_members, until=None):
    """The distinct snapshot dates of these staff, oldest first."""
    rows = CaseloadSnapshot.objects.filter(staff_member__in=[staff.pk for staff in staff_members])
    if until is not None:
        rows = rows.filter(date__lte=until)
    return sorted(set(rows.values_list("date", flat=True)))


def team_caseload_trend(*, team, until=None, points=TREND_POINTS):
    """The team's average caseload at each of its last `points` snapshot dates: [(date, average)].
    Each date counts the staff in post in the team then, with their caseload then and their FTE
    then (`employment.fte_in`, full time where none is recorded), as `TeamWorkload` does for one
    date."""
    staff = list(team.staff.all())
    dates = snapshot_dates(staff_members=staff, until=until)[-points:]
    if not dates:
        return []
    # Each worker's total cases at each of their snapshot dates, read once for the whole trend.
    held = defaultdict(dict)
    totals = (
        CaseloadSnapshot.objects.filter(staff_member__in=[member.pk for member in staff], date__lte=dates[-1])
        .values_list("staff_member_id", "date")
        .annotate(cases=Sum("count"))
    )
    for staff_id, snapshot_date, cases in totals:
        held[staff_id][snapshot_date] = cases
    # FTE at each date, from everyone's assignments read once (as `ftes_on` reads it for one date).
    periods = employment.assignment_periods(staff_ids=[member.pk for member in staff])
    trend = []
    for on in dates:
        cases, fte = 0, Decimal(0)
        for member in staff:
            if not _in_post(member, on) or member.pk not in held:
                continue
            own_dates = sorted(held[member.pk])
            position = bisect_right(own_dates, on)
            member_cases = held[member.pk][own_dates[position - 1]] if position else 0
            if member_cases >= 1:
                cases += member_cases
                recorded = employment.fte_in(periods[member.pk], on)
                fte += recorded if recorded is not None else FULL_TIME
        trend.append((on, ratio(cases, fte)))
    return trend


def _in_post(member, on):
    """As `team_members_on`: started by the date (or no start recorded), not left by then."""
    return (member.started_on is None or member.started_on <= on) and (member.left_on is None or member.left_on > on)


def workload_teams(user):
    """The teams whose workload the user may see in full: every team for those who read across the
    organisation, the teams they manage (and those beneath) for a team manager."""
    teams = Team.objects.select_related("service").order_by("service__kind", "name")
    if user.role_codes & roles.ORGANISATION_WIDE_STAFF_ROLES:
        return teams
    if user.has_role(roles.TEAM_MANAGER):
        return teams.filter(pk__in=user.managed_team_ids())
    return teams.none()


def own_line(*, user, on):
    staff = getattr(user, "staff_member", None)
    if staff is None:
        return None
    lines = worker_lines(staff_members=[staff], on=on)
    return lines[0] if lines else None


def managed_teams_over_capacity(user, *, on):
    """For a team manager: each managed team's workers over capacity at `on`, {team: [line]}. Read
    for all their teams at once, so a manager of many teams costs no more queries than of one."""
    if not user.has_role(roles.TEAM_MANAGER):
        return {}
    members = (
        StaffMember.objects.filter(team__in=user.managed_team_ids())
        .filter(*_in_post_on(on))
        .select_related("team__service")
        .order_by("team__name", "last_name", "first_name")
    )
    over = {}
    for line in worker_lines(staff_members=members, on=on):
        if line.over_capacity:
            over.setdefault(line.staff_member.team, []).append(line)
    return over


def case_types_for(kind=None):
    """The case types of a kind of service, or all of them."""
    return CaseType.objects.filter(service_kind=kind) if kind else CaseType.objects.all()
