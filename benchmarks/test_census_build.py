"""Budget: building a census year from the records for 40,000 children's social workers with ten
years of history takes under 10 s on PostgreSQL (docs/performance.md, "Building a census year").

The records are made before timing, in the benchmarks' test database beside the demo council, in
1,600 new teams of the council's children's service: 40,000 posts, each held by one person after
another from before October 2016 to beyond September 2026 (about one in seven leaving each year,
the next starting within two months), one post in eight filled through an agency; three in ten
people change FTE once; each person has a Social Work England number and equality details, an
absence episode in most years, and a caseload count every quarter they are in post. Everything
comes from one seeded random generator and is written with COPY (PostgreSQL) or executemany.

Timed: `census_year_build(year=2026)` from nothing (every line new, written with history), then
building it again with nothing changed (every line read and compared, nothing written). On SQLite
the number of posts is `PSWHUB_CENSUS_BENCH_POSTS` (default 2,000): the budget is PostgreSQL's."""

import os
import random
import time
from datetime import date, timedelta

from django.db import connection

from pswhub.core.models import Service, Team
from pswhub.workforce.models import CensusWorker
from pswhub.workforce.services.census_build import census_year_build

BUDGET_SECONDS = 10
SEED = 20261205
STAFF_PER_TEAM = 25
HISTORY_FROM = date(2016, 10, 1)
HISTORY_TO = date(2026, 12, 31)
YEAR = 2026


def posts():
    default = "40000" if connection.vendor == "postgresql" else "2000"
    return int(os.environ.get("PSWHUB_CENSUS_BENCH_POSTS", default))


def write(table, columns, rows):
    rows = list(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("%s" for _ in columns)
            insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608  (names in this file)
            cursor.executemany(insert, rows)


def ids_by(table, key, prefix):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key}, id FROM {table} WHERE {key} LIKE %s", [prefix + "%"])  # noqa: S608
        return dict(cursor.fetchall())


def records_make(count):
    """Writes the posts' people and records; returns how many people."""
    rng = random.Random(SEED)
    service = Service.objects.get(kind=Service.CHILDREN)
    teams = count // STAFF_PER_TEAM
    write(
        "core_team", ["service_id", "name", "is_active"], ((service.pk, f"Bench team {n}", True) for n in range(teams))
    )
    team_ids = list(Team.objects.filter(name__startswith="Bench team ").order_by("pk").values_list("pk", flat=True))
    write("workforce_establishment", ["team_id", "org_role", "funded_fte", "starts_on"],
          ((pk, "", STAFF_PER_TEAM, date(2016, 4, 1)) for pk in team_ids))  # fmt: skip

    people = []  # (number, team id, agency, start, end)
    for post in range(count):
        team_id, agency = team_ids[post // STAFF_PER_TEAM], rng.random() < 0.125
        start = HISTORY_FROM - timedelta(days=rng.randint(0, 3000))
        while start <= HISTORY_TO:
            stays = int(rng.expovariate(0.15) * 365) + 30
            end = start + timedelta(days=stays)
            people.append((len(people), team_id, agency, start, end if end <= HISTORY_TO else None))
            if end > HISTORY_TO:
                break
            start = end + timedelta(days=rng.randint(1, 60))
    write("core_staffmember", ["employee_number", "first_name", "last_name", "email", "job_title", "team_id",
                               "started_on", "left_on"],
          ((f"B{n:07d}", "Sam", f"Bench {n}", "", "Social Worker", team, start, end)
           for n, team, _, start, end in people))  # fmt: skip
    staff = ids_by("core_staffmember", "employee_number", "B")
    ids = [staff[f"B{n:07d}"] for n, *_ in people]
    write("workforce_staffprofile", ["staff_member_id", "swe_number", "qualification_route", "date_of_birth", "sex",
                                     "gender_current", "ethnicity"],
          ((pk, f"SW8{n:07d}", "", date(1970 + n % 30, 1 + n % 12, 1), "F" if n % 3 else "M", "", "WBRI")
           for pk, (n, *_) in zip(ids, people, strict=True)))  # fmt: skip

    assignments, absences, counts = [], [], []
    for pk, (_, team, agency, start, end) in zip(ids, people, strict=True):
        contract = "agency" if agency else "permanent"
        leaving = ("1", "1") if end and not agency else ("", "")
        change = start + timedelta(days=rng.randint(30, 2000)) if rng.random() < 0.3 else None
        if change and (end is None or change < end):
            assignments.append((pk, team, "5", "Social Worker", 1, contract, start, change - timedelta(days=1),
                                "" if agency else "2", "", ""))  # fmt: skip
            assignments.append((pk, team, "5", "Social Worker", 0.6, contract, change, end, "", *leaving))
        else:
            assignments.append((pk, team, "5", "Social Worker", 1, contract, start, end, "" if agency else "2",
                                *leaving))  # fmt: skip
        last = end or HISTORY_TO
        year = max(start, HISTORY_FROM)
        while year < last:
            if rng.random() < 0.7:
                episode = year + timedelta(days=rng.randint(0, 300))
                if episode < last:
                    absences.append((pk, episode, episode + timedelta(days=2), "SIC", 3))
            year += timedelta(days=365)
        quarter = max(start, HISTORY_FROM)
        while quarter < last:
            counts.append((pk, quarter, "child_in_need", "standard", rng.randint(5, 25)))
            quarter += timedelta(days=91)
    write("workforce_assignment", ["staff_member_id", "team_id", "org_role", "job_title", "fte", "contract_type",
                                   "starts_on", "ends_on", "start_origin", "reason_leave", "leaver_destination"],
          assignments)  # fmt: skip
    write("workforce_absenceepisode", ["staff_member_id", "starts_on", "ends_on", "reason", "working_days_lost"],
          absences)  # fmt: skip
    write("workload_caseloadsnapshot", ["staff_member_id", "date", "case_type_id", "complexity_id", "count"], counts)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return len(people), len(assignments), len(absences), len(counts)


def test_census_year_build_time(benchmark, db):
    made = records_make(posts())
    timings = {}

    def build_from_nothing():
        CensusWorker.objects.filter(census_year__year=YEAR).delete()
        started = time.perf_counter()
        result = census_year_build(year=YEAR)
        timings.setdefault("first", []).append(time.perf_counter() - started)
        started = time.perf_counter()
        again = census_year_build(year=YEAR)
        timings.setdefault("again", []).append(time.perf_counter() - started)
        assert not again.changed_anything
        return result

    benchmark.group = "Census year build"
    result = benchmark.pedantic(build_from_nothing, rounds=2, warmup_rounds=0)
    first, again = min(timings["first"]), min(timings["again"])
    benchmark.extra_info.update(
        posts=posts(), people=made[0], assignments=made[1], absences=made[2], caseload_counts=made[3],
        lines=result.lines, first_build_s=round(first, 2), rebuild_unchanged_s=round(again, 2),
        budget_s=BUDGET_SECONDS,
    )  # fmt: skip
    print(f"\nposts={posts()} people={made[0]} assignments={made[1]} absences={made[2]} counts={made[3]} "
          f"lines={result.lines} first build {first:.2f} s, unchanged rebuild {again:.2f} s")  # fmt: skip
    assert first < BUDGET_SECONDS, f"census build for {posts()} posts: {first:.2f} s"
