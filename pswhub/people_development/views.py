"""Pages for the figures, placements, practice educators and sponsored cohorts. Early careers and
progression are in `career_views.py`."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils import timezone

from pswhub.core.periods import Period, academic_year_of, financial_year_of, year_label
from pswhub.core.views import require

from . import figures, presenters, selectors, services
from .forms import CohortForm, ParticipantForm, PlacementForm, PlacementIncomeForm, PracticeEducatorForm, YearForm
from .models import Placement, PracticeEducator, SponsoredCohort

PROGRESSION_YEARS = 5


def render(request, template, context):
    return django_render(request, template, {"present": presenters.Present, "today": timezone.localdate(), **context})


def _post(request):
    return request.POST if request.method == "POST" else None


def form_page(request, form, *, title, button, back, caption="People development"):
    return render(
        request, "form_page.html", {"form": form, "title": title, "button": button, "back": back, "caption": caption}
    )


PLACEMENT_PAGES = [
    ("Placements", "people_development:placement_list"),
    ("Placement income", "people_development:income_list"),
    ("Practice educators", "people_development:educator_list"),
    ("Cohorts", "people_development:cohort_list"),
]
PROGRESSION_PAGES = [
    ("Progression panels", "people_development:panel_list"),
    ("National accreditation", "people_development:accreditation_list"),
]


def related(pages, current):
    """Links to the other lists under the same page of the area's navigation."""
    return [(text, reverse(name)) for text, name in pages if name != current]


def table_page(request, *, title, head, rows, add=None, empty, intro="", **form):
    """A list page; `form` may give `form`, `form_title`, `button` and `can_change` for a form
    that adds a row under the table."""
    return render(
        request,
        "people_development/table_page.html",
        {"title": title, "head": head, "rows": rows, "add": add, "empty": empty, "intro": intro, **form},
    )


def _import_link(request, kind, text):
    if not request.user.has_perm("people_development.import_records"):
        return None
    return (text, reverse(f"people_development:import_{kind}"))


def home(request):
    """The area's address: the figures for those who read them, else the early career records the
    user may see, else their own development (the same first page the navigation opens)."""
    require(request, "people_development.view_area")
    if request.user.has_perm("people_development.view_dashboard"):
        return redirect("people_development:dashboard")
    if request.user.has_perm("people_development.view_early_careers"):
        return redirect("people_development:record_list")
    return redirect("people_development:own")


def dashboard(request):
    require(request, "people_development.view_dashboard")
    form = YearForm(request.GET or None, initial={"year": financial_year_of(timezone.localdate())})
    year = form.cleaned_data["year"] if form.is_valid() else financial_year_of(timezone.localdate())
    period = Period.financial_year(year)
    shown = figures.figures_for(period=period)
    by_year = figures.progressed_by_year(years=range(period.end.year - PROGRESSION_YEARS, period.end.year))
    unsuppressed = request.user.has_perm("people_development.view_unsuppressed_figures")
    if not unsuppressed:
        shown = figures.figures_suppressed(shown)
        by_year = figures.counts_suppressed(by_year)
    return render(
        request,
        "people_development/dashboard.html",
        {
            "form": form,
            "period": period,
            "rows": presenters.dashboard_rows(shown),
            "route_rows": presenters.route_rows(shown["placements_by_route"]),
            "chart": presenters.progression_chart(by_year),
            "unsuppressed": unsuppressed,
        },
    )


def placement_list(request):
    require(request, "people_development.view_placements")
    return table_page(
        request,
        title="Student placements",
        related=related(PLACEMENT_PAGES, "people_development:placement_list"),
        head=presenters.PLACEMENT_HEAD,
        rows=presenters.placement_rows(selectors.placement_list()),
        add=("Record a placement", reverse("people_development:placement_add"))
        if request.user.has_perm("people_development.change_placements")
        else None,
        empty="No placements have been recorded.",
        import_link=_import_link(request, "placements", "Import past placements from a spreadsheet"),
    )


def placement_edit(request, pk=None):
    require(request, "people_development.change_placements")
    placement = get_object_or_404(Placement, pk=pk) if pk else None
    form = PlacementForm(_post(request), instance=placement)
    if request.method == "POST" and form.is_valid():
        saved = services.placement_save(placement=placement, changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"The placement of {saved.student_reference} has been saved")
        return redirect("people_development:placement_list")
    return form_page(
        request,
        form,
        title=f"Placement of {placement.student_reference}" if placement else "Record a placement",
        button="Save placement",
        back=reverse("people_development:placement_list"),
    )


def income_list(request):
    require(request, "people_development.view_placements")
    form = PlacementIncomeForm(_post(request), initial={"academic_year": academic_year_of_today()})
    if request.method == "POST":
        require(request, "people_development.change_placements")
        if form.is_valid():
            income = services.placement_income_save(changed_by=request.user, **form.cleaned_data)
            messages.success(request, f"Placement income for {year_label(income.academic_year)} has been saved")
            return redirect("people_development:income_list")
    return table_page(
        request,
        title="Placement income",
        related=related(PLACEMENT_PAGES, "people_development:income_list"),
        head=["Academic year", "Income", "Status"],
        rows=presenters.income_rows(selectors.placement_income_list()),
        empty="No placement income has been recorded.",
        form=form,
        form_title="Record income for a year",
        button="Save income",
        can_change=request.user.has_perm("people_development.change_placements"),
    )


def educator_list(request):
    require(request, "people_development.view_placements")
    this_year = academic_year_of_today()
    return table_page(
        request,
        title="Practice educators",
        related=related(PLACEMENT_PAGES, "people_development:educator_list"),
        intro=f"Students supported in {year_label(this_year)}.",
        head=presenters.EDUCATOR_HEAD,
        rows=presenters.educator_rows(selectors.practice_educator_list(academic_year=this_year)),
        add=("Add a practice educator", reverse("people_development:educator_add"))
        if request.user.has_perm("people_development.change_placements")
        else None,
        empty="No practice educators have been recorded.",
    )


def academic_year_of_today():
    return academic_year_of(timezone.localdate())


def educator_edit(request, pk=None):
    require(request, "people_development.change_placements")
    educator = get_object_or_404(PracticeEducator, pk=pk) if pk else None
    form = PracticeEducatorForm(_post(request), instance=educator)
    if request.method == "POST" and form.is_valid():
        saved = services.practice_educator_save(educator=educator, changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"{saved.staff_member.full_name} has been saved as a practice educator")
        return redirect("people_development:educator_list")
    return form_page(
        request,
        form,
        title="Practice educator" if educator else "Add a practice educator",
        button="Save practice educator",
        back=reverse("people_development:educator_list"),
    )


def cohort_list(request):
    require(request, "people_development.view_placements")
    return table_page(
        request,
        title="Sponsored routes and cohorts",
        related=related(PLACEMENT_PAGES, "people_development:cohort_list"),
        head=presenters.COHORT_HEAD,
        rows=presenters.cohort_rows(selectors.cohort_list()),
        add=("Add a cohort", reverse("people_development:cohort_add"))
        if request.user.has_perm("people_development.change_placements")
        else None,
        empty="No cohorts have been recorded.",
    )


def cohort_add(request):
    require(request, "people_development.change_placements")
    form = CohortForm(_post(request))
    if request.method == "POST" and form.is_valid():
        cohort = services.cohort_save(changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"{cohort.name} has been added")
        return redirect("people_development:cohort_detail", pk=cohort.pk)
    return form_page(
        request, form, title="Add a cohort", button="Save cohort", back=reverse("people_development:cohort_list")
    )


def cohort_detail(request, pk):
    require(request, "people_development.view_placements")
    cohort = get_object_or_404(SponsoredCohort, pk=pk)
    form = ParticipantForm(_post(request), cohort=cohort)
    if request.method == "POST":
        require(request, "people_development.change_placements")
        if form.is_valid():
            services.participant_save(cohort=cohort, changed_by=request.user, **form.cleaned_data)
            messages.success(request, "The participant has been added")
            return redirect("people_development:cohort_detail", pk=cohort.pk)
    return render(
        request,
        "people_development/cohort_detail.html",
        {"cohort": cohort, "participants": selectors.cohort_participants(cohort), "form": form},
    )
