"""Who is told what about audits (through core.notifications): the case's worker when an audit of
their case starts and when it is complete, and the owner of an action when they are given one.
Messages name the case by its reference only."""

from django.urls import reverse

from pswhub.core.notifications import notify
from pswhub.core.presenters import govuk_date

from .models import Audit

AUDIT_STARTED = "Case {reference} is being audited"
AUDIT_STARTED_TEXT = (
    "An audit of your case {reference} has started. You can read it as it goes and add what you want "
    "the auditor to know."
)
AUDIT_COMPLETED = "The audit of case {reference} is complete"
AUDIT_COMPLETED_TEXT = "The audit of your case {reference} is complete. Read what it found and add your response."
ACTION_GIVEN = "An action from the audit of case {reference}"
ACTION_GIVEN_TEXT = "You have been given an action from the audit of case {reference}, due on {due}."


def _tell_worker(audit, *, kind, subject, text):
    worker = audit.worker
    if worker is None or not worker.user_id:
        return
    notify(
        recipients=[worker.user],
        kind=kind,
        subject=subject.format(reference=audit.case_reference),
        text=text.format(reference=audit.case_reference),
        path=reverse("audits:detail", args=[audit.pk]),
    )


def audit_started_notify(audit):
    _tell_worker(audit, kind="audit_started", subject=AUDIT_STARTED, text=AUDIT_STARTED_TEXT)


def audit_completed_notify(audit):
    _tell_worker(audit, kind="audit_completed", subject=AUDIT_COMPLETED, text=AUDIT_COMPLETED_TEXT)


def action_given_notify(action, *, given_by):
    """Tells the owner, unless they gave it to themselves or may not open the audit (the link would
    lead nowhere; the action still names them on the audit)."""
    owner = action.owner
    if owner is None or owner.pk == given_by.pk:
        return
    if not Audit.objects.visible_to(owner).filter(pk=action.audit_id).exists():
        return
    reference = action.audit.case_reference
    notify(
        recipients=[owner],
        kind="audit_action",
        subject=ACTION_GIVEN.format(reference=reference),
        text=ACTION_GIVEN_TEXT.format(reference=reference, due=govuk_date(action.due_on)),
        path=reverse("audits:detail", args=[action.audit_id]),
    )
