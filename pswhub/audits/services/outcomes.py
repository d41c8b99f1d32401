"""Risk flags and actions raised from an audit."""

from django.db import transaction
from django.utils import timezone

from ..models import AuditAction, RiskFlag
from ..tasks import send_risk_flag_alert
from .saving import _save

ALREADY_ACKNOWLEDGED = "Someone has already acknowledged this risk flag"


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
