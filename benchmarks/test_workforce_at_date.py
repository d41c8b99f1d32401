"""Budget: the workforce figures at a date (`selectors.workforce_figures_on`) for England-sized data
in under 1 s.

England-sized: 40,000 children's social workers in post at the date (DfE counted about 34,300 FTE
in 2024), in 1,600 teams of 25 with a funded FTE each, over ten years of employment history: about
15% leave each year and are replaced, a third of those who stay five years change team or hours
once, and 15% more work through agencies. Everyone in post holds a caseload counted on the last
day of each of the 24 months before the date (monthly counts: each worker's latest is found among
the counts of the 35 days before the date, through the (date, worker, count) index, so a council
counting weekly reads five counts a worker there, not two), and a year of sickness absence. About 100,000 people, 130,000
assignments, 1,000,000 caseload counts.

The data are written once, with bulk inserts and without change history, inside this test's
transaction (rolled back afterwards, so the demo council of the other benchmarks is untouched);
only the read is timed. They are added to the demo council's children's service (an installation
holds one council), whose own hundred or so social workers are counted with them. On SQLite by default; with DATABASE_URL naming PostgreSQL, on that."""

import random
import time
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection

from pswhub.core.models import Authority, Service, StaffMember, Team
from pswhub.workforce import selectors
from pswhub.workforce.models import AbsenceEpisode, Assignment, Establishment

BUDGET_SECONDS = 1.0
ROUNDS = 5
IN_POST = 40_000
TEAM_SIZE = 25
AGENCY_SHARE = 0.15
TURNOVER = 0.15
YEARS = 10
ON = date(2026, 3, 31)
FTES = [Decimal("1")] * 4 + [Decimal("0.8"), Decimal("0.6"), Decimal("0.5")]
BATCH = 5_000


def _month_ends(until, months):
    ends, day = [], until
    for _ in range(months):
        ends.append(day)
        day = date(day.year, day.month, 1) - timedelta(days=1)
    return ends


def _generate():
    """Writes the England-sized records; returns counts of what was written."""
    from pswhub.workload.models import CaseloadSnapshot

    rng = random.Random(2026)
    # One installation holds one council: the England-sized records go into its children's service.
    service = Service.objects.get(authority=Authority.objects.get(), kind=Service.CHILDREN)
    teams = Team.objects.bulk_create(
        Team(service=service, name=f"Benchmark team {n:04d}") for n in range(IN_POST // TEAM_SIZE)
    )
    start = date(ON.year - YEARS, ON.month, ON.day)
    people = []  # (team, started, ended, agency)
    for _ in range(IN_POST):
        day, team = start - timedelta(days=rng.randint(30, 3650)), rng.choice(teams)
        # Each post is held by a chain of people; each leaves after a span drawn for 15% a year.
        while True:
            span = int(rng.expovariate(TURNOVER) * 365) + 30
            ended = day + timedelta(days=span)
            if ended >= ON + timedelta(days=400):
                people.append((team, day, None, False))
                break
            people.append((team, day, ended, False))
            day = ended + timedelta(days=rng.randint(1, 60))
    for _ in range(int(IN_POST * AGENCY_SHARE)):
        started = ON - timedelta(days=rng.randint(1, 700))
        ended = None if rng.random() < 0.7 else started + timedelta(days=rng.randint(30, 300))
        people.append((rng.choice(teams), started, ended, True))
    first = (StaffMember.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    StaffMember.objects.bulk_create(
        (
            StaffMember(
                pk=first + n,
                employee_number=f"BENCH{n:07d}",
                first_name="Sam",
                last_name=f"Worker {n}",
                team=team,
                started_on=started,
                left_on=ended,
            )
            for n, (team, started, ended, _) in enumerate(people)
        ),
        batch_size=BATCH,
    )
    assignments, snapshots, absences = [], [], []
    months = _month_ends(ON, 24)
    for n, (team, started, ended, agency) in enumerate(people):
        staff_id, fte, role = first + n, rng.choice(FTES), rng.choice("5555555443")
        terms = {"staff_member_id": staff_id, "org_role": role, "contract_type": "agency" if agency else "permanent"}
        last_day = ended or ON + timedelta(days=400)
        if not agency and (last_day - started).days > 5 * 365 and rng.random() < 1 / 3:
            changed = started + timedelta(days=rng.randint(365, (last_day - started).days - 180))
            assignments.append(Assignment(team=rng.choice(teams), fte=fte, starts_on=started,
                                          ends_on=changed - timedelta(days=1), **terms))  # fmt: skip
            started = changed
        assignments.append(Assignment(team=team, fte=fte, starts_on=started, ends_on=ended, **terms))
        in_post = started <= ON and (ended is None or ended > ON)
        if in_post and role in "45":
            usual = 8 + n % 17
            snapshots += [
                CaseloadSnapshot(staff_member_id=staff_id, date=month, case_type_id="child_in_need", count=usual)
                for month in months
                if month >= started
            ]
        if in_post and not agency and rng.random() < 0.6:
            sick = ON - timedelta(days=rng.randint(0, 360))
            absences.append(AbsenceEpisode(staff_member_id=staff_id, starts_on=sick, ends_on=sick, reason="SIC",
                                           working_days_lost=Decimal(rng.choice([1, 2, 3, 5, 10]))))  # fmt: skip
    Assignment.objects.bulk_create(assignments, batch_size=BATCH)
    CaseloadSnapshot.objects.bulk_create(snapshots, batch_size=BATCH)
    AbsenceEpisode.objects.bulk_create(absences, batch_size=BATCH)
    Establishment.objects.bulk_create(
        Establishment(team=team, funded_fte=Decimal("24.5"), starts_on=start) for team in teams
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"people": len(people), "assignments": len(assignments), "caseload_counts": len(snapshots),
            "teams": len(teams), "absences": len(absences)}  # fmt: skip


def test_figures_at_a_date_for_england_sized_data(benchmark, db):
    started = time.perf_counter()
    written = _generate()
    generated = time.perf_counter() - started
    benchmark.group = "workforce figures at a date"
    benchmark.extra_info.update(database=connection.vendor, generated_seconds=round(generated, 1), **written)

    figures = benchmark.pedantic(selectors.workforce_figures_on, kwargs={"on": ON}, rounds=ROUNDS, warmup_rounds=1)

    # About 40,000 posts, a few of them between one holder and the next at the date.
    assert IN_POST * 0.95 <= figures["headcount_in_post"] < IN_POST + 1_000
    assert figures["leavers_headcount"] > 0 and figures["average_caseload"] is not None
    median = benchmark.stats.stats.median
    assert median < BUDGET_SECONDS, f"median {median * 1000:.0f} ms"
