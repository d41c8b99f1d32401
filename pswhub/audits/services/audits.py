"""Doing an audit: starting it, saving the draft, submitting it, moderating it, and what the
auditor, the case's worker and their manager add."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .. import notices
from ..day_counts import audit_days_refresh
from ..models import Answer, Audit, Contribution, Moderation, SectionResult
from ..reference import INADEQUATE
from .saving import _delete, _save

NEEDS_OVERALL_GRADE = "Choose an overall grade before you submit the audit"
NOT_A_DRAFT = "This audit has been submitted and can no longer be changed"
NOT_AWAITING_MODERATION = "This audit is not awaiting moderation"
CANNOT_MODERATE_OWN_AUDIT = "You cannot moderate an audit you did yourself"

DEFAULT_MODERATION_SHARE = 10


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
    audit = _save(audit, started_by)
    notices.audit_started_notify(audit)
    return audit


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
        notices.audit_completed_notify(audit)
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
    notices.audit_completed_notify(audit)
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
def audit_delete(*, audit, deleted_by):
    """Deletes an audit with what was written in it (section grades, answers, contributions,
    actions, risk flags, moderation), recording who deleted it in its history; a completed audit
    leaves its day's counts (`day_counts.audit_days_refresh`). A planned audit it was started from
    goes back to not started."""
    audit = Audit.objects.select_for_update().get(pk=audit.pk)
    completed_on = audit.completed_on if audit.status == Audit.Status.COMPLETED else None
    _delete(audit, deleted_by)
    audit_days_refresh(days={completed_on})
