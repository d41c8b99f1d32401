"""The workforce figures at any date, from the council's own records (docs/workforce.md, "Figures
at a date"): `workforce_figures_on`, the one read of them, and `workforce_figures_by_month` for a
trend of month ends. Used by the "At a date" and "Month by month" pages, the annual report when
its period does not end on 30 September, and `manage.py workforce_figures --on`.

The figures are the census's (`figures.figures_from_totals` works out every rate from the same
totals as a census year's), taken at the date instead of 30 September and over the 12 months to
the date instead of the census year, from the records instead of a return:

- a *social worker* is someone holding an assignment with a census role (OrgRole) in a team of
  the service; the service's kind says which (children's or adults'). Assignments with no team,
  or with no census role (business support, occupational therapists), are not counted;
- each person's assignments of one kind (council-employed, or agency) that follow on from one
  another (the next starting the day after the last ends) make one *spell*, which plays the part
  of a census line: a change of team, role or hours is neither leaving nor starting. The services
  never let a person's assignments overlap;
- in post at the date: a spell started by the date and not ended by it, so an assignment started
  by the date and ending after it (a spell whose last day is the date is a leaver, not in post,
  as a census line ending on 30 September); FTE in post is the FTE of that assignment;
- leavers over the 12 months to the date (both ends included; for 30 September, exactly the
  census year): the council's own spells ending in them, with the FTE of their last assignment,
  of people not in post at the date; starters: spells starting in them, of people with no spell
  of either kind started before the 12 months and lasting to the day before;
- agency engagements (`pswhub.core.agency_engagements`) in post at the date count as agency
  posts of people with a staff record and no assignment in post then (the census build's rule);
- cases at each worker's latest count on or before the date, for every post in post (the
  workload app's counts, read through `pswhub.core.caseload_counts`);
- working days lost to sickness absence in episodes starting in the 12 months (sickness only, as
  DfE counts it), for the council's own staff in post;
- vacancies and agency cover from the establishment on the date (`establishment.establishment_on`
  for the service's active teams, the figures the establishment page shows), None when no funded
  FTE is recorded for the service by then.

Each total is counted in the database (docs/adr/0107-workforce-figures-at-a-date.md), so the time
grows with the rows the indexes read, not with rows sent to Python: a few rows a query however
many people. Sums of FTE and days are added up in Python from one row per value held, so they are
exact on every database."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import BigIntegerField, Count, Exists, F, Func, IntegerField, OuterRef, Q, Sum, Value
from django.db.models.functions import Cast, Round

from pswhub.core import agency_engagements, caseload_counts
from pswhub.core.figures import rate
from pswhub.core.models import Service, Team
from pswhub.core.periods import Period, year_before

from .. import codes
from ..employment import CHUNK
from ..models import AbsenceEpisode, Assignment, Establishment
from .figures import Totals, figures_from_totals

SERVICES = {Service.CHILDREN: "Children's social workers", Service.ADULTS: "Adults' social workers"}
SICKNESS = "SIC"
ONE_DAY = timedelta(days=1)
MILLION = Decimal(1_000_000)
NO_CENSUS_FOR_ADULTS = (
    "The DfE Children's Social Work Workforce census counts children's social workers only; these figures for "
    "adults' social workers use the same definitions, from the same records, and have no national figures to "
    "compare with."
)
UNKNOWN_SERVICE = "Choose children or adults, not {service!r}"


def twelve_months_to(on):
    """The 12 months to a date, both ends included: from the day after the same date a year
    before (for 30 September, 1 October: the census year)."""
    return Period(year_before(on) + ONE_DAY, on)


@dataclass(frozen=True)
class AtDate:
    """Plays the census year's part in `figures_from_totals`: the reference date, the start of the 12
    months to it, and the service's vacancies and agency cover from the establishment then."""

    reference_date: date
    starts_on: date
    vacancies_fte: Decimal | None
    agency_cover_fte: Decimal | None
    agency_cover_headcount: int | None = None
    year: int | None = None


class _Counted:
    """The counts of one service's records at one date (the definitions above), each read as
    an aggregate in the database, so that the time does not grow with the rows sent to Python."""

    def __init__(self, *, service, on):
        self.service, self.on = service, on
        self.period = twelve_months_to(on)
        self.held = Assignment.objects.filter(team__service__kind=service).exclude(org_role="").order_by()
        self.employed = self.held.exclude(contract_type=codes.AGENCY)
        self.in_post = _in_post_on(self.held, on)
        self.employed_in_post = self.in_post.exclude(contract_type=codes.AGENCY)

    def totals(self):
        """(`figures.Totals` at the date, the latest caseload count date read or None); the cases
        and case holders' FTE are None when no app keeps caseload counts."""
        start, on = self.period.start, self.on
        people, fte = _people_and_fte_by_kind(self.in_post)
        leavers = self._leavers(start, on)
        starters = self._starters(start, on)
        cases, case_holder_fte, counted_on = self._caseloads()
        engaged = self._engaged_only()
        if cases is not None and engaged:
            counted = caseload_counts.caseload_counts_on(staff=list(engaged), on=on)
            for staff_id, held in counted.items():
                counted_on = held.counted_on if counted_on is None else max(counted_on, held.counted_on)
                if held.cases >= 1:
                    cases, case_holder_fte = cases + held.cases, case_holder_fte + engaged[staff_id]
        days_lost = _sum_of_values(
            AbsenceEpisode.objects.filter(
                staff_member_id__in=self.employed_in_post.values("staff_member_id"),
                reason=SICKNESS,
                starts_on__gte=start,
                starts_on__lte=on,
            ).order_by(),
            "working_days_lost",
        )
        left = leavers.aggregate(people=Count("staff_member_id", distinct=True), millionths=_millionths("fte"))
        totals = Totals(
            headcount_in_post=people[False],
            fte_in_post=fte[False],
            leavers_headcount=left["people"],
            leavers_fte=Decimal(left["millionths"] or 0) / MILLION,
            starters_headcount=starters.aggregate(people=Count("staff_member_id", distinct=True))["people"],
            agency_headcount=people[True] + len(engaged),
            agency_fte=fte[True] + sum(engaged.values(), Decimal(0)),
            cases=cases,
            case_holder_fte=case_holder_fte,
            working_days_lost=days_lost,
        )
        return totals, counted_on

    def _leavers(self, start, on):
        """The assignments ending a spell of the council's own employment in the 12 months (no
        assignment follows on the next day by the date), of people not in post at the date."""
        follows_on = (
            self.employed.filter(staff_member_id=OuterRef("staff_member_id"), starts_on__lte=on)
            .alias(day=DayNumber("starts_on"))
            .filter(day=DayNumber(OuterRef("ends_on")) + 1)
        )
        return (
            self.employed.filter(ends_on__gte=start, ends_on__lte=on)
            .exclude(Exists(follows_on))
            .exclude(staff_member_id__in=self.employed_in_post.values("staff_member_id"))
        )

    def _starters(self, start, on):
        """The assignments starting a spell of the council's own employment in the 12 months (none
        ends the day before), of people with no spell of either kind started before the 12
        months and lasting to their eve."""
        follows = (
            self.employed.filter(staff_member_id=OuterRef("staff_member_id"))
            .alias(next_day=DayNumber("ends_on") + 1)
            .filter(next_day=DayNumber(OuterRef("starts_on")))
        )
        held_before = _in_force_on(self.held, start - ONE_DAY).filter(staff_member_id=OuterRef("staff_member_id"))
        return (
            self.employed.filter(starts_on__gte=start, starts_on__lte=on)
            .exclude(Exists(follows))
            .exclude(Exists(held_before))
        )

    def _engaged_only(self):
        """{staff id: FTE} of the agency engagements in the service's teams in post at the date
        (started by it, not ended by it; `pswhub.core.agency_engagements`) of people holding no
        assignment in post then: the census build's rule, in which an engagement joins the same
        person's agency assignments and gives way to their employment. Engagements with no staff
        record are not counted, as they cannot be on the census return. Empty when no app keeps
        engagements."""
        team_ids = list(Team.objects.filter(service__kind=self.service).values_list("pk", flat=True))
        on = self.on
        engagements = agency_engagements.engagements_between(start=on, end=on, team_ids=team_ids) or []
        engaged = {}
        for engagement in sorted(engagements, key=lambda engagement: engagement.starts_on):
            if engagement.staff_member_id is not None and (engagement.ends_on is None or engagement.ends_on > on):
                engaged[engagement.staff_member_id] = engagement.fte  # the latest to start, of two at once
        ids = list(engaged)
        for first in range(0, len(ids), CHUNK):
            chunk = ids[first : first + CHUNK]
            for staff_id in self.in_post.filter(staff_member_id__in=chunk).values_list("staff_member_id", flat=True):
                engaged.pop(staff_id, None)
        return engaged

    def _caseloads(self):
        """(cases, FTE of the case holders, latest count date) for the workers in post, each
        at their latest count on or before the date; (None, None, None) when no app keeps
        caseload counts."""
        totals = caseload_counts.caseload_totals_on(posts=self.in_post, on=self.on)
        return (None, None, None) if totals is None else totals

    def retention(self):
        """`retention_rate_<group>`: of the council's own social workers in post on the day before
        the 12 months began, the share still in post at the date, by their census role then: the
        census year's retention (`breakdowns.retention_by_role_group`, whose groups it uses) over
        the 12 months to the date."""
        from ..breakdowns import RETENTION_GROUPS

        eve = self.period.start - ONE_DAY
        stayed = Q(staff_member_id__in=self.employed_in_post.values("staff_member_id"))
        by_role = (
            _in_post_on(self.employed, eve, carried_on=self.employed)
            .values_list("org_role")
            .annotate(
                then=Count("staff_member_id", distinct=True),
                still=Count("staff_member_id", distinct=True, filter=stayed),
            )
            .order_by()
        )
        people = {role: (then, still) for role, then, still in by_role}
        figures = {}
        for group, _, roles in RETENTION_GROUPS:
            chosen = [people[role] for role in people if roles is None or role in roles]
            kept, counted = sum(still for _, still in chosen), sum(then for then, _ in chosen)
            figures[f"retention_rate_{group}"] = rate(kept, counted)
        return figures


class DayNumber(Func):
    """A date as a whole number of days, so that one date can be compared with the day after
    another in the database (SQLite and PostgreSQL)."""

    output_field = IntegerField()
    template = "(%(expressions)s - DATE '2000-01-01')"

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="CAST(julianday(%(expressions)s) AS INTEGER)", **extra)


def _in_force_on(assignments, on):
    return assignments.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


def _in_post_on(assignments, on, *, carried_on=None):
    """The assignments holding a spell in post on `on`: started by then and not ended by then, or,
    when `carried_on` (the same kind of assignment) is given, ending that day with another
    of `carried_on` starting the next day (for a day before the date read)."""
    ended_after = Q(ends_on__isnull=True) | Q(ends_on__gt=on)
    if carried_on is not None:
        next_day = carried_on.filter(staff_member_id=OuterRef("staff_member_id"), starts_on=on + ONE_DAY)
        ended_after |= Q(ends_on=on) & Q(Exists(next_day))
    return assignments.filter(starts_on__lte=on).filter(ended_after)


def _people_and_fte_by_kind(assignments):
    """({agency?: people}, {agency?: total FTE}) of the assignments, a blank FTE counting 0, from
    one row per contract type and FTE held; the FTE is added up in Python so that the sum is exact
    on every database. A person holds one assignment of a kind at a time (the services refuse
    overlaps), so the people of each row add up."""
    people, fte = {False: 0, True: 0}, {False: Decimal(0), True: Decimal(0)}
    rows = (
        assignments.values_list("contract_type", "fte")
        .annotate(held=Count("pk"), people=Count("staff_member_id", distinct=True))
        .order_by()
    )
    for contract_type, held_fte, held, held_by in rows:
        agency = contract_type == codes.AGENCY
        people[agency] += held_by
        fte[agency] += (held_fte or 0) * held
    return people, fte


def _millionths(field):
    """The sum of a decimal field held to 6 places (an FTE), blanks counting 0, in whole millionths:
    exact on every database (SQLite adds decimals as floating point), in the same query as other
    aggregates."""
    return Sum(Cast(Round(F(field) * Value(MILLION)), BigIntegerField()))


def _sum_of_values(rows, field):
    """The exact sum of a decimal field over `rows`, blanks counting 0, from one row per value."""
    counted = rows.values_list(field).annotate(held=Count("pk")).order_by()
    return sum(((value or 0) * held for value, held in counted), Decimal(0))


def _checked(service):
    if service not in SERVICES:
        raise ValueError(UNKNOWN_SERVICE.format(service=service))
    return service


def _establishment_on(service, on):
    """(vacancy FTE, agency cover FTE) on the date for the service's active teams, or (None,
    None) when no funded FTE is recorded for them by then."""
    from ..establishment import establishment_on

    teams = Team.objects.filter(service__kind=service, is_active=True).select_related("service")
    if not Establishment.objects.filter(team__in=teams, starts_on__lte=on).exists():
        return None, None
    _, total = establishment_on(on, teams=teams)
    return total.vacancy_fte, total.agency_cover_fte


def _figures(service, on):
    counted = _Counted(service=service, on=on)
    totals, counted_on = counted.totals()
    vacancy_fte, cover_fte = _establishment_on(service, on)
    reference = AtDate(on, counted.period.start, vacancy_fte, cover_fte)
    figures = figures_from_totals(totals, reference)
    del figures["year"]
    if totals.cases is None:
        figures |= {"cases": None, "case_holder_fte": None, "average_caseload": None}
    return (
        figures
        | counted.retention()
        | {"service": service, "period_start": counted.period.start, "caseloads_counted_on": counted_on}
    )


def workforce_figures_on(*, on, service=Service.CHILDREN):
    """The workforce figures at a date for one service's social workers, with the keys of
    `workforce_figures` where they apply (no `year`; `reference_date` is the date), the retention
    rates of `manage.py workforce_figures --year`, and `service`, `period_start` (the first day of
    the 12 months) and `caseloads_counted_on` (the latest caseload count date used, or None).
    Raises ValueError for a service that is neither children nor adults."""
    return _figures(_checked(service), on)


def records_held(*, service, on):
    """Whether the records hold any social worker of the service by a date (a council that has only
    imported past census returns holds none)."""
    return (
        Assignment.objects.filter(team__service__kind=_checked(service), starts_on__lte=on)
        .exclude(org_role="")
        .exists()
    )


def month_ends(*, until, months=24):
    """The last `months` month ends on or before `until`, oldest first."""
    ends, day = [], until
    day = date(day.year, day.month, 1) - ONE_DAY if (day + ONE_DAY).month == day.month else day
    for _ in range(months):
        ends.append(day)
        day = date(day.year, day.month, 1) - ONE_DAY
    return ends[::-1]


def workforce_figures_by_month(*, until, months=24, service=Service.CHILDREN):
    """`workforce_figures_on` at each of the last `months` month ends on or before `until`, oldest
    first, from one read of the records."""
    service = _checked(service)
    return [_figures(service, on) for on in month_ends(until=until, months=months)]
