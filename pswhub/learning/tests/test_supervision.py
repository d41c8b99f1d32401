"""Supervision compliance against Standard 5, with values worked out by hand (docs/learning.md).

Policy: Standard 5 (weekly to day 42 of a newly qualified start, fortnightly to day 182, then
every 31 days; sessions of 90 minutes or more, individual only). On 31 March 2026:

| Worker | Team  | What is recorded                                                     | Every | Since      | Standing |
|--------|-------|-----------------------------------------------------------------------|-------|------------|----------|
| P      | North | individual 90 min on 1 Mar                                            | 31    | 1 Mar (30) | in time  |
| Q      | North | individual on 27 Feb; group 120 min on 20 Mar (does not count)        | 31    | 27 Feb (32)| overdue  |
| R      | North | 60 min on 25 Mar (too short); 90 min on 28 Feb                        | 31    | 28 Feb (31)| in time  |
| S      | South | newly qualified from 2 Mar (day 29); last session 23 Mar              | 7     | 23 Mar (8) | overdue  |
| T      | South | newly qualified from 5 Jan (day 85); last session 18 Mar              | 14    | 18 Mar (13)| in time  |
| U      | South | started 10 Mar, no session                                            | 31    | 10 Mar (21)| in time  |
| V      | South | no start date, no session                                             | 31    | -          | overdue  |
| W      | South | left 15 Mar                                                           |       |            | -        |

7 in post, 3 overdue (Q S V), 4 in time: 4/7 = 57.14%, so 57.1. North 2 of 3 (66.7), South 2 of 4 (50.0)."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.learning import supervision
from pswhub.learning.models import NewlyQualifiedStart
from pswhub.learning.tests.factories import SessionFactory

ON = date(2026, 3, 31)
LONG_AGO = date(2020, 1, 6)


@pytest.fixture
def seven_workers(north_team, south_team):
    def worker(team, started_on=LONG_AGO, **kwargs):
        return StaffMemberFactory(team=team, started_on=started_on, **kwargs)

    p, q, r = worker(north_team), worker(north_team), worker(north_team)
    s, t = worker(south_team, date(2026, 3, 2)), worker(south_team, date(2026, 1, 5))
    u, v = worker(south_team, date(2026, 3, 10)), worker(south_team, None)
    w = worker(south_team, left_on=date(2026, 3, 15))
    SessionFactory(staff_member=p, held_on=date(2026, 3, 1))
    SessionFactory(staff_member=q, held_on=date(2026, 2, 27))
    SessionFactory(staff_member=q, held_on=date(2026, 3, 20), kind="group", minutes=120)
    SessionFactory(staff_member=r, held_on=date(2026, 3, 25), minutes=60)
    SessionFactory(staff_member=r, held_on=date(2026, 2, 28))
    NewlyQualifiedStart.objects.create(staff_member=s, started_on=date(2026, 3, 2))
    SessionFactory(staff_member=s, held_on=date(2026, 3, 23))
    NewlyQualifiedStart.objects.create(staff_member=t, started_on=date(2026, 1, 5))
    SessionFactory(staff_member=t, held_on=date(2026, 3, 18))
    SessionFactory(staff_member=w, held_on=date(2025, 1, 1))
    return {"p": p, "q": q, "r": r, "s": s, "t": t, "u": u, "v": v, "w": w}


def test_standard_5_frequency_for_a_newly_qualified_worker(db):
    """ "Weekly for the first six weeks ..., at least fortnightly for the duration of the first
    six months, and a minimum of monthly supervision sessions thereafter"."""
    policy = supervision.policy_current()
    start = date(2026, 1, 1)
    every = lambda on: supervision.required_every_days(policy, newly_qualified_from=start, on=on)  # noqa: E731
    assert (every(date(2026, 1, 1)), every(date(2026, 2, 11)), every(date(2026, 2, 12))) == (7, 7, 14)
    assert (every(date(2026, 7, 1)), every(date(2026, 7, 2))) == (14, 31)  # day 181, day 182
    assert supervision.required_every_days(policy, newly_qualified_from=None, on=start) == 31
    assert policy.minimum_minutes == 90 and not policy.group_sessions_count


def test_compliance_on_a_day(seven_workers):
    figures = supervision.supervision_compliance(on=ON)
    assert figures == {"workers": 7, "in_time": 4, "overdue": 3, "rate": Decimal("57.1")}
    overdue = {standing.staff_member.pk for standing in supervision.worker_standings(on=ON) if standing.overdue}
    assert overdue == {seven_workers[key].pk for key in "qsv"}


def test_compliance_by_team(seven_workers, north_team, south_team):
    rows = supervision.compliance_by_team(on=ON, team_ids=[north_team.pk, south_team.pk])
    assert [(row["team"].name, row["workers"], row["overdue"], row["rate"]) for row in rows] == [
        ("North", 3, 1, Decimal("66.7")),
        ("South", 4, 2, Decimal("50.0")),
    ]


def test_a_policy_that_counts_group_sessions_puts_q_in_time(seven_workers):
    policy = supervision.policy_current()
    policy.group_sessions_count = True
    policy.save()
    assert supervision.supervision_compliance(on=ON)["overdue"] == 2


def test_month_ends_of_a_period():
    assert supervision.month_ends(date(2026, 1, 1), date(2026, 3, 31)) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
    ]
    assert supervision.month_ends(date(2025, 12, 15), date(2026, 1, 30)) == [date(2025, 12, 31)]
