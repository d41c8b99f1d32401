"""Audits in the change history (core.history): the audits a user may open one by one, and their
actions, each linked to its audit while the user may open it."""

from pswhub.core.history import HistorySource

from .models import Audit, AuditAction
from .models.tools import AuditType

AUDIT_TYPES = dict(AuditType.choices)


def _audit_name(row):
    return f"{AUDIT_TYPES.get(row.audit_type, 'Audit')} of case {row.case_reference}"


def _action_name(row):
    description = row.description.replace("\n", " ")
    return description if len(description) <= 60 else description[:59] + "…"


def audit_history_sources(user):
    audits = Audit.objects.visible_to(user)
    return [
        HistorySource(
            "Audit",
            Audit.history.filter(id__in=audits.values("pk")),
            _audit_name,
            openable=audits,
            url_name="audits:detail",
        ),
        HistorySource(
            "Audit action",
            AuditAction.history.filter(audit_id__in=audits.values("pk")),
            _action_name,
            openable=audits,
            url_name="audits:detail",
            link_field="audit_id",
        ),
    ]
