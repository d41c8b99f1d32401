"""The workforce figures at any date, from the council's own records (docs/workforce.md, "Figures
at a date"): `workforce_figures_on`, the one read of them, and `workforce_figures_by_month` for a
trend of month ends. Used by the "At a date" and "Month by month" pages, the annual report when
its period does not end on 30 September, and `manage.py workforce_figures --on`.

The figures are the census's (`figures.figures_from`, with its definitions), worked out at the
date instead of 30 September and over the 12 months to the date instead of the census year, from
the records instead of a return:

- a *social worker* is someone holding an assignment with a census role (OrgRole) in a team of
  the service; the service's kind says which (children's or adults'). Assignments with no team,
  or with no census role (business support, occupational therapists), are not counted;
- each person's assignments of one kind (council-employed, or agency) that follow on from one
  another (the next starting by the day after the last ends) make one *spell*, which plays the
  part of a census line: a change of team, role or hours is neither leaving nor starting;
- in post at the date: a spell started by the date and not ended by it (a spell whose last day is
  the date is a leaver, not in post, as a census line ending on 30 September);
- FTE in post is the FTE of the assignment in force on the date; FTE at leaving that of the last;
- starters and leavers over the 12 months to the date, both ends included (for 30 September,
  exactly the census year);
- cases at the latest count on or before the date, each worker's own (the workload app's counts,
  read through `pswhub.core.caseload_counts`);
- working days lost to sickness absence in episodes starting in the 12 months (sickness only, as
  DfE counts it), for the council's own staff in post;
- vacancies and agency cover from the establishment on the date (`establishment.establishment_on`
  for the service's active teams, the figures the establishment page shows), None when no funded
  FTE is recorded for the service by then."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Q

from pswhub.core import caseload_counts
from pswhub.core.figures import rate
from pswhub.core.models import Service, StaffMember, Team
from pswhub.core.periods import Period, year_before

from .. import codes
from ..models import AbsenceEpisode, Assignment, Establishment
from .figures import figures_from
from .lines import Line, Year, in_post_on

SERVICES = {Service.CHILDREN: "Children's social workers", Service.ADULTS: "Adults' social workers"}
SICKNESS = "SIC"
ONE_DAY = timedelta(days=1)
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
    """Plays the census year's part in `figures_from`: the reference date, the start of the 12
    months to it, and the service's vacancies and agency cover from the establishment then."""

    reference_date: date
    starts_on: date
    vacancies_fte: Decimal | None
    agency_cover_fte: Decimal | None
    agency_cover_headcount: int | None = None
    year: int | None = None


class _Assignment(NamedTuple):
    """One assignment as the figures read it (a tuple: tens of thousands are read at once)."""

    starts_on: date
    ends_on: date | None
    fte: Decimal | None
    org_role: str
    team_id: int | None

    def in_force_on(self, on):
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)


class _Records:
    """The service's social workers' assignments, sickness absence and establishment for dates up
    to `until`, read once, so a trend of many dates costs the queries of one."""

    def __init__(self, *, service, earliest, until):
        self.service = service
        window = twelve_months_to(earliest).start - ONE_DAY
        in_window = (
            Assignment.objects.filter(team__service__kind=service, starts_on__lte=until)
            .exclude(org_role="")
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=window))
        )
        self.by_person = defaultdict(lambda: {False: [], True: []})
        rows = in_window.order_by("staff_member_id", "starts_on").values_list(
            "staff_member_id", "contract_type", "starts_on", "ends_on", "fte", "org_role", "team_id"
        )
        for staff_id, contract_type, starts_on, ends_on, fte, org_role, team_id in rows:
            agency = contract_type == codes.AGENCY
            self.by_person[staff_id][agency].append(_Assignment(starts_on, ends_on, fte, org_role, team_id))
        # The people counted, as a subquery, so that any number of them costs no query variables.
        self.staff = StaffMember.objects.filter(pk__in=in_window.values("staff_member_id"))
        self.sickness = defaultdict(list)
        episodes = (
            AbsenceEpisode.objects.filter(
                staff_member__in=self.staff, reason=SICKNESS, starts_on__gt=window, starts_on__lte=until
            )
            .order_by()
            .values_list("staff_member_id", "starts_on", "working_days_lost")
        )
        for staff_id, starts_on, days in episodes:
            self.sickness[staff_id].append((starts_on, days))
        self.teams = list(Team.objects.filter(service__kind=service, is_active=True).select_related("service"))
        first_funded = Establishment.objects.filter(team__in=self.teams).order_by("starts_on").values("starts_on")[:1]
        self.funded_from = first_funded[0]["starts_on"] if first_funded else None

    def lines_on(self, on):
        """One `Line` for each spell of a social worker with an assignment started by `on`."""
        period = twelve_months_to(on)
        counted = caseload_counts.caseload_counts_on(staff=self.staff, on=on)
        self.caseloads_known = counted is not None
        counted = counted or {}
        self.latest_count = max((counted_on for counted_on, _ in counted.values()), default=None)
        lines = []
        for staff_id, kinds in self.by_person.items():
            episodes = self.sickness.get(staff_id, ())
            sick = sum((days for starts_on, days in episodes if period.contains(starts_on)), Decimal(0))
            for agency, assignments in kinds.items():
                for spell in _spells([one for one in assignments if one.starts_on <= on]):
                    lines.append(_line(staff_id, agency, spell, on, counted.get(staff_id), sick))
        return lines

    def establishment_on(self, on):
        """(vacancy FTE, agency cover FTE) on the date for the service's active teams, or (None,
        None) when no funded FTE is recorded for them by then."""
        from ..establishment import establishment_on

        if self.funded_from is None or self.funded_from > on:
            return None, None
        _, total = establishment_on(on, teams=self.teams)
        return total.vacancy_fte, total.agency_cover_fte


def _spells(assignments):
    """Assignments (in order of start) grouped into spells: each one starting by the day after the
    one before ends joins it."""
    spells = []
    for assignment in assignments:
        last = spells[-1][-1] if spells else None
        if last is not None and (last.ends_on is None or assignment.starts_on <= last.ends_on + ONE_DAY):
            spells[-1].append(assignment)
        else:
            spells.append([assignment])
    return spells


def _line(staff_id, agency, spell, on, counted, sick):
    first, last = spell[0], spell[-1]
    ends_on = None if any(one.ends_on is None for one in spell) else max(one.ends_on for one in spell)
    current = next((one for one in spell if one.in_force_on(on)), last)
    in_post = ends_on is None or ends_on > on
    return Line(
        census_year_id=0,
        swe_number=str(staff_id),
        agency=agency,
        fte=last.fte,
        fte_30=(current.fte or Decimal(0)) if in_post else None,
        role_start_date=first.starts_on,
        role_end_date=ends_on,
        cases_30=counted[1] if counted and in_post else None,
        working_days_lost=None if agency else sick,
        team_id=current.team_id,
        org_role=current.org_role,
    )


def _checked(service):
    if service not in SERVICES:
        raise ValueError(UNKNOWN_SERVICE.format(service=service))
    return service


def _figures(records, on):
    lines = records.lines_on(on)
    period = twelve_months_to(on)
    vacancy_fte, cover_fte = records.establishment_on(on)
    reference = AtDate(on, period.start, vacancy_fte, cover_fte)
    figures = figures_from(Year(reference, lines))
    del figures["year"]
    if not records.caseloads_known:
        figures |= {"cases": None, "case_holder_fte": None, "average_caseload": None}
    figures |= _retention(reference, lines, records, on)
    return figures | {
        "service": records.service,
        "period_start": period.start,
        "caseloads_counted_on": records.latest_count,
    }


def _retention(reference, lines, records, on):
    """`retention_rate_<group>`: of the council's own social workers in post on the day before the
    12 months began, the share still in post at the date, by their census role then: the census
    year's retention (`breakdowns.retention_by_role_group`, whose groups it uses) over the 12
    months to the date."""
    from ..breakdowns import RETENTION_GROUPS

    start = reference.starts_on - ONE_DAY
    employed = [line for line in lines if not line.agency]
    at_end = {line.swe_number for line in employed if in_post_on(line, on)}
    roles_then = {}
    for line in employed:
        if in_post_on(line, start):
            held = next(one for one in records.by_person[int(line.swe_number)][False] if one.in_force_on(start))
            roles_then[line.swe_number] = held.org_role
    figures = {}
    for group, _, roles in RETENTION_GROUPS:
        people = {person for person, role in roles_then.items() if roles is None or role in roles}
        figures[f"retention_rate_{group}"] = rate(len(people & at_end), len(people))
    return figures


def workforce_figures_on(*, on, service=Service.CHILDREN):
    """The workforce figures at a date for one service's social workers, with the keys of
    `workforce_figures` where they apply (no `year`; `reference_date` is the date), the retention
    rates of `manage.py workforce_figures --year`, and `service`, `period_start` (the first day of
    the 12 months) and `caseloads_counted_on` (the latest caseload count date used, or None).
    Raises ValueError for a service that is neither children nor adults."""
    records = _Records(service=_checked(service), earliest=on, until=on)
    return _figures(records, on)


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
    dates = month_ends(until=until, months=months)
    records = _Records(service=_checked(service), earliest=dates[0], until=dates[-1])
    return [_figures(records, on) for on in dates]
