from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.views import require

from . import presenters, selectors, services
from .forms import ActionForm, AuditForm, AuditStartForm, ContributionForm, ModerationForm, RiskFlagForm
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


def dashboard(request):
    require(request, "audits.view_dashboard")
    years = selectors.audit_years()
    year = _int(request.GET.get("year"))
    year = year if year in years else selectors.financial_year_of(timezone.localdate())
    context = selectors.audit_dashboard(user=request.user, year=year)
    return render(request, "audits/dashboard.html", {**context, "years": years})


def audit_list(request):
    require(request, "audits.view_audit_list")
    audits = selectors.audit_list(
        user=request.user,
        status=request.GET.get("status", ""),
        grade=request.GET.get("grade", ""),
        year=_int(request.GET.get("year")),
        team=_int(request.GET.get("team")),
        risk=request.GET.get("risk") == "open",
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
    forms.setdefault("action_form", ActionForm(prefix="action"))
    context = {"audit": audit, **selectors.audit_detail(audit=audit), **forms, **presenters.HELPERS}
    return render(request, "audits/audit_detail.html", context, status=status)


def audit_detail(request, pk):
    return _detail(request, _audit(request, pk))


def audit_start(request):
    require(request, "audits.start_audit")
    form = AuditStartForm(request.POST or None)
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
    form = ActionForm(request.POST, prefix="action")
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
