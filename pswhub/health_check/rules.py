"""Who may answer the health check, read its results and run its action plan, stated once.

Answering: anyone invited to an open run who has not answered it. Results (always aggregate,
never below the survey threshold): the PSW, quality assurance officers and heads of service.
Running the survey, reading comments before they are shown and writing the plan: the PSW.
A published plan: every member of staff. Councillors read the health check only as published in
the annual report."""

import rules
from django.utils import timezone

from pswhub.core import roles
from pswhub.core.rules import has_role, works_in_practice

from .models import Invitation, Participation

runs_the_health_check = has_role(roles.PSW)
reads_results = has_role(roles.PSW, roles.QA_OFFICER, roles.HEAD_OF_SERVICE)


@rules.predicate
def may_answer(user, run):
    return (
        run is not None
        and user.is_authenticated
        and run.is_open(timezone.localdate())
        and Invitation.objects.filter(run=run, user=user).exists()
        and not Participation.objects.filter(run=run, user=user).exists()
    )


@rules.predicate
def plan_is_published(user, plan):
    return plan is not None and plan.is_published


# The readable list.
rules.add_perm("health_check.view_own", works_in_practice)
rules.add_perm("health_check.answer", works_in_practice & may_answer)
rules.add_perm("health_check.view_results", reads_results)
rules.add_perm("health_check.manage_runs", runs_the_health_check)
rules.add_perm("health_check.review_comments", runs_the_health_check)
rules.add_perm("health_check.view_plans", works_in_practice)
rules.add_perm("health_check.view_plan", runs_the_health_check | (works_in_practice & plan_is_published))
rules.add_perm("health_check.change_plans", runs_the_health_check)
