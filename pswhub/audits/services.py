"""Writes for audits: starting, filling in, submitting and moderating an audit, what the worker
and manager add, risk flags and actions. Every write keeps history."""

import random
from fractions import Fraction

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import (
    Answer,
    Audit,
    AuditAction,
    AuditToolVersion,
    Contribution,
    Moderation,
    Question,
    RiskFlag,
    Section,
    SectionResult,
)
from .reference import INADEQUATE
from .summary import audit_days_refresh
from .tasks import send_risk_flag_alert

NEEDS_OVERALL_GRADE = "Choose an overall grade before you submit the audit"
NOT_A_DRAFT = "This audit has been submitted and can no longer be changed"
NOT_AWAITING_MODERATION = "This audit is not awaiting moderation"
CANNOT_MODERATE_OWN_AUDIT = "You cannot moderate an audit you did yourself"
ALREADY_ACKNOWLEDGED = "Someone has already acknowledged this risk flag"

DEFAULT_MODERATION_SHARE = 10


def _save(obj, user):
    obj._history_user = user
    obj.save()
    return obj


@transaction.atomic
def audit_start(*, tool, case_reference, team, started_by, auditor=None, worker=None, case_type="", due_on=None):
    """Starts a draft audit with the tool's current version."""
    audit = Audit(
        tool_version=tool.current_version(),
        audit_type=tool.audit_type,
        case_reference=case_reference.strip(),
        case_type=case_type,
        team=team,
        worker=worker,
        auditor=auditor or started_by,
        due_on=due_on,
        started_on=timezone.localdate(),
    )
    return _save(audit, started_by)


@transaction.atomic
def audit_save_draft(
    *,
    audit,
    changed_by,
    sections=None,
    answers=None,
    overall_grade=None,
    strengths="",
    areas_for_development="",
    themes=(),
):
    """Saves what the auditor has written so far. `sections` maps a Section to (grade, evidence);
    `answers` maps a Question to (value, text)."""
    if not audit.is_draft:
        raise ValueError(NOT_A_DRAFT)
    for section, (grade, evidence) in (sections or {}).items():
        result = SectionResult.objects.filter(audit=audit, section=section).first() or SectionResult(
            audit=audit, section=section
        )
        result.grade, result.evidence = grade, evidence
        _save(result, changed_by)
    for question, (value, text) in (answers or {}).items():
        answer = Answer.objects.filter(audit=audit, question=question).first() or Answer(audit=audit, question=question)
        answer.value, answer.text = value, text
        _save(answer, changed_by)
    audit.overall_grade = overall_grade
    audit.strengths = strengths
    audit.areas_for_development = areas_for_development
    _save(audit, changed_by)
    audit.themes.set(themes)
    return audit


def moderation_share():
    return getattr(settings, "PSWHUB_AUDIT_MODERATION_SHARE", DEFAULT_MODERATION_SHARE)


def moderation_reason(audit):
    """Every audit graded inadequate is moderated, and a share of the rest
    (PSWHUB_AUDIT_MODERATION_SHARE per cent, default 10): every Nth audit submitted through the
    pages, where N is 100 divided by the share, so the sample is spread evenly over the year and
    cannot be chosen by the auditor."""
    if audit.overall_grade.code == INADEQUATE:
        return Moderation.INADEQUATE
    share = moderation_share()
    if share <= 0:
        return None
    every = max(1, round(100 / share))
    submitted = Audit.objects.filter(tool_version__isnull=False).exclude(status=Audit.Status.DRAFT).count()
    return Moderation.SAMPLE if submitted % every == 0 else None


@transaction.atomic
def audit_submit(*, audit, submitted_by, today=None):
    """Submits a draft. An audit picked for moderation waits for it; any other is completed."""
    if not audit.is_draft:
        raise ValueError(NOT_A_DRAFT)
    if audit.overall_grade_id is None:
        raise ValueError(NEEDS_OVERALL_GRADE)
    audit.completed_on = today or timezone.localdate()
    audit.status = Audit.Status.SUBMITTED
    _save(audit, submitted_by)
    reason = moderation_reason(audit)
    if reason is None:
        audit.status = Audit.Status.COMPLETED
        _save(audit, submitted_by)
        audit_days_refresh(days={audit.completed_on})
    else:
        _save(Moderation(audit=audit, reason=reason, original_grade=audit.overall_grade), submitted_by)
    return audit


@transaction.atomic
def audit_moderate(*, audit, moderator, grade, comments=""):
    """Records the moderated grade beside the auditor's and completes the audit."""
    moderation = getattr(audit, "moderation", None)
    if audit.status != Audit.Status.SUBMITTED or moderation is None or moderation.is_done:
        raise ValueError(NOT_AWAITING_MODERATION)
    if audit.auditor_id == moderator.pk:
        raise ValueError(CANNOT_MODERATE_OWN_AUDIT)
    moderation.moderator = moderator
    moderation.moderated_grade = grade
    moderation.comments = comments
    moderation.moderated_at = timezone.now()
    _save(moderation, moderator)
    audit.status = Audit.Status.COMPLETED
    _save(audit, moderator)
    audit_days_refresh(days={audit.completed_on})
    return moderation


def contribution_role(audit, user):
    if audit.auditor_id == user.pk:
        return Contribution.AUDITOR
    if audit.worker_id and audit.worker.user_id == user.pk:
        return Contribution.WORKER
    if audit.team_id in user.managed_team_ids():
        return Contribution.MANAGER
    return Contribution.OTHER


@transaction.atomic
def audit_contribute(*, audit, author, text):
    """Adds what the auditor, the case's worker or their manager sees, or the worker's response."""
    return _save(Contribution(audit=audit, author=author, role=contribution_role(audit, author), text=text), author)


@transaction.atomic
def risk_flag_raise(*, audit, raised_by, description):
    """Raises the flag and, once it is saved, e-mails the case's team managers and every PSW
    (`alerts.py`). The e-mail is sent in the background; if it cannot be queued or sent, the flag
    still stands on the home pages."""
    flag = _save(RiskFlag(audit=audit, raised_by=raised_by, description=description), raised_by)
    transaction.on_commit(lambda: send_risk_flag_alert.enqueue(flag_id=flag.pk), robust=True)
    return flag


@transaction.atomic
def risk_flag_acknowledge(*, flag, acknowledged_by):
    flag = RiskFlag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_open:
        raise ValueError(ALREADY_ACKNOWLEDGED)
    flag.acknowledged_by = acknowledged_by
    flag.acknowledged_at = timezone.now()
    return _save(flag, acknowledged_by)


@transaction.atomic
def audit_action_create(*, audit, description, due_on, created_by, owner=None, owner_name=""):
    return _save(
        AuditAction(audit=audit, description=description, due_on=due_on, owner=owner, owner_name=owner_name), created_by
    )


@transaction.atomic
def audit_action_complete(*, action, changed_by, today=None):
    action.status = AuditAction.Status.DONE
    action.done_on = today or timezone.localdate()
    return _save(action, changed_by)


@transaction.atomic
def audit_tool_version_create(*, tool, sections, created_by=None):
    """A new version of a tool, with `sections` as [(code, title, [(code, text, kind), ...])].
    Audits keep pointing at the version they were done with, so they never change."""
    latest = tool.versions.order_by("-number").first()
    version = _save(AuditToolVersion(tool=tool, number=(latest.number + 1) if latest else 1), created_by)
    for section_order, (code, title, questions) in enumerate(sections):
        section = Section.objects.create(version=version, code=code, title=title, order=section_order)
        Question.objects.bulk_create(
            Question(section=section, code=q_code, text=text, kind=kind, order=order)
            for order, (q_code, text, kind) in enumerate(questions)
        )
    return version


@transaction.atomic
def audits_import_save(*, plan, file_name, imported_by=None):
    """Writes a checked import plan (importing.audits_import_plan): the teams it adds, the audits
    with a history row each, and their learning themes, all in one transaction."""
    from simple_history.utils import bulk_create_with_history

    from pswhub.core.models import Team

    from .models import AuditImportBatch

    if plan.errors:
        raise ValueError("An import with errors cannot be saved")
    created_teams = {}
    for key, (name, service) in plan.new_teams.items():
        created_teams[key] = _save(Team(service=service, name=name), imported_by)
    batch = _save(
        AuditImportBatch(file_name=file_name[:300], imported_by=imported_by, audit_count=len(plan.audits)), imported_by
    )
    audits = []
    for audit, _, new_team in plan.audits:
        if new_team is not None:
            audit.team = created_teams[new_team]
        audit.import_batch = batch
        audits.append(audit)
    created = bulk_create_with_history(audits, Audit, default_user=imported_by, batch_size=1000)
    if any(audit.pk is None for audit in created):
        # Databases that do not return keys from bulk inserts: read them back by the batch.
        created = list(batch.audits.order_by("pk"))
    through = Audit.themes.through
    through.objects.bulk_create(
        [
            through(audit_id=audit.pk, learningtheme_id=theme_id)
            for audit, (_, theme_ids, _) in zip(created, plan.audits, strict=True)
            for theme_id in theme_ids
        ],
        batch_size=1000,
    )
    audit_days_refresh(days={audit.completed_on for audit in created if audit.status == Audit.Status.COMPLETED})
    return batch


# The audit programme.

NOTHING_TO_SAMPLE = "No case in the plan's scope is left to sample: every one is in the plan or was audited recently"
ALREADY_STARTED = "The audit of this case has already been started"
NOT_YOUR_ASSIGNMENT = "This case is assigned to someone else"
NOT_ASSIGNED = "Assign this case to an auditor before the audit is started"


@transaction.atomic
def cases_import_save(*, plan, imported_by=None):
    """Writes a checked case list (importing.cases_import_plan): new cases and changed ones, each
    with a history row. Returns (added, updated)."""
    if plan.errors:
        raise ValueError("An import with errors cannot be saved")
    for case in [*plan.new, *plan.changed]:
        _save(case, imported_by)
    return len(plan.new), len(plan.changed)


@transaction.atomic
def audit_plan_create(
    *, period_start, period_end, service, tool, sample_size, created_by, team=None, skip_months=6, due_on=None
):
    from .models import AuditPlan

    plan = AuditPlan(
        period_start=period_start,
        period_end=period_end,
        service=service,
        team=team,
        tool=tool,
        sample_size=sample_size,
        skip_months=skip_months,
        due_on=due_on,
        created_by=created_by,
    )
    return _save(plan, created_by)


def proportional_allocation(sizes, total):
    """Shares `total` among strata in proportion to their `sizes` (a dict), by largest remainder:
    each stratum gets the whole part of its share, and what is left goes one each to the strata
    with the largest fractions (ties to the first key in order)."""
    population = sum(sizes.values())
    if not population:
        return dict.fromkeys(sizes, 0)
    exact = {key: Fraction(total * size, population) for key, size in sizes.items()}
    quotas = {key: int(share) for key, share in exact.items()}
    left = total - sum(quotas.values())
    by_fraction = sorted(sizes, key=lambda key: -(exact[key] - quotas[key]))
    for key in by_fraction[:left]:
        quotas[key] += 1
    return quotas


@transaction.atomic
def plan_sample(*, plan, seed=None, stratify=False, sampled_by=None):
    """Draws cases for a plan until it holds its sample size, from the cases in its scope that
    are not in it already and have no audit completed within its skip window
    (selectors.cases_eligible_for_plan). Random by default; with `stratify`, each team gets a share
    in proportion to its eligible cases. The same seed draws the same cases. Returns the planned
    audits added."""
    from . import selectors
    from .models import PlannedAudit

    wanted = plan.sample_size - plan.planned_audits.count()
    eligible = list(selectors.cases_eligible_for_plan(plan).order_by("case_reference"))
    if wanted <= 0:
        return []
    if not eligible:
        raise ValueError(NOTHING_TO_SAMPLE)
    wanted = min(wanted, len(eligible))
    rng = random.Random(seed)
    if stratify:
        strata = {}
        for case in sorted(eligible, key=lambda case: (case.team.name, case.team_id, case.case_reference)):
            strata.setdefault(case.team_id, []).append(case)
        quotas = proportional_allocation({team: len(cases) for team, cases in strata.items()}, wanted)
        chosen = [case for team, cases in strata.items() for case in rng.sample(cases, quotas[team])]
    else:
        chosen = rng.sample(eligible, wanted)
    return [_save(PlannedAudit(plan=plan, case=case), sampled_by) for case in chosen]


@transaction.atomic
def planned_audit_assign(*, planned_audit, auditor, due_on, assigned_by):
    """Assigns a planned case (or reassigns it) until its audit has been started."""
    from .models import PlannedAudit

    planned_audit = PlannedAudit.objects.select_for_update().get(pk=planned_audit.pk)
    if planned_audit.audit_id is not None:
        raise ValueError(ALREADY_STARTED)
    planned_audit.auditor = auditor
    planned_audit.due_on = due_on
    return _save(planned_audit, assigned_by)


@transaction.atomic
def planned_audit_start(*, planned_audit, started_by):
    """Starts the audit of a planned case with the plan's tool, the case's reference, team, worker
    and type, and the assignment's due date; the assigned auditor conducts it."""
    from .models import PlannedAudit

    planned_audit = (
        PlannedAudit.objects.select_for_update().select_related("plan__tool", "case").get(pk=planned_audit.pk)
    )
    if planned_audit.audit_id is not None:
        raise ValueError(ALREADY_STARTED)
    if planned_audit.auditor_id is None:
        raise ValueError(NOT_ASSIGNED)
    if planned_audit.auditor_id != started_by.pk:
        raise ValueError(NOT_YOUR_ASSIGNMENT)
    case = planned_audit.case
    planned_audit.audit = audit_start(
        tool=planned_audit.plan.tool,
        case_reference=case.case_reference,
        team=case.team,
        worker=case.worker,
        case_type=case.get_case_type_display(),
        due_on=planned_audit.due_on,
        started_by=started_by,
    )
    return _save(planned_audit, started_by)


SAMPLE_SMALLER_THAN_PLANNED = (
    "The plan already holds {count} cases: remove some cases before you make the sample smaller than that"
)
CHOOSE_CASES_TO_ASSIGN = "Choose the cases to assign"


@transaction.atomic
def audit_plan_update(
    *, plan, period_start, period_end, service, tool, sample_size, changed_by, team=None, skip_months=6, due_on=None
):
    """Changes a plan. Cases already sampled stay in it; audits already started keep the tool
    version they were started with, and a new tool applies to audits started from now on."""
    held = plan.planned_audits.count()
    if sample_size < held:
        raise ValueError(SAMPLE_SMALLER_THAN_PLANNED.format(count=held))
    plan.period_start, plan.period_end, plan.service, plan.team = period_start, period_end, service, team
    plan.tool, plan.sample_size, plan.skip_months, plan.due_on = tool, sample_size, skip_months, due_on
    return _save(plan, changed_by)


@transaction.atomic
def planned_audits_assign(*, planned_audits, auditor, due_on, assigned_by):
    """Assigns several planned cases to one auditor with one due date, all or none: if the audit
    of any of them has been started, nothing is assigned."""
    from .models import PlannedAudit

    chosen = list(PlannedAudit.objects.select_for_update().filter(pk__in=[p.pk for p in planned_audits]))
    if not chosen:
        raise ValueError(CHOOSE_CASES_TO_ASSIGN)
    if any(planned.audit_id is not None for planned in chosen):
        raise ValueError(ALREADY_STARTED)
    for planned in chosen:
        planned.auditor, planned.due_on = auditor, due_on
        _save(planned, assigned_by)
    return chosen


@transaction.atomic
def planned_audit_remove(*, planned_audit, removed_by):
    """Takes a sampled case out of a plan while its audit has not been started; a later draw can
    add another in its place."""
    from .models import PlannedAudit

    planned_audit = PlannedAudit.objects.select_for_update().get(pk=planned_audit.pk)
    if planned_audit.audit_id is not None:
        raise ValueError(ALREADY_STARTED)
    planned_audit._history_user = removed_by
    planned_audit.delete()
