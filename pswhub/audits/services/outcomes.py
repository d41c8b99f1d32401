"""Risk flags and actions raised from an audit."""

from django.db import transaction
from django.utils import timezone

from .. import notices
from ..alerts import risk_flag_notify
from ..models import AuditAction, RiskFlag
from .saving import _save

ALREADY_ACKNOWLEDGED = "Someone has already acknowledged this risk flag"


@transaction.atomic
def risk_flag_raise(*, audit, raised_by, description):
    """Raises the flag and tells the case's team managers and every PSW (`alerts.py`). The e-mails
    go in the background once the flag is saved; if they cannot be sent, the flag still stands on
    the home pages."""
    flag = _save(RiskFlag(audit=audit, raised_by=raised_by, description=description), raised_by)
    risk_flag_notify(flag=flag)
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
    action = _save(
        AuditAction(audit=audit, description=description, due_on=due_on, owner=owner, owner_name=owner_name), created_by
    )
    notices.action_given_notify(action, given_by=created_by)
    return action


@transaction.atomic
def audit_action_complete(*, action, changed_by, today=None):
    action.status = AuditAction.Status.DONE
    action.done_on = today or timezone.localdate()
    return _save(action, changed_by)
