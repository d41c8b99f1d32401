"""Who may do what with audits, stated once. Object permissions check the same scope the views
fetch through (`Audit.objects.visible_to`), so a page and its permission never disagree."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role

from .models import Audit

is_psw_or_qa = has_role(roles.PSW, roles.QA_OFFICER)
is_auditor = has_role(roles.AUDITOR)
is_team_manager = has_role(roles.TEAM_MANAGER)
# Those who may take part in individual audits (as auditor, worker or manager).
takes_part_in_audits = has_role(roles.PSW, roles.QA_OFFICER, roles.AUDITOR, roles.TEAM_MANAGER, roles.SOCIAL_WORKER)
reads_aggregates = has_role(roles.HEAD_OF_SERVICE, roles.COUNCILLOR)


@rules.predicate
def can_see_audit(user, audit):
    return audit is not None and Audit.objects.visible_to(user).filter(pk=audit.pk).exists()


@rules.predicate
def conducts_draft(user, audit):
    return audit is not None and audit.is_draft and audit.auditor_id == user.pk


@rules.predicate
def is_the_auditor(user, audit):
    return audit is not None and audit.auditor_id == user.pk


@rules.predicate
def awaiting_moderation_by_someone_else(user, audit):
    moderation = getattr(audit, "moderation", None) if audit is not None else None
    return (
        audit.status == Audit.Status.SUBMITTED
        and moderation is not None
        and not moderation.is_done
        and audit.auditor_id != user.pk
    )


@rules.predicate
def manages_audit_team(user, audit):
    return audit is not None and audit.team_id in user.managed_team_ids()


# The readable list.
rules.add_perm("audits.view_dashboard", takes_part_in_audits | reads_aggregates)
rules.add_perm("audits.view_unsuppressed_figures", is_psw_or_qa)
rules.add_perm("audits.view_audit_list", takes_part_in_audits)
rules.add_perm("audits.view_audit", can_see_audit)
rules.add_perm("audits.start_audit", is_psw_or_qa | is_auditor)
rules.add_perm("audits.change_audit", conducts_draft)
rules.add_perm("audits.contribute_to_audit", can_see_audit)
rules.add_perm("audits.raise_risk_flag", can_see_audit)
rules.add_perm("audits.acknowledge_risk_flag", can_see_audit & (has_role(roles.PSW) | manages_audit_team))
rules.add_perm("audits.add_audit_action", can_see_audit & (is_psw_or_qa | manages_audit_team | is_the_auditor))
rules.add_perm("audits.moderate_audit", is_psw_or_qa & awaiting_moderation_by_someone_else)
rules.add_perm("audits.complete_audit_action", can_see_audit & (is_psw_or_qa | manages_audit_team | is_the_auditor))
rules.add_perm("audits.import_audits", is_psw_or_qa)


@rules.predicate
def is_assigned_and_not_started(user, planned_audit):
    return planned_audit is not None and planned_audit.auditor_id == user.pk and planned_audit.audit_id is None


# The audit programme: plans, the case list and assignments are run by the PSW and QA officers;
# auditors (and the PSW and QA when they audit) see and start what is assigned to them.
rules.add_perm("audits.manage_audit_programme", is_psw_or_qa)
rules.add_perm("audits.import_cases", is_psw_or_qa)
rules.add_perm("audits.view_assignments", is_psw_or_qa | is_auditor)
rules.add_perm("audits.start_planned_audit", (is_psw_or_qa | is_auditor) & is_assigned_and_not_started)

# Audit tools: the PSW and QA officers write new tools and new versions of them.
rules.add_perm("audits.edit_audit_tools", is_psw_or_qa)
