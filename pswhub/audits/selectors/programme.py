"""The audit programme: plans, sampling scope, assignments, tools for editing and import batches."""

from datetime import date

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from pswhub.core.selectors import team_and_descendant_ids

from ..models import (
    Audit,
    AuditImportBatch,
    AuditPlan,
    AuditTool,
    AuditToolVersion,
    Case,
    PlannedAudit,
)


def months_before(day, months):
    """The same day `months` calendar months earlier, or the month's last day when it is shorter
    (31 August less 6 months is 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for last_day in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def plan_skip_from(plan):
    """Cases with an audit completed on or after this day are left out of the plan's sample: the
    plan's first day less its skip window in months."""
    return months_before(plan.period_start, plan.skip_months)


def cases_in_plan_scope(plan):
    """Cases of the plan's team and the teams beneath it, or of every team in its service, opened
    by the plan's last day."""
    cases = Case.objects.filter(opened_on__lte=plan.period_end)
    if plan.team_id:
        return cases.filter(team_id__in=team_and_descendant_ids(plan.team))
    return cases.filter(team__service=plan.service)


def cases_eligible_for_plan(plan):
    """Cases in the plan's scope that are not in it yet and have no audit submitted or completed
    on or after plan_skip_from(plan)."""
    recently_audited = (
        Audit.objects.exclude(status=Audit.Status.DRAFT)
        .filter(completed_on__gte=plan_skip_from(plan))
        .values("case_reference")
    )
    return (
        cases_in_plan_scope(plan)
        .exclude(case_reference__in=recently_audited)
        .exclude(planned_audits__plan=plan)
        .select_related("team")
    )


def audit_plan_list(*, user):
    return AuditPlan.objects.visible_to(user).select_related("service", "team", "tool")


def planned_audits_of(plan):
    return plan.planned_audits.select_related("case__team", "case__worker", "auditor", "audit")


def plan_status_counts(plan, *, today=None):
    """Status at a glance: planned audits not assigned, assigned and not started, in progress
    (a draft), submitted (awaiting moderation or completed), and overdue (past the due date and not
    submitted; these are counted in their own status as well)."""
    today = today or timezone.localdate()
    counts = dict.fromkeys(PlannedAudit.Status.values, 0)
    counts["overdue"] = 0
    for planned in planned_audits_of(plan):
        counts[planned.status] += 1
        counts["overdue"] += planned.is_overdue(today)
    counts["total"] = sum(counts[status] for status in PlannedAudit.Status.values)
    return counts


def assignments_of(user, *, include_submitted=False):
    """Planned audits assigned to this user, soonest due first; by default only those not yet
    submitted."""
    planned = PlannedAudit.objects.filter(auditor=user).select_related("case__team", "plan__tool", "audit")
    if not include_submitted:
        planned = planned.filter(Q(audit__isnull=True) | Q(audit__status=Audit.Status.DRAFT))
    return planned.order_by("due_on", "case__case_reference")


def auditors_to_assign():
    from pswhub.core import roles
    from pswhub.core.models import User

    return (
        User.objects.filter(is_active=True, roles__code__in=[roles.AUDITOR, roles.PSW, roles.QA_OFFICER])
        .distinct()
        .order_by("first_name", "last_name")
    )


# Audit tools and historic imports, for the pages that edit and import them.


def audit_tools_for_editing():
    """Every tool, with its versions (newest first) and how many audits each version was used for."""
    versions = AuditToolVersion.objects.annotate(audit_count=Count("audits")).order_by("-number")
    return AuditTool.objects.prefetch_related(Prefetch("versions", queryset=versions)).order_by("name")


def audit_tool_version_get(pk):
    return (
        AuditToolVersion.objects.select_related("tool__scale")
        .prefetch_related("sections__questions")
        .annotate(audit_count=Count("audits"))
        .filter(pk=pk)
        .first()
    )


def audit_import_batches():
    return AuditImportBatch.objects.select_related("imported_by").order_by("-imported_at", "-pk")
