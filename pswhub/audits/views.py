from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.periods import financial_year_of, year_label
from pswhub.core.views import require

from . import presenters, selectors, services
from .dashboard_charts import dashboard_charts
from .forms import (
    ActionForm,
    AssignmentForm,
    AuditForm,
    AuditPlanForm,
    AuditStartForm,
    BulkAssignmentForm,
    ContributionForm,
    ModerationForm,
    RiskFlagForm,
    SampleForm,
)
from .models import Audit, AuditAction, RiskFlag


def _audit(request, pk):
    return get_object_or_404(
        Audit.objects.visible_to(request.user).select_related(
            "team__service", "worker", "auditor", "overall_grade", "tool_version__tool"
        ),
        pk=pk,
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _dashboard_year(request, years):
    year = _int(request.GET.get("year"))
    return year if year in years else financial_year_of(timezone.localdate())


def dashboard(request):
    require(request, "audits.view_dashboard")
    years = selectors.audit_years()
    year = _dashboard_year(request, years)
    context = selectors.audit_dashboard(user=request.user, year=year, years=years)
    charts = dashboard_charts(context)
    teams_shown = presenters.teams_for_dashboard(context["teams"])
    return render(
        request, "audits/dashboard.html", {**context, "years": years, "charts": charts, "teams_shown": teams_shown}
    )


def dashboard_teams(request):
    """Every team's completed audits in a year, a page at a time: the dashboard shows the teams with most."""
    require(request, "audits.view_dashboard")
    year = _dashboard_year(request, selectors.audit_years())
    teams = selectors.audit_teams_of_year(user=request.user, year=year)
    page = Paginator(teams, presenters.TEAMS_PER_PAGE).get_page(request.GET.get("page"))
    _, drill_down = selectors.dashboard_access(request.user)
    context = {"page": page, "year": year, "label": year_label(year), "drill_down": drill_down}
    return render(request, "audits/dashboard_teams.html", {**context, "query": request.GET})


def audit_list(request):
    require(request, "audits.view_audit_list")
    audits = selectors.audit_list(
        user=request.user,
        status=request.GET.get("status", ""),
        grade=request.GET.get("grade", ""),
        year=_int(request.GET.get("year")),
        team=_int(request.GET.get("team")),
        risk=request.GET.get("risk") == "open",
        audit_type=request.GET.get("type", ""),
        theme=request.GET.get("theme", ""),
        own_cases=request.GET.get("cases") == "mine",
        own_actions=request.GET.get("actions") == "mine",
    )
    page = Paginator(audits, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audits/audit_list.html",
        {"page": page, "query": request.GET, "statuses": Audit.Status.choices, **presenters.HELPERS},
    )


def _detail(request, audit, status=200, **forms):
    forms.setdefault("contribution_form", ContributionForm(prefix="contribution"))
    forms.setdefault("flag_form", RiskFlagForm(prefix="flag"))
    forms.setdefault("action_form", ActionForm(prefix="action", audit=audit))
    context = {"audit": audit, **selectors.audit_detail(audit=audit), **forms, **presenters.HELPERS}
    return render(request, "audits/audit_detail.html", context, status=status)


def audit_detail(request, pk):
    return _detail(request, _audit(request, pk))


def audit_start(request):
    require(request, "audits.start_audit")
    form = AuditStartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        audit = services.audit_start(started_by=request.user, **form.cleaned_data)
        messages.success(request, f"You have started an audit of case {audit.case_reference}")
        return redirect("audits:edit", pk=audit.pk)
    return render(request, "audits/audit_start.html", {"form": form})


def audit_edit(request, pk):
    audit = _audit(request, pk)
    require(request, "audits.change_audit", audit)
    form = AuditForm(request.POST or None, audit=audit)
    if request.method == "POST" and form.is_valid():
        services.audit_save_draft(audit=audit, changed_by=request.user, **form.service_arguments())
        messages.success(request, "Your draft has been saved")
        return redirect("audits:check", pk=audit.pk)
    return render(request, "audits/audit_edit.html", {"audit": audit, "form": form})


def audit_check(request, pk):
    audit = _audit(request, pk)
    require(request, "audits.change_audit", audit)
    error = None
    if request.method == "POST":
        try:
            services.audit_submit(audit=audit, submitted_by=request.user)
        except ValueError as problem:
            error = str(problem)
        else:
            messages.success(request, f"The audit of case {audit.case_reference} has been submitted")
            return redirect("audits:detail", pk=audit.pk)
    context = {"audit": audit, "error": error, **selectors.audit_detail(audit=audit), **presenters.HELPERS}
    return render(request, "audits/audit_check.html", context, status=400 if error else 200)


@require_POST
def audit_contribute(request, pk):
    audit = _audit(request, pk)
    require(request, "audits.contribute_to_audit", audit)
    form = ContributionForm(request.POST, prefix="contribution")
    if not form.is_valid():
        return _detail(request, audit, status=400, contribution_form=form)
    services.audit_contribute(audit=audit, author=request.user, text=form.cleaned_data["text"])
    messages.success(request, "What you added has been saved")
    return redirect("audits:detail", pk=audit.pk)


@require_POST
def risk_flag_raise(request, pk):
    audit = _audit(request, pk)
    require(request, "audits.raise_risk_flag", audit)
    form = RiskFlagForm(request.POST, prefix="flag")
    if not form.is_valid():
        return _detail(request, audit, status=400, flag_form=form)
    services.risk_flag_raise(audit=audit, raised_by=request.user, description=form.cleaned_data["description"])
    messages.success(request, "The risk flag has been raised. The team manager and the PSW have been alerted")
    return redirect("audits:detail", pk=audit.pk)


@require_POST
def risk_flag_acknowledge(request, pk, flag_pk):
    audit = _audit(request, pk)
    require(request, "audits.acknowledge_risk_flag", audit)
    flag = get_object_or_404(RiskFlag, audit=audit, pk=flag_pk)
    try:
        services.risk_flag_acknowledge(flag=flag, acknowledged_by=request.user)
    except ValueError as problem:
        messages.info(request, str(problem))
    else:
        messages.success(request, "You have acknowledged the risk flag")
    return redirect("audits:detail", pk=audit.pk)


@require_POST
def action_add(request, pk):
    audit = _audit(request, pk)
    require(request, "audits.add_audit_action", audit)
    form = ActionForm(request.POST, prefix="action", audit=audit)
    if not form.is_valid():
        return _detail(request, audit, status=400, action_form=form)
    services.audit_action_create(audit=audit, created_by=request.user, **form.cleaned_data)
    messages.success(request, "The action has been added")
    return redirect("audits:detail", pk=audit.pk)


@require_POST
def action_complete(request, pk, action_pk):
    audit = _audit(request, pk)
    require(request, "audits.complete_audit_action", audit)
    action = get_object_or_404(AuditAction, audit=audit, pk=action_pk, status=AuditAction.Status.OPEN)
    services.audit_action_complete(action=action, changed_by=request.user)
    messages.success(request, "The action has been marked as done")
    return redirect("audits:detail", pk=audit.pk)


def audit_moderate(request, pk):
    audit = _audit(request, pk)
    require(request, "audits.moderate_audit", audit)
    form = ModerationForm(request.POST or None, audit=audit)
    if request.method == "POST" and form.is_valid():
        services.audit_moderate(audit=audit, moderator=request.user, **form.cleaned_data)
        messages.success(request, f"The audit of case {audit.case_reference} has been moderated")
        return redirect("audits:detail", pk=audit.pk)
    return render(request, "audits/audit_moderate.html", {"audit": audit, "form": form})


# The audit programme.


def plan_list(request):
    require(request, "audits.manage_audit_programme")
    plans = [(plan, selectors.plan_status_counts(plan)) for plan in selectors.audit_plan_list(user=request.user)]
    return render(request, "audits/plan_list.html", {"plans": plans})


def plan_create(request):
    require(request, "audits.manage_audit_programme")
    form = AuditPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = services.audit_plan_create(created_by=request.user, **form.cleaned_data)
        messages.success(request, "The plan has been created. Now draw its sample of cases")
        return redirect("audits:plan_detail", pk=plan.pk)
    return render(request, "audits/plan_create.html", {"form": form})


def _plan(request, pk):
    return get_object_or_404(selectors.audit_plan_list(user=request.user), pk=pk)


def _bulk_form(request, plan, data=None):
    return BulkAssignmentForm(
        data,
        planned=selectors.planned_audits_of(plan).filter(audit__isnull=True),
        auditors=selectors.auditors_to_assign(),
        initial={"due_on": plan.due_on or plan.period_end},
    )


def plan_detail(request, pk, sample_form=None, error=None, assign_form=None):
    require(request, "audits.manage_audit_programme")
    plan = _plan(request, pk)
    context = {
        "assign_form": assign_form or _bulk_form(request, plan),
        "plan": plan,
        "counts": selectors.plan_status_counts(plan),
        "planned": selectors.planned_audits_of(plan),
        "skip_from": selectors.plan_skip_from(plan),
        "sample_form": sample_form or SampleForm(),
        "error": error,
        "today": timezone.localdate(),
        **presenters.HELPERS,
    }
    failed = error or (assign_form is not None and assign_form.errors)
    return render(request, "audits/plan_detail.html", context, status=400 if failed else 200)


@require_POST
def plan_sample(request, pk):
    require(request, "audits.manage_audit_programme")
    plan = _plan(request, pk)
    form = SampleForm(request.POST)
    form.is_valid()
    try:
        added = services.plan_sample(
            plan=plan, stratify=form.cleaned_data.get("stratify", False), sampled_by=request.user
        )
    except ValueError as problem:
        return plan_detail(request, pk, sample_form=form, error=str(problem))
    messages.success(request, f"{len(added)} cases have been added to the plan")
    return redirect("audits:plan_detail", pk=plan.pk)


def planned_audit_assign(request, pk, planned_pk):
    require(request, "audits.manage_audit_programme")
    plan = _plan(request, pk)
    planned = get_object_or_404(selectors.planned_audits_of(plan), pk=planned_pk, audit__isnull=True)
    initial = {"auditor": planned.auditor, "due_on": planned.due_on or plan.due_on or plan.period_end}
    form = AssignmentForm(request.POST or None, initial=initial, auditors=selectors.auditors_to_assign())
    if request.method == "POST" and form.is_valid():
        services.planned_audit_assign(planned_audit=planned, assigned_by=request.user, **form.cleaned_data)
        messages.success(request, f"Case {planned.case.case_reference} has been assigned")
        return redirect("audits:plan_detail", pk=plan.pk)
    return render(request, "audits/planned_audit_assign.html", {"plan": plan, "planned": planned, "form": form})


def assignments(request):
    require(request, "audits.view_assignments")
    planned = selectors.assignments_of(request.user, include_submitted=True)
    context = {"planned": planned, "today": timezone.localdate(), **presenters.HELPERS}
    return render(request, "audits/assignments.html", context)


@require_POST
def planned_audit_start(request, planned_pk):
    planned = get_object_or_404(selectors.assignments_of(request.user), pk=planned_pk)
    if planned.audit_id is not None:  # started already, from another tab say
        return redirect("audits:edit", pk=planned.audit_id)
    require(request, "audits.start_planned_audit", planned)
    planned = services.planned_audit_start(planned_audit=planned, started_by=request.user)
    messages.success(request, f"You have started an audit of case {planned.case.case_reference}")
    return redirect("audits:edit", pk=planned.audit_id)


def plan_edit(request, pk):
    require(request, "audits.manage_audit_programme")
    plan = _plan(request, pk)
    form = AuditPlanForm.for_plan(request.POST if request.method == "POST" else None, plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.audit_plan_update(plan=plan, changed_by=request.user, **form.cleaned_data)
        except ValueError as problem:
            form.add_error("sample_size", str(problem))
        else:
            messages.success(request, "The plan has been saved")
            return redirect("audits:plan_detail", pk=plan.pk)
    context = {"form": form, "title": "Change the plan", "button": "Save the plan", "back": plan_url(plan)}
    return render(request, "form_page.html", context, status=400 if form.errors else 200)


def plan_url(plan):
    return reverse("audits:plan_detail", kwargs={"pk": plan.pk})


@require_POST
def plan_assign(request, pk):
    require(request, "audits.manage_audit_programme")
    plan = _plan(request, pk)
    form = _bulk_form(request, plan, request.POST)
    if not form.is_valid():
        return plan_detail(request, pk, assign_form=form)
    chosen = services.planned_audits_assign(
        planned_audits=form.cleaned_data["planned"],
        auditor=form.cleaned_data["auditor"],
        due_on=form.cleaned_data["due_on"],
        assigned_by=request.user,
    )
    count, auditor = len(chosen), form.cleaned_data["auditor"].display_name
    messages.success(request, f"{count} {'case has' if count == 1 else 'cases have'} been assigned to {auditor}")
    return redirect("audits:plan_detail", pk=plan.pk)


@require_POST
def planned_audit_remove(request, pk, planned_pk):
    require(request, "audits.manage_audit_programme")
    plan = _plan(request, pk)
    planned = get_object_or_404(selectors.planned_audits_of(plan), pk=planned_pk, audit__isnull=True)
    services.planned_audit_remove(planned_audit=planned, removed_by=request.user)
    messages.success(request, f"Case {planned.case.case_reference} has been taken out of the plan")
    return redirect("audits:plan_detail", pk=plan.pk)
