from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.models import Service, StaffMember
from pswhub.core.views import require
from pswhub.workforce.presenters import EXTRACT_PROBLEM_HEAD, batch_status_tag, extract_problem_rows

from . import importing, presenters, selectors, services
from .forms import CaseloadUploadForm, EarlyCareerYearForm, WeightingSchemeForm
from .models import ComplexityLevel, EarlyCareerYear

NO_SUCH_SERVICE = "There is no service {pk}"
NO_SUCH_UPLOAD = "There is no caseload upload {pk}"
NO_SUCH_EARLY_CAREER_YEAR = "There is no early-career year {pk}"


def _date(value):
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


def team_workload(request):
    require(request, "workload.view_workload")
    if not request.user.has_perm("workload.view_team_workload"):
        return _own_workload(request)
    teams = list(selectors.workload_teams(request.user))
    team = _chosen_team(request, teams)
    if team is None:
        return render(request, "workload/team.html", {"teams": teams, "team": None})
    dates = selectors.snapshot_dates(staff_members=team.staff.all())
    on = _date(request.GET.get("date"))
    on = on if on in dates else (dates[-1] if dates else timezone.localdate())
    workload = selectors.team_workload(team=team, on=on)
    columns = presenters.case_type_columns(workload.lines, selectors.case_types_for(team.service.kind))
    context = {
        "teams": teams,
        "team": team,
        "dates": list(reversed(dates)),
        "on": on,
        "workload": workload,
        "columns": columns,
        "lines": [presenters.worker_cells(line, columns) for line in workload.lines],
        "figures": presenters.team_figures(workload),
        "assumed_note": presenters.ASSUMED_FULL_TIME_NOTE,
        "chart": presenters.trend_chart(
            team=team, trend=selectors.team_caseload_trend(team=team, until=on), target=workload.target_caseload
        ),
    }
    return render(request, "workload/team.html", context)


def _chosen_team(request, teams):
    by_pk = {str(team.pk): team for team in teams}
    if request.GET.get("team") in by_pk:
        return by_pk[request.GET["team"]]
    own = getattr(request.user, "staff_member", None)
    if own is not None and str(own.team_id) in by_pk:
        return by_pk[str(own.team_id)]
    return teams[0] if teams else None


def _own_workload(request):
    line = selectors.own_line(user=request.user, on=timezone.localdate())
    columns = presenters.case_type_columns([line], selectors.case_types_for()) if line else []
    context = {"line": presenters.worker_cells(line, columns) if line else None, "columns": columns}
    return render(request, "workload/own.html", context)


def scheme_list(request):
    require(request, "workload.view_schemes")
    levels = list(ComplexityLevel.objects.all())
    rows = []
    for service in Service.objects.order_by("kind"):
        scheme = selectors.scheme_get(service=service)
        points = presenters.scheme_point_rows(scheme, selectors.case_types_for(service.kind), levels) if scheme else []
        rows.append((service, scheme, points))
    return render(request, "workload/scheme_list.html", {"services": rows})


def scheme_edit(request, service_pk):
    require(request, "workload.change_scheme")
    service = Service.objects.filter(pk=service_pk).first()
    if service is None:
        raise Http404(NO_SUCH_SERVICE.format(pk=service_pk))
    form = WeightingSchemeForm(
        request.POST if request.method == "POST" else None,
        service=service,
        scheme=selectors.scheme_get(service=service),
    )
    if request.method == "POST" and form.is_valid():
        figures, points = form.scheme_values()
        services.weighting_scheme_save(service=service, points=points, changed_by=request.user, **figures)
        return redirect("workload:scheme_list")
    return render(request, "workload/scheme_edit.html", {"form": form, "service": service})


def early_career_list(request):
    require(request, "workload.change_early_career")
    years = EarlyCareerYear.objects.filter(
        staff_member__in=StaffMember.objects.visible_to(request.user)
    ).select_related("staff_member")
    return render(request, "workload/early_career_list.html", {"years": years})


def early_career_edit(request, pk=None):
    require(request, "workload.change_early_career")
    staff = StaffMember.objects.visible_to(request.user).filter(left_on__isnull=True)
    year = None
    if pk is not None:
        year = EarlyCareerYear.objects.filter(pk=pk, staff_member__in=staff).first()
        if year is None:
            raise Http404(NO_SUCH_EARLY_CAREER_YEAR.format(pk=pk))
    initial = None
    if year is not None:
        initial = {"staff_member": year.staff_member, "starts_on": year.starts_on, "ends_on": year.ends_on}
    form = EarlyCareerYearForm(request.POST if request.method == "POST" else None, staff=staff, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.early_career_year_save(year=year, changed_by=request.user, **form.cleaned_data)
        return redirect("workload:early_career_list")
    context = {
        "form": form,
        "title": "Change an early-career year" if year else "Record an early-career year",
        "button": "Save",
        "back": reverse("workload:early_career_list"),
    }
    return render(request, "form_page.html", context)


def import_upload(request):
    require(request, "workload.import_caseloads")
    posted = request.method == "POST"
    form = CaseloadUploadForm(request.POST if posted else None, request.FILES if posted else None)
    problems = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        caseload_file = importing.caseload_file_read(content=content, file_name=upload.name)
        if caseload_file.is_valid:
            held = services.caseload_import_create(
                file_name=upload.name, content=content, uploaded_by=request.user, caseload_file=caseload_file
            )
            return redirect("workload:import_detail", pk=held.pk)
        problems = extract_problem_rows(caseload_file.problems)
    context = {
        "form": form,
        "problem_rows": problems,
        "problem_head": EXTRACT_PROBLEM_HEAD,
        "template": importing.TEMPLATE,
        "case_types": selectors.case_types_for(),
        "uploads": selectors.caseload_imports(),
    }
    return render(request, "workload/import_upload.html", context, status=400 if problems else 200)


def _upload(request, pk):
    require(request, "workload.import_caseloads")
    upload = selectors.caseload_import_get(pk=pk)
    if upload is None:
        raise Http404(NO_SUCH_UPLOAD.format(pk=pk))
    return upload


def import_detail(request, pk):
    upload = _upload(request, pk)
    context = {
        "upload": upload,
        "status_tag": batch_status_tag(upload),
        "problem_rows": extract_problem_rows(upload.problems),
        "problem_head": EXTRACT_PROBLEM_HEAD,
    }
    return render(request, "workload/import_detail.html", context)


@require_POST
def import_confirm(request, pk):
    upload = _upload(request, pk)
    if upload.status == upload.PREVIEWED:
        services.caseload_import_confirm(upload=upload, confirmed_by=request.user)
    return redirect("workload:import_detail", pk=pk)


def import_template_csv(request):
    require(request, "workload.import_caseloads")
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="psw-hub-caseload-template.csv"'
    return response
