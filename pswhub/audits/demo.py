"""Demo audits for the demo council: three full financial years and the current one so far, with
a rising share graded good or better (about 52%, 61%, 70%, then 74%), learning themes that shift
as practice improves, actions, moderation, and a few audits in progress for the demo accounts."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pswhub.core import roles
from pswhub.core.models import StaffMember, Team, User
from pswhub.core.periods import Period, financial_year_of

from .day_counts import audit_counts_rebuild
from .models import (
    Audit,
    AuditAction,
    AuditTool,
    Case,
    CaseType,
    Grade,
    LearningTheme,
    Moderation,
    PlannedAudit,
    SectionResult,
)
from .reference import GOOD, INADEQUATE, OFSTED_SCALE, OUTSTANDING, REQUIRES_IMPROVEMENT
from .services import (
    audit_contribute,
    audit_plan_create,
    audit_save_draft,
    audit_start,
    audit_submit,
    plan_sample,
    planned_audit_start,
    planned_audits_assign,
    risk_flag_raise,
)

SEED = 20261124
# financial year offset from the current one -> (audits in the year, share good or better)
YEARS = {-3: (72, 0.52), -2: (84, 0.61), -1: (96, 0.70), 0: (50, 0.74)}
THEMES_EARLY = ["voice-of-the-child", "chronology", "management-oversight", "smart-planning", "assessment-analysis"]
THEMES_LATE = ["impact-on-the-child", "family-network", "strengths-based", "multi-agency", "timely-recording"]
CASE_TYPES = {
    "children": ["Child in need", "Child protection", "Child in care", "Care leaver"],
    "adults": ["Care and support", "Safeguarding", "Carer"],
}


def _grade(rng, good_share, grades):
    if rng.random() < good_share:
        return grades[OUTSTANDING] if rng.random() < 0.15 else grades[GOOD]
    return grades[INADEQUATE] if rng.random() < 0.2 else grades[REQUIRES_IMPROVEMENT]


def _near(rng, grade, grades_by_rank):
    rank = min(4, max(1, grade.rank + rng.choice([-1, 0, 0, 0, 1])))
    return grades_by_rank[rank]


def load_demo_audits(*, rng, authority, today):
    rng = random.Random(SEED)  # independent of other loaders, so adding one never changes these
    grades = {grade.code: grade for grade in Grade.objects.filter(scale__code=OFSTED_SCALE)}
    by_rank = {grade.rank: grade for grade in grades.values()}
    tools = {tool.code: tool.current_version() for tool in AuditTool.objects.all()}
    themes = {theme.code: theme for theme in LearningTheme.objects.all()}
    teams = list(Team.objects.filter(service__authority=authority, children__isnull=True).select_related("service"))
    staff = {}
    for person in StaffMember.objects.filter(team__in=teams, left_on__isnull=True, user__isnull=True):
        staff.setdefault(person.team_id, []).append(person)
    auditors = list(
        User.objects.filter(roles__code=roles.AUDITOR, username__startswith="demo-").order_by("username")
    ) or [None]

    audits, plans = [], []
    current = financial_year_of(today)
    for offset, (count, good_share) in sorted(YEARS.items()):
        year = Period.financial_year(current + offset)
        start, end = year.start, year.end
        end = min(end, today - timedelta(days=1))
        span = (end - start).days
        for _ in range(count):
            team = rng.choice(teams)
            kind = team.service.kind
            if kind == "adults":
                tool = tools["adults-case-audit"] if rng.random() < 0.6 else tools["dip-sample"]
            else:
                tool = rng.choices(
                    [tools["full-case-audit"], tools["dip-sample"], tools["impact-on-the-child"]], [50, 35, 15]
                )[0]
            completed = start + timedelta(days=rng.randint(0, span))
            grade = _grade(rng, good_share, grades)
            late = (offset + 3) / 3  # 0 in the first year, 1 this year
            pool = THEMES_LATE if rng.random() < 0.3 + 0.4 * late else THEMES_EARLY
            audits.append(
                Audit(
                    tool_version=tool,
                    audit_type=tool.tool.audit_type,
                    case_reference=f"{'C' if kind == 'children' else 'A'}{rng.randint(100000, 999999)}",
                    case_type=rng.choice(CASE_TYPES[kind]),
                    team=team,
                    worker=rng.choice(staff[team.pk]) if staff.get(team.pk) else None,
                    auditor=rng.choice(auditors),
                    status=Audit.Status.COMPLETED,
                    started_on=completed - timedelta(days=rng.randint(3, 40)),
                    due_on=completed + timedelta(days=rng.randint(-5, 20)),
                    completed_on=completed,
                    overall_grade=grade,
                    strengths="The child's plan is clear and reviewed on time." if grade.rank <= 2 else "",
                    areas_for_development="" if grade.rank == 1 else "Record the child's views in their own words.",
                )
            )
            plans.append(
                {
                    "themes": rng.sample(pool, rng.randint(1, 3)),
                    "moderate": grade.code == INADEQUATE or rng.random() < 0.1,
                }
            )

    created = bulk_create_with_history(audits, Audit, batch_size=500)
    if any(audit.pk is None for audit in created):
        created = list(Audit.objects.order_by("pk"))
    through = Audit.themes.through
    through.objects.bulk_create(
        through(audit_id=audit.pk, learningtheme_id=themes[code].pk)
        for audit, plan in zip(created, plans, strict=True)
        for code in plan["themes"]
    )

    results, actions, moderations = [], [], []
    moderators = [user for user in auditors if user is not None and user.username in {"demo-qa", "demo-psw"}]
    for audit, plan in zip(created, plans, strict=True):
        for section in audit.tool_version.sections.all():
            if section.is_graded:
                results.append(
                    SectionResult(
                        audit=audit,
                        section=section,
                        grade=_near(rng, audit.overall_grade, by_rank),
                        evidence="Seen on the case file.",
                    )
                )
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            due = audit.completed_on + timedelta(days=rng.randint(20, 90))
            done = due < today and rng.random() < 0.85
            actions.append(
                AuditAction(
                    audit=audit,
                    description=rng.choice(
                        [
                            "Update the chronology",
                            "Review the plan with the family",
                            "See the child alone",
                            "Hold a multi-agency meeting",
                        ]
                    ),
                    owner_name="The case's team manager",
                    due_on=due,
                    status=AuditAction.Status.DONE if done else AuditAction.Status.OPEN,
                    done_on=due - timedelta(days=rng.randint(0, 10)) if done else None,
                )
            )
        if plan["moderate"]:
            moderated = audit.overall_grade
            if rng.random() < 0.2:  # about one moderation in five changes the grade by one step
                step = (
                    rng.choice([-1, 1])
                    if 1 < audit.overall_grade.rank < 4
                    else (1 if audit.overall_grade.rank == 1 else -1)
                )
                moderated = by_rank[audit.overall_grade.rank + step]
            moderator = next((user for user in moderators if user != audit.auditor), None)
            moderations.append(
                Moderation(
                    audit=audit,
                    reason=Moderation.INADEQUATE if audit.overall_grade.code == INADEQUATE else Moderation.SAMPLE,
                    moderator=moderator,
                    original_grade=audit.overall_grade,
                    moderated_grade=moderated,
                    comments="Agreed."
                    if moderated == audit.overall_grade
                    else "The evidence supports a different grade.",
                    moderated_at=timezone.make_aware(
                        datetime.combine(audit.completed_on + timedelta(days=rng.randint(1, 14)), time(10))
                    ),
                )
            )
    bulk_create_with_history(results, SectionResult, batch_size=1000)
    bulk_create_with_history(actions, AuditAction, batch_size=1000)
    bulk_create_with_history(moderations, Moderation, batch_size=1000)
    _work_in_progress(teams, grades)
    _programme(rng, teams, staff, today)
    audit_counts_rebuild()  # the audits above were written in bulk, past the services


def _work_in_progress(teams, grades):
    """Audits the demo accounts find on their home pages: drafts, one awaiting moderation and an
    open risk flag for the North Locality manager and the PSW."""
    auditor = User.objects.filter(username="demo-auditor").first()
    worker = StaffMember.objects.filter(user__username="demo-worker").select_related("team").first()
    if auditor is None or worker is None:
        return
    full = AuditTool.objects.get(code="full-case-audit")
    dip = AuditTool.objects.get(code="dip-sample")
    draft = audit_start(
        tool=full,
        case_reference="C204517",
        team=worker.team,
        worker=worker,
        started_by=auditor,
        case_type="Child protection",
    )
    audit_contribute(
        audit=draft, author=worker.user, text="The chronology is being updated after last week's strategy meeting."
    )
    risk_flag_raise(audit=draft, raised_by=auditor, description="No record of the child being seen for nine weeks")
    audit_start(tool=dip, case_reference="C209981", team=worker.team, started_by=auditor, case_type="Child in need")
    other = next(team for team in teams if team != worker.team and team.service.kind == "children")
    awaiting = audit_start(
        tool=dip, case_reference="C211340", team=other, started_by=auditor, case_type="Child in care"
    )
    audit_save_draft(
        audit=awaiting,
        changed_by=auditor,
        overall_grade=grades[INADEQUATE],
        areas_for_development="Plan out of date; visits overdue.",
    )
    audit_submit(audit=awaiting, submitted_by=auditor)


# The audit programme: a case list from the case management system and plans for this quarter
# (some cases assigned, started and done) and the next (sampled, a few assigned).

PROGRAMME_CASES = 90
CHILDREN_CASE_TYPES = [CaseType.CHILD_IN_NEED, CaseType.CHILD_PROTECTION, CaseType.CHILD_IN_CARE, CaseType.CARE_LEAVER]
ADULTS_CASE_TYPES = [CaseType.ADULTS_CARE_AND_SUPPORT, CaseType.ADULTS_SAFEGUARDING]


def quarter_bounds(day, offset=0):
    """The first and last day of the calendar quarter holding `day`, moved by `offset` quarters."""
    index = (day.year * 12 + day.month - 1) // 3 + offset
    first = date(index // 4, index % 4 * 3 + 1, 1)
    after = date(first.year + (first.month == 10), (first.month + 2) % 12 + 1, 1)
    return first, after - timedelta(days=1)


def _programme(rng, teams, staff, today):
    psw = User.objects.filter(username="demo-psw").first()
    auditor = User.objects.filter(username="demo-auditor").first()
    qa = User.objects.filter(username="demo-qa").first()
    if psw is None or auditor is None or qa is None:
        return
    cases = []
    for number in range(PROGRAMME_CASES):
        team = teams[number % len(teams)]
        children = team.service.kind == "children"
        cases.append(
            Case(
                case_reference=f"{'CM' if children else 'AM'}{70001 + number}",
                team=team,
                worker=rng.choice(staff[team.pk]) if staff.get(team.pk) else None,
                case_type=rng.choice(CHILDREN_CASE_TYPES if children else ADULTS_CASE_TYPES),
                opened_on=today - timedelta(days=rng.randint(30, 900)),
            )
        )
    bulk_create_with_history(cases, Case, default_user=psw)
    children = next(team.service for team in teams if team.service.kind == "children")
    full, dip = AuditTool.objects.get(code="full-case-audit"), AuditTool.objects.get(code="dip-sample")

    start, end = quarter_bounds(today)
    this_quarter = audit_plan_create(
        period_start=start, period_end=end, service=children, tool=full, sample_size=12, created_by=psw
    )
    _done_in_plan(this_quarter, psw, today)
    sampled = plan_sample(plan=this_quarter, seed=SEED, stratify=True, sampled_by=psw)
    due = max(end - timedelta(days=14), today + timedelta(days=7))
    planned_audits_assign(planned_audits=sampled[:5], auditor=auditor, due_on=due, assigned_by=psw)
    planned_audits_assign(planned_audits=sampled[5:7], auditor=qa, due_on=due, assigned_by=psw)
    planned_audits_assign(
        planned_audits=sampled[7:8], auditor=auditor, due_on=today - timedelta(days=3), assigned_by=psw
    )  # overdue
    for planned in sampled[:3]:
        planned_audit_start(planned_audit=planned, started_by=auditor)

    start, end = quarter_bounds(today, 1)
    next_quarter = audit_plan_create(
        period_start=start, period_end=end, service=children, tool=dip, sample_size=10, created_by=psw, due_on=end
    )
    sampled = plan_sample(plan=next_quarter, seed=SEED + 1, sampled_by=psw)
    planned_audits_assign(planned_audits=sampled[:4], auditor=auditor, due_on=end, assigned_by=psw)


def _done_in_plan(plan, psw, today, count=2):
    """Audits of this quarter already completed become the plan's done cases, so the plan shows
    work done without adding audits to the demo figures. Returns how many."""
    audits = Audit.objects.filter(
        status=Audit.Status.COMPLETED,
        completed_on__range=(plan.period_start, today),
        team__service=plan.service,
        auditor__isnull=False,
        tool_version__tool=plan.tool,
    ).order_by("completed_on", "pk")[:count]
    types = {label: value for value, label in CaseType.choices}
    for audit in audits:
        case = Case(
            case_reference=audit.case_reference,
            team=audit.team,
            worker=audit.worker,
            case_type=types.get(audit.case_type, CaseType.CHILD_IN_NEED),
            opened_on=audit.completed_on - timedelta(days=200),
        )
        case._history_user = psw
        case.save()
        planned = PlannedAudit(plan=plan, case=case, auditor=audit.auditor, due_on=audit.due_on or today, audit=audit)
        planned._history_user = psw
        planned.save()
    return len(audits)
