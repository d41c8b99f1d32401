"""Synthetic audits for the audit benchmarks, at two sizes, always the same for the same size.

- **Council**: one authority (children's and adults' services, 15 teams under 5 areas), 3,000
  audits over five financial years, with answers, section grades, themes, moderation, actions
  and a few risk flags. Runs on SQLite and PostgreSQL.
- **England**: 150 authorities of the same shape (3,000 teams), 750,000 audits and about
  20 million answers. PostgreSQL only; the big tables are written with COPY.

The audits span the financial years 2022 to 2026 and end on `DATA_END`, whatever the day they are
generated, so that a database generated once gives the same figures whenever it is measured.
The tools are the generator's own (`bench-*`), shaped like the default tools but with the number
of questions a council's own tool has (15 to 40): the default tools have 5 to 17 questions, which
would give fewer than half the answers a real authority records. Audits refer to no staff
record (`worker` is blank) and the rows carry no history: the dashboard reads neither.

`benchmarks/audits_scale/conftest.py` decides where each size is written; the England database
is generated once and kept (see docs/performance.md).
"""

import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction

from pswhub.audits.day_counts import audit_counts_rebuild
from pswhub.audits.models import Answer as AnswerModel
from pswhub.audits.models import (
    Audit,
    AuditAction,
    AuditTool,
    AuditToolVersion,
    Grade,
    GradeScale,
    LearningTheme,
    Moderation,
    Question,
    RiskFlag,
    Section,
    SectionResult,
)
from pswhub.audits.reference import GRADE_CODES, OFSTED_SCALE
from pswhub.core import roles
from pswhub.core.models import Authority, Role, Service, Team, User

SEED = 20261123
DATA_START = date(2022, 4, 1)
DATA_END = date(2026, 11, 20)  # in the financial year 2026 to 2027
LATEST_YEAR, PREVIOUS_YEAR = 2026, 2025
PSW_USERNAME, MANAGER_USERNAME = "bench-psw", "bench-manager"
# Audits written per round trip: each round's rows are sent table by table.
CHUNK = 10_000


@dataclass(frozen=True)
class Scale:
    name: str
    authorities: int
    audits: int


COUNCIL = Scale("council", authorities=1, audits=3_000)
ENGLAND = Scale("england", authorities=150, audits=750_000)
SCALES = {scale.name: scale for scale in (COUNCIL, ENGLAND)}

# Each authority: service kind -> areas, each with three teams that hold the cases.
AREAS = {Service.CHILDREN: ["North", "South", "East"], Service.ADULTS: ["Central", "West"]}
TEAMS_PER_AREA = ["Assessment", "Safeguarding", "Long Term"]
AUDITORS_PER_AUTHORITY = 3

# (code, audit type, service kind, sections, questions per section, tool's share in its service)
TOOLS = [
    ("bench-full-case-audit", "full", "children", 10, 4, 0.50),
    ("bench-dip-sample", "dip_sample", "", 3, 5, None),
    ("bench-themed-impact", "themed", "children", 4, 5, 0.15),
    ("bench-adults-case-audit", "full", "adults", 8, 4, 0.60),
]
# Probability of "yes" to a question by the audit's grade rank (1 outstanding ... 4 inadequate).
YES_BY_RANK = {1: 0.9, 2: 0.75, 3: 0.5, 4: 0.25}
TEXT_ANSWERS = [
    "Seen alone and their wishes recorded in their own words.",
    "Plan reviewed with the family; actions are specific and dated.",
    "Chronology needs updating since the last strategy meeting.",
    "Manager's oversight is recorded but does not give direction.",
    "Good multi-agency working with school and health visitor.",
]
ACTION_TEXTS = [
    "Update the chronology",
    "Record the child's views in the plan",
    "Hold a management review of the plan",
    "Complete the genogram with the family",
    "Check the safety plan with partners",
]


@dataclass
class Context:
    """What the rows refer to, looked up once."""

    rng: random.Random
    grade_ids: dict  # rank -> id
    good_ranks: set
    theme_ids: list
    tools: dict  # service kind -> [(weight, version id, audit type, [(section id, [(question id, is_text)])])]
    leaf_teams: list  # [(team id, service kind, authority index, la code)]
    auditor_ids: list  # per authority index, a list of user ids
    psw_id: int


def generate(scale, *, log=print):
    """Writes a whole data set into an empty database (reference data loaded by the migrations).
    Returns the number of rows written by table."""
    started = time.monotonic()
    rng = random.Random(SEED)
    with transaction.atomic():
        context = _organisation(scale, rng)
        log(f"{scale.name}: organisation and tools ready ({time.monotonic() - started:.1f} s)")
    counts = _audits(scale, context, log=log, started=started)
    # The rows went in by COPY and bulk inserts, past the services that keep the day counts.
    counts |= audit_counts_rebuild()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Outside a transaction (England), VACUUM also marks the pages all-visible, as
            # autovacuum soon would on a live database, so that index-only scans can be used.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    log(f"{scale.name}: done in {time.monotonic() - started:.1f} s: {counts}")
    return counts


def _organisation(scale, rng):
    grades = {grade.rank: grade for grade in Grade.objects.filter(scale__code=OFSTED_SCALE)}
    assert len(grades) == len(GRADE_CODES)
    scale_obj = GradeScale.objects.get(code=OFSTED_SCALE)
    tools = {Service.CHILDREN: [], Service.ADULTS: []}
    for code, audit_type, kind, sections, per_section, share in TOOLS:
        tool = AuditTool.objects.create(
            code=code, name=code.replace("-", " ").capitalize(), audit_type=audit_type, service_kind=kind,
            scale=scale_obj,
        )  # fmt: skip
        version = AuditToolVersion.objects.create(tool=tool, number=1)
        shape = []
        for s in range(sections):
            section = Section.objects.create(
                version=version, code=f"section-{s + 1}", title=f"Section {s + 1}", order=s
            )
            questions = []
            for q in range(per_section):
                is_text = q == per_section - 1 and per_section >= 4
                kind_code = Question.TEXT if is_text else Question.YES_NO_PARTLY
                question = Question.objects.create(
                    section=section, code=f"q-{q + 1}", text=f"Question {s + 1}.{q + 1}", kind=kind_code, order=q
                )
                questions.append((question.pk, is_text))
            shape.append((section.pk, questions))
        for service_kind in [kind] if kind else [Service.CHILDREN, Service.ADULTS]:
            tools[service_kind].append([share, version.pk, audit_type, shape])
    for entries in tools.values():  # the dip sample takes what the service's other tools leave
        rest = 1 - sum(entry[0] for entry in entries if entry[0] is not None)
        for entry in entries:
            entry[0] = rest if entry[0] is None else entry[0]

    leaf_teams, auditor_ids = [], []
    auditor_role = Role.objects.get(code=roles.AUDITOR)
    for index in range(scale.authorities):
        la_code = f"{800 + index:03d}"
        authority = Authority.objects.create(name=f"Benchmark authority {index + 1}", la_code=la_code)
        for kind, areas in AREAS.items():
            service = Service.objects.create(authority=authority, kind=kind, name=f"{kind.capitalize()} {la_code}")
            for area in areas:
                parent = Team.objects.create(service=service, name=f"{area} {la_code}")
                for name in TEAMS_PER_AREA:
                    team = Team.objects.create(service=service, name=f"{name} {area} {la_code}", parent=parent)
                    leaf_teams.append((team.pk, kind, index, la_code))
        User.objects.bulk_create(
            User(username=f"bench-auditor-{la_code}-{n + 1}", password="!") for n in range(AUDITORS_PER_AUTHORITY)
        )
        users = list(User.objects.filter(username__startswith=f"bench-auditor-{la_code}-").order_by("pk"))
        for user in users:
            user.roles.add(auditor_role)
        auditor_ids.append([user.pk for user in users])

    psw = User.objects.create(username=PSW_USERNAME, first_name="Benchmark", last_name="PSW", password="!")
    psw.roles.add(Role.objects.get(code=roles.PSW))
    manager = User.objects.create(username=MANAGER_USERNAME, first_name="Benchmark", last_name="Manager", password="!")
    manager.roles.add(Role.objects.get(code=roles.TEAM_MANAGER))
    manager.managed_teams.add(Team.objects.get(name=f"{AREAS[Service.CHILDREN][0]} 800"))
    return Context(
        rng=rng,
        grade_ids={rank: grade.pk for rank, grade in grades.items()},
        good_ranks={rank for rank, grade in grades.items() if grade.good_or_better},
        theme_ids=list(LearningTheme.objects.order_by("order", "pk").values_list("pk", flat=True)),
        tools=tools,
        leaf_teams=leaf_teams,
        auditor_ids=auditor_ids,
        psw_id=psw.pk,
    )


# Tables written for each audit, with the fields of their rows in order.
TABLES = {
    "audits": (Audit, ["id", "tool_version_id", "audit_type", "case_reference", "case_type", "team_id",
                       "auditor_id", "status", "started_on", "completed_on", "overall_grade_id", "strengths",
                       "areas_for_development", "created_at"]),
    "answers": (AnswerModel, ["audit_id", "question_id", "value", "text"]),
    "section_results": (SectionResult, ["audit_id", "section_id", "grade_id", "evidence"]),
    "themes": (Audit.themes.through, ["audit_id", "learningtheme_id"]),
    "moderations": (Moderation, ["audit_id", "reason", "moderator_id", "original_grade_id", "moderated_grade_id",
                                 "comments", "moderated_at"]),
    "actions": (AuditAction, ["audit_id", "description", "owner_id", "owner_name", "due_on", "status", "done_on"]),
    "risk_flags": (RiskFlag, ["audit_id", "raised_by_id", "raised_at", "description", "acknowledged_by_id",
                              "acknowledged_at"]),
}  # fmt: skip
CASE_TYPES = {
    Service.CHILDREN: ["Child in need", "Child protection", "Child in care", "Care leaver"],
    Service.ADULTS: ["Care and support", "Safeguarding", "Carer"],
}


def _audits(scale, context, *, log, started):
    first_id = (Audit.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    counts = dict.fromkeys(TABLES, 0)
    for chunk_start in range(0, scale.audits, CHUNK):
        rows = {table: [] for table in TABLES}
        for n in range(chunk_start, min(chunk_start + CHUNK, scale.audits)):
            _one_audit(first_id + n, n, scale, context, rows)
        with transaction.atomic():
            for table, table_rows in rows.items():
                _write(table, table_rows)
                counts[table] += len(table_rows)
        if (chunk_start // CHUNK) % 10 == 9:
            log(f"{scale.name}: {chunk_start + CHUNK:,} audits ({time.monotonic() - started:.0f} s)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = Audit._meta.db_table
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), MAX(id)) FROM {table}")  # noqa: S608
    return counts


def _one_audit(audit_id, n, scale, context, rows):
    rng = context.rng
    # Audits are spread evenly over authorities (each gets the same share) and over the days.
    team_id, kind, authority, la_code = context.leaf_teams[
        (n % scale.authorities) * (len(context.leaf_teams) // scale.authorities)
        + rng.randrange(len(context.leaf_teams) // scale.authorities)
    ]
    completed = DATA_START + timedelta(days=rng.randrange((DATA_END - DATA_START).days + 1))
    year_index = completed.year - DATA_START.year - (completed.month < 4)  # 0 .. 4
    good_share = 0.48 + 0.06 * year_index + 0.1 * ((authority * 37) % 7 - 3) / 3
    rank = (1 if rng.random() < 0.15 else 2) if rng.random() < good_share else (4 if rng.random() < 0.2 else 3)
    weights, versions = zip(*[(share, tool) for share, *tool in context.tools[kind]], strict=True)
    version_id, audit_type, shape = rng.choices(versions, weights)[0]
    auditor_id = rng.choice(context.auditor_ids[authority])
    status = Audit.Status.COMPLETED
    recent = (DATA_END - completed).days < 30
    if recent:
        roll = rng.random()
        status = Audit.Status.DRAFT if roll < 0.1 else Audit.Status.SUBMITTED if roll < 0.15 else status
    draft = status == Audit.Status.DRAFT
    started = completed - timedelta(days=rng.randint(1, 20))
    grade_id = None if draft else context.grade_ids[rank]
    rows["audits"].append((
        audit_id, version_id, audit_type, f"{la_code}-{'C' if kind == Service.CHILDREN else 'A'}{n:07d}",
        rng.choice(CASE_TYPES[kind]), team_id, auditor_id, status, started, None if draft else completed,
        grade_id, "", "", datetime.combine(started, datetime.min.time(), tzinfo=UTC) + timedelta(hours=9),
    ))  # fmt: skip
    p_yes = YES_BY_RANK[rank]
    sections = shape[: rng.randint(1, len(shape))] if draft else shape
    for section_id, questions in sections:
        for question_id, is_text in questions:
            if is_text:
                rows["answers"].append((audit_id, question_id, "", TEXT_ANSWERS[rng.randrange(len(TEXT_ANSWERS))]))
            else:
                roll = rng.random()
                value = "yes" if roll < p_yes else "partly" if roll < p_yes + (1 - p_yes) / 2 else "no"
                rows["answers"].append((audit_id, question_id, value, ""))
        if not draft:
            section_rank = min(4, max(1, rank + rng.choice((-1, 0, 0, 0, 1))))
            rows["section_results"].append((audit_id, section_id, context.grade_ids[section_rank], ""))
    if draft:
        return
    # Themes shift from the early ones in the taxonomy towards the later ones as the years pass.
    themes = context.theme_ids
    for theme_id in {
        themes[min(len(themes) - 1, int(rng.triangular(0, len(themes), 2 + 3 * year_index)))]
        for _ in range(rng.choice((0, 1, 2, 2, 3)))
    }:
        rows["themes"].append((audit_id, theme_id))
    moderated_at = datetime.combine(completed, datetime.min.time(), tzinfo=UTC) + timedelta(
        days=rng.randint(1, 14), hours=10
    )
    if status == Audit.Status.SUBMITTED:
        rows["moderations"].append((audit_id, "sample", None, grade_id, None, "", None))
    elif rank == 4 or rng.random() < 0.08:
        moderated_rank = rank if rng.random() < 0.75 else min(4, max(1, rank + rng.choice((-1, 1))))
        rows["moderations"].append((
            audit_id, "inadequate" if rank == 4 else "sample", rng.choice(context.auditor_ids[authority]),
            grade_id, context.grade_ids[moderated_rank], "", moderated_at,
        ))  # fmt: skip
    for _ in range(rng.choices((0, 1, 2, 3), (50, 30, 15, 5))[0]):
        due = completed + timedelta(days=rng.randint(30, 90))
        done = (due < DATA_END - timedelta(days=60) and rng.random() < 0.95) or rng.random() < 0.4
        done_on = due + timedelta(days=rng.randint(-20, 10)) if done else None
        status_code = AuditAction.Status.DONE if done else AuditAction.Status.OPEN
        text = ACTION_TEXTS[rng.randrange(len(ACTION_TEXTS))]
        rows["actions"].append((audit_id, text, None, "Team manager", due, status_code, done_on))
    if rng.random() < 0.002:
        raised_at = moderated_at - timedelta(days=1)
        acknowledged = not recent
        rows["risk_flags"].append((
            audit_id, context.psw_id, raised_at, "The child may be at risk now",
            context.psw_id if acknowledged else None, raised_at + timedelta(hours=2) if acknowledged else None,
        ))  # fmt: skip


def _write(table, rows):
    if not rows:
        return
    model, fields = TABLES[table]
    if connection.vendor == "postgresql":
        columns = ", ".join(fields)  # each field's column has its name
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
    else:
        model.objects.bulk_create([model(**dict(zip(fields, row, strict=True))) for row in rows], batch_size=500)
