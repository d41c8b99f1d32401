"""Synthetic census-year workforce data at three sizes, for the workforce benchmarks.

| Scale | Social workers in post | Census years | Teams |
|---|---:|---:|---:|
| council | 600 | 10 | 24 |
| region | 8,000 | 10 | 320 |
| england | 40,000 | 10 | 1,600 |

Each size is one authority (the dashboard and the census return are an authority's) whose
children's social workers are simulated year by year, 2016 to 2025: about 14% of those employed
leave each year (a day in the year, with a reason and destination), starters replace them and
the workforce grows 1% a year to the size's number in 2025; agency workers are about an eighth of the workforce and two in
three stay from one year to the next. Each census year gets a worker line for everyone employed
at some point in it and every agency worker at 30 September, as a return does. One leaver in 40
has no reason for leaving, so the pre-submission checks have something to report. Everything
comes from one seeded random generator, so a size is the same data on every run and database.

The rows are written in bulk (PostgreSQL: `COPY ... FROM STDIN` through psycopg; SQLite:
`executemany`), with explicit primary keys and without history rows: the benchmarks read the
data, they do not audit it. Everything is written in one transaction, the authority's name
(`MARKER`) last of all, so a database holding the marker holds the whole size.

Tables are produced by the list `TABLES`: each entry names a model, its columns and a function
that yields the rows from the simulated `World`. Weekly caseload snapshots (`workload`) give one
row per case-holding worker per week of the ten years, each week's count moving around the
worker's own usual caseload: about 20 million rows at England size. Raising the generator version
(`VERSION`) makes existing benchmark databases again (the benchmarks' conftest drops a database
that does not hold the current version).

Run it alone: `DATABASE_URL=... python -m benchmarks.workforce_scale.generate council`."""

import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

VERSION = 2
SEED = 20261123
YEARS = range(2016, 2026)
LEAVING_RATE = 0.14
GROWTH_PER_YEAR = 0.01
AGENCY_SHARE = 0.12
AGENCY_STAYING = 0.66
STAFF_PER_TEAM = 25
MISSING_REASON_EVERY = 40
BATCH = 5000


@dataclass(frozen=True)
class Scale:
    name: str
    staff: int
    postgresql_only: bool = False

    @property
    def teams(self):
        return max(1, self.staff // STAFF_PER_TEAM)

    @property
    def marker(self):
        return f"Synthetic {self.name} (workforce benchmark data v{VERSION}, seed {SEED})"


SCALES = {
    "council": Scale("council", 600),
    "region": Scale("region", 8_000),
    "england": Scale("england", 40_000, postgresql_only=True),
}

PSW_USERNAME = "bench-psw"
HR_USERNAME = "bench-hr"
ROLES = ["1", "2", "3", "4", "5"]  # codes.ORG_ROLE: managers to qualified without cases
ROLE_WEIGHTS = [4, 10, 18, 62, 6]
ETHNICITIES = ["WBRI", "WOTH", "WIRI", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "OOTH", "REFU"]
ETHNICITY_WEIGHTS = [68, 5, 1, 3, 4, 4, 6, 3, 1, 3]
ORIGINS = ["1", "2", "3", "4", "5", "6", "7", "9"]
REASONS = ["1", "2", "4", "5", "7", "8", "9"]
DESTINATIONS = ["1", "3", "4", "5", "6", "7", "8"]
FIRST_NAMES = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Farah", "George", "Hana", "Isaac", "Jade"]
LAST_NAMES = ["Adams", "Begum", "Clarke", "Dunn", "Evans", "Fraser", "Gill", "Hughes", "Iqbal", "Jones"]
FTES = [Decimal("1"), Decimal("1"), Decimal("1"), Decimal("1"), Decimal("0.8"), Decimal("0.6"), Decimal("0.5")]


def year_start(year):
    return date(year - 1, 10, 1)


def reference_date(year):
    return date(year, 9, 30)


@dataclass
class Person:
    id: int
    swe_number: str
    team_id: int
    agency: bool
    role: str
    fte: Decimal
    started: date
    born: date
    sex: str
    ethnicity: str
    origin: str
    ended: date | None = None
    reason: str = ""
    destination: str = ""


@dataclass
class World:
    """What the simulation made: the people and, for each census year, those with a line in it."""

    scale: Scale
    rng: random.Random
    team_ids: list
    first_staff_id: int
    people: list = field(default_factory=list)
    lines_by_year: dict = field(default_factory=dict)
    census_year_ids: dict = field(default_factory=dict)
    leavers: int = 0

    def person(self, started, agency=False):
        rng = self.rng
        index = len(self.people)
        age = rng.randint(22, 38) if rng.random() < 0.6 else rng.randint(39, 58)
        person = Person(
            id=self.first_staff_id + index,
            swe_number=f"SW{100000 + index}",
            team_id=self.team_ids[rng.randrange(len(self.team_ids))],
            agency=agency,
            role="4" if agency else rng.choices(ROLES, ROLE_WEIGHTS)[0],
            fte=Decimal(1) if agency else rng.choice(FTES),
            started=started,
            born=started - timedelta(days=age * 365 + rng.randrange(365)),
            sex="F" if rng.random() < 0.84 else "M",
            ethnicity=rng.choices(ETHNICITIES, ETHNICITY_WEIGHTS)[0],
            origin=rng.choice(ORIGINS),
        )
        self.people.append(person)
        return person

    def day_in(self, year):
        return year_start(year) + timedelta(days=self.rng.randrange(365))

    def leave(self, person, year):
        person.ended = max(person.started, self.day_in(year))
        if not person.agency:
            person.reason = self.rng.choice(REASONS)
            person.destination = self.rng.choice(DESTINATIONS)
            self.leavers += 1
            if self.leavers % MISSING_REASON_EVERY == 0:
                person.reason = ""


def simulate(world):
    rng, staff = world.rng, world.scale.staff
    opening = year_start(YEARS[0])
    opening_staff = round(staff * (1 + GROWTH_PER_YEAR) ** (1 - len(YEARS)))
    employed = [world.person(opening - timedelta(days=rng.randint(30, 365 * 12))) for _ in range(opening_staff)]
    agency = [
        world.person(opening - timedelta(days=rng.randint(1, 300)), agency=True) for _ in range(_agency(opening_staff))
    ]
    for number, year in enumerate(YEARS):
        target = round(staff * (1 + GROWTH_PER_YEAR) ** (number - len(YEARS) + 1))  # `staff` in the last year
        leaving = [person for person in employed if rng.random() < LEAVING_RATE]
        for person in leaving:
            world.leave(person, year)
        staying = len(employed) - len(leaving)
        starters = [world.person(world.day_in(year)) for _ in range(max(0, target - staying))]
        for person in agency:
            if rng.random() > AGENCY_STAYING:
                world.leave(person, year)
        agency = [person for person in agency if person.ended is None]
        agency += [world.person(world.day_in(year), agency=True) for _ in range(max(0, _agency(target) - len(agency)))]
        world.lines_by_year[year] = employed + starters + agency
        employed = [person for person in employed + starters if person.ended is None]
    return world


def _agency(staff):
    return round(staff * AGENCY_SHARE)


# --- Rows of each table ------------------------------------------------------------------------


def staff_member_rows(world):
    for person in world.people:
        yield (
            person.id,
            f"{'A' if person.agency else 'E'}{person.id}",
            FIRST_NAMES[person.id % len(FIRST_NAMES)],
            LAST_NAMES[(person.id // len(FIRST_NAMES)) % len(LAST_NAMES)],
            "",
            "Agency Social Worker" if person.agency else "Social Worker",
            person.team_id,
            person.started,
            person.ended,
        )


CASE_HOLDING_ROLES = {"3", "4", "5"}  # team managers hold some cases; senior and social workers
CASE_TYPES = ["child_in_need", "child_protection", "child_in_care", "care_leaver", "court_work"]


def snapshot_weeks():
    """Every Friday of the ten census years."""
    day = year_start(YEARS[0])
    day += timedelta(days=(4 - day.weekday()) % 7)
    weeks = []
    while day <= reference_date(YEARS[-1]):
        weeks.append(day)
        day += timedelta(days=7)
    return weeks


def caseload_snapshot_rows(world):
    weeks = snapshot_weeks()
    first, next_id = weeks[0], 1
    for person in world.people:
        if person.role not in CASE_HOLDING_ROLES:
            continue
        usual = 8 + person.id % 17  # 8 to 24 cases, the worker's own level
        case_type = CASE_TYPES[person.id % len(CASE_TYPES)]
        start = max(0, (person.started - first).days // 7 + 1)
        end = len(weeks) if person.ended is None else min(len(weeks), (person.ended - first).days // 7 + 1)
        for week in range(start, end):
            yield (next_id, person.id, weeks[week], case_type, "standard", usual + (week * 7 + person.id) % 5 - 2)
            next_id += 1


def staff_profile_rows(world):
    for person in world.people:
        # The census lines carry the equality details the figures read; the profile keeps the number.
        yield (person.id, person.id, person.swe_number, "", "", "", "")


def census_worker_rows(world):
    rng, next_id = world.rng, 1
    for year, people in world.lines_by_year.items():
        census_year_id = world.census_year_ids[year]
        start, reference = year_start(year), reference_date(year)
        for person in people:
            in_post = person.started <= reference and (person.ended is None or person.ended > reference)
            left = person.ended is not None and start <= person.ended <= reference
            if person.agency and not in_post:
                continue
            cases = days_lost = None
            if in_post:
                share = {"4": 1.1, "3": 0.8, "2": 0.1}.get(person.role, 0)
                cases = max(0, round(rng.gauss(17 * share, 2.5) * float(person.fte))) if share else 0
                if not person.agency:
                    days_lost = Decimal(round(rng.expovariate(1 / 6) * float(person.fte), 2))
            number = int(person.swe_number[2:])
            yield (
                next_id,
                census_year_id,
                person.id,
                0,
                person.team_id,
                person.swe_number,
                person.agency,
                person.fte,
                person.fte if in_post else None,
                person.born,
                ("1" if person.sex == "M" else "2") if year <= 2023 else "",
                person.sex if year >= 2024 else "",
                person.ethnicity,
                json.dumps([] if person.agency or year >= 2025 else ["Open University"]),
                "2" if number % 3 == 0 else "1",
                number % 19 == 0,
                number % 23 == 0,
                person.role,
                person.started,
                "" if person.agency else person.origin,
                person.ended if left else None,
                person.destination if left else "",
                person.reason if left else "",
                cases,
                days_lost,
                None,
                False if in_post and not person.agency else None,
                "",
                "[]",
                Decimal(38000) * person.fte if year >= 2025 and not person.agency else None,
                None,
                None,
            )
            next_id += 1


CENSUS_WORKER_COLUMNS = (
    "id census_year_id staff_member_id line team_id swe_number agency fte fte_30 date_of_birth gender_current sex "
    "ethnicity qualification_institutions qualification_level step_up_graduate frontline_graduate org_role "
    "role_start_date start_origin role_end_date leaver_destination reason_leave cases_30 working_days_lost "
    "contract_weeks absent_at_30_september reason_absence cfkss_status base_salary rr_payments other_payments"
).split()


@dataclass(frozen=True)
class Table:
    model: str  # "app_label.ModelName"
    columns: list
    rows: object  # rows(world) -> iterable of tuples in the order of `columns`


TABLES = [
    Table(
        "core.StaffMember",
        ["id", "employee_number", "first_name", "last_name", "email", "job_title", "team_id", "started_on", "left_on"],
        staff_member_rows,
    ),
    Table(
        "workforce.StaffProfile",
        ["id", "staff_member_id", "swe_number", "qualification_route", "sex", "gender_current", "ethnicity"],
        staff_profile_rows,
    ),
    Table(
        "workforce.CensusWorker",
        CENSUS_WORKER_COLUMNS,
        census_worker_rows,
    ),
    Table(
        "workload.CaseloadSnapshot",
        ["id", "staff_member_id", "date", "case_type_id", "complexity_id", "count"],
        caseload_snapshot_rows,
    ),
]


# --- Writing -----------------------------------------------------------------------------------


def rows_write(table, world):
    """Writes one table's rows in bulk; returns how many."""
    from django.apps import apps
    from django.db import connection

    db_table = apps.get_model(table.model)._meta.db_table
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in table.columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(db_table)} ({columns}) FROM STDIN") as copy:
                for row in table.rows(world):
                    copy.write_row(row)
                    count += 1
        else:
            # Table and column names come from the models, not from input.
            values = ", ".join(["%s"] * len(table.columns))
            insert = f"INSERT INTO {quote(db_table)} ({columns}) VALUES ({values})"  # noqa: S608
            batch = []
            for row in table.rows(world):
                batch.append(row)
                if len(batch) == BATCH:
                    cursor.executemany(insert, batch)
                    count, batch = count + len(batch), []
            if batch:
                cursor.executemany(insert, batch)
                count += len(batch)
    return count


def _weighting_scheme(service):
    """The service's workload weighting: points per case (child protection and court work weigh
    more), a non-case allowance and a full-time capacity, as a council would set them."""
    from pswhub.workload.models import CaseWeight, WeightingScheme

    scheme = WeightingScheme.objects.create(
        service=service, non_case_points=15, capacity_points=100, early_career_capacity_points=90, target_caseload=18
    )
    points = {"child_in_need": 4, "child_protection": 6, "child_in_care": 4, "care_leaver": 3, "court_work": 8}
    CaseWeight.objects.bulk_create(
        CaseWeight(scheme=scheme, case_type_id=case_type, complexity_id="standard", points=value)
        for case_type, value in points.items()
    )


def is_generated(scale):
    from pswhub.core.models import Authority

    return Authority.objects.filter(name=scale.marker).exists()


def generate(scale, *, out=sys.stdout):
    """Fills an empty, migrated database with one size of data. Returns {table: rows}."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from pswhub.core import roles
    from pswhub.core.models import Authority, Role, Service, StaffMember, Team, User
    from pswhub.workforce.models import CensusWorker, CensusYear, StaffProfile
    from pswhub.workload.models import CaseloadSnapshot

    started = time.perf_counter()
    counts = {}
    with transaction.atomic():
        authority = Authority.objects.create(name=f"Synthetic {scale.name} (incomplete)", la_code="990")
        service = Service.objects.create(authority=authority, kind=Service.CHILDREN, name="Children's services")
        Team.objects.bulk_create(
            Team(service=service, name=f"Children's team {number:04d}") for number in range(1, scale.teams + 1)
        )
        team_ids = list(Team.objects.filter(service=service).order_by("pk").values_list("pk", flat=True))
        for username, code in ((PSW_USERNAME, roles.PSW), (HR_USERNAME, roles.HR_OFFICER)):
            user = User.objects.create_user(username=username, password="pswhub-bench")
            user.roles.set([Role.objects.get(code=code)])
        first_id = (StaffMember.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        world = simulate(World(scale=scale, rng=random.Random(f"{scale.name}-{SEED}"), team_ids=team_ids,
                               first_staff_id=first_id))  # fmt: skip
        for year in YEARS:
            world.census_year_ids[year] = CensusYear.objects.create(
                authority=authority,
                year=year,
                source=CensusYear.RECORDED,
                vacancies_fte=Decimal(round(scale.staff * 0.15)),
                agency_cover_fte=Decimal(round(_agency(scale.staff) * 0.75)),
                agency_cover_headcount=round(_agency(scale.staff) * 0.75),
                lines_changed_at=timezone.now(),
            ).pk
        _weighting_scheme(service)
        for table in TABLES:
            counts[table.model] = rows_write(table, world)
            print(f"{table.model}: {counts[table.model]:,} rows ({time.perf_counter() - started:.1f} s)", file=out)
        # Explicit keys leave PostgreSQL's sequences behind: move them on.
        with connection.cursor() as cursor:
            models = [StaffMember, StaffProfile, CensusWorker, CaseloadSnapshot]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        authority.name = scale.marker
        authority.save(update_fields=["name"])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics for the query planner, on either database
    print(f"{scale.name}: generated in {time.perf_counter() - started:.1f} s", file=out)
    return counts


def main(argv):
    """`python -m benchmarks.workforce_scale.generate SCALE`: migrates the database DATABASE_URL
    names and fills it with SCALE, unless it already holds that size."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    scale = SCALES[argv[0]]
    if scale.postgresql_only and connection.vendor != "postgresql":
        raise SystemExit(f"The {scale.name} size runs on PostgreSQL only")
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)  # the cache and sessions live in the database
    if is_generated(scale):
        print(f"{scale.name}: already generated")
        # Data generated before census years recorded when their lines changed: the figures the
        # dashboard keeps need a stamp to be kept under.
        from pswhub.workforce.models import CensusYear

        CensusYear.objects.filter(lines_changed_at=None).update(lines_changed_at=timezone.now())
        return
    generate(scale)


if __name__ == "__main__":
    main(sys.argv[1:])
