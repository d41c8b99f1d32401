"""Writes for audits. Every write keeps history. The package's modules: `audits` (starting, filling
in, submitting, moderating and deleting an audit, contributions), `outcomes` (risk flags and
actions), `programme` (plans, samples, assignments) and `imports` (saving checked imports); every
name is read from here. Audit tools are edited by `pswhub/audits/tool_editing.py`."""

from .audits import (  # noqa: F401
    CANNOT_MODERATE_OWN_AUDIT,
    DEFAULT_MODERATION_SHARE,
    NEEDS_OVERALL_GRADE,
    NOT_A_DRAFT,
    NOT_AWAITING_MODERATION,
    audit_contribute,
    audit_delete,
    audit_moderate,
    audit_save_draft,
    audit_start,
    audit_submit,
    contribution_role,
    moderation_reason,
    moderation_share,
)
from .imports import audits_import_save, cases_import_save  # noqa: F401
from .outcomes import (  # noqa: F401
    ALREADY_ACKNOWLEDGED,
    audit_action_complete,
    audit_action_create,
    risk_flag_acknowledge,
    risk_flag_raise,
)
from .programme import (  # noqa: F401
    ALREADY_STARTED,
    CHOOSE_CASES_TO_ASSIGN,
    NOT_ASSIGNED,
    NOT_YOUR_ASSIGNMENT,
    NOTHING_TO_SAMPLE,
    SAMPLE_SMALLER_THAN_PLANNED,
    audit_plan_create,
    audit_plan_update,
    plan_sample,
    planned_audit_assign,
    planned_audit_remove,
    planned_audit_start,
    planned_audits_assign,
    proportional_allocation,
)
