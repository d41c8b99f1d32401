"""The audit programme: plans, the sample drawn for them, and assigning and starting the planned
audits."""

import random
from fractions import Fraction

from django.db import transaction

from .. import selectors
from ..models import AuditPlan, PlannedAudit
from .audits import audit_start
from .saving import _delete, _save

NOTHING_TO_SAMPLE = "No case in the plan's scope is left to sample: every one is in the plan or was audited recently"
ALREADY_STARTED = "The audit of this case has already been started"
NOT_YOUR_ASSIGNMENT = "This case is assigned to someone else"
NOT_ASSIGNED = "Assign this case to an auditor before the audit is started"


@transaction.atomic
def audit_plan_create(
    *, period_start, period_end, service, tool, sample_size, created_by, team=None, skip_months=6, due_on=None
):
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
    planned_audit = PlannedAudit.objects.select_for_update().get(pk=planned_audit.pk)
    if planned_audit.audit_id is not None:
        raise ValueError(ALREADY_STARTED)
    _delete(planned_audit, removed_by)
