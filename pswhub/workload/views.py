from datetime import date

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from pswhub.core.imports import views as import_pages
from pswhub.core.models import Service, StaffMember
from pswhub.core.views import require

from . import importing, presenters, selectors, services
from .forms import CaseloadUploadForm, EarlyCareerYearForm, WeightingSchemeForm
from .models import ComplexityLevel, EarlyCareerYear

NO_SUCH_SERVICE = "There is no service {pk}"
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


def _import_context(request):
    """What the caseload upload page lists under the form besides the columns: the case type codes."""
    return {"case_types": selectors.case_types_for()}


CASELOAD_PAGES = import_pages.ImportPages(
    importer=services.CASELOADS,
    permission="workload.import_caseloads",
    title="Import caseloads",
    caption="Workload",
    form_class=CaseloadUploadForm,
    urls={
        "upload": "workload:import_upload",
        "detail": "workload:import_detail",
        "confirm": "workload:import_confirm",
        "back": "workload:import_upload",
        "template": "workload:import_template",
    },
    intro=(
        "Upload caseload counts as your case management system exports them: one row per worker, date, case type "
        "and complexity. For each worker and date in the file, what PSW Hub holds for that worker on that date is "
        "replaced; other dates are left as they are, so the same file can be imported twice safely. Counts to "
        "remove are case types a worker held on a date in the file that the file no longer gives them."
    ),
    back_text="Back to import caseloads",
    counts=[
        ("rows", "Rows", "Rows"),
        ("added", "Counts to add", "Counts added"),
        ("updated", "Counts to update", "Counts updated"),
        ("removed", "Counts to remove", "Counts removed"),
        ("unchanged", "Unchanged", "Unchanged"),
    ],
    command="import_caseloads",
    nav="workload/_nav.html",
    upload_extra="workload/_import_columns.html",
    upload_context=_import_context,
    template=importing.TEMPLATE,
    template_file="psw-hub-caseload-template.csv",
)
