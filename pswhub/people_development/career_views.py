"""Pages for early career programmes, reviews, progression panels and the worker's own view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.views import require

from . import presenters, selectors, services
from .forms import (
    AccreditationForm,
    ApplicationForm,
    DecisionForm,
    EarlyCareerRecordForm,
    PanelForm,
    PauseForm,
    ReviewForm,
)
from .models import EarlyCareerRecord, ProgressionApplication, ProgressionPanel, Review
from .views import PROGRESSION_PAGES, _import_link, _post, form_page, related, render, table_page


def record_list(request):
    require(request, "people_development.view_early_careers")
    show_all = request.GET.get("show") == "all"
    return table_page(
        request,
        title="Early career programmes",
        intro="Every record, ended ones included." if show_all else "Workers on a programme now.",
        head=presenters.RECORD_HEAD,
        rows=presenters.record_rows(selectors.early_career_list(request.user, open_only=not show_all)),
        add=("Start a programme record", reverse("people_development:record_add"))
        if request.user.has_perm("people_development.change_early_careers")
        else None,
        empty="No records to show.",
        import_link=_import_link(request, "early_careers", "Import past early career records from a spreadsheet"),
    )


def _visible_record(request, pk):
    record = get_object_or_404(EarlyCareerRecord.objects.visible_to(request.user), pk=pk)
    require(request, "people_development.view_early_career_record", record)
    return record


def record_detail(request, pk):
    record = _visible_record(request, pk)
    return render(
        request,
        "people_development/record_detail.html",
        {
            "record": record,
            "reviews": selectors.record_reviews(record),
            "pauses": record.pauses.all(),
            "pause_form": PauseForm(),
            "can_review": request.user.has_perm("people_development.record_review", record),
            "can_change": request.user.has_perm("people_development.change_early_careers"),
        },
    )


def record_edit(request, pk=None):
    require(request, "people_development.change_early_careers")
    record = _visible_record(request, pk) if pk else None
    form = EarlyCareerRecordForm(_post(request), instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.early_career_record_save(record=record, changed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The programme record of {saved.staff_member.full_name} has been saved")
            return redirect("people_development:record_detail", pk=saved.pk)
    return form_page(
        request,
        form,
        title=f"Programme record of {record.staff_member.full_name}" if record else "Start a programme record",
        button="Save record",
        back=reverse("people_development:record_detail", args=[record.pk])
        if record
        else reverse("people_development:record_list"),
    )


@require_POST
def pause_add(request, pk):
    record = _visible_record(request, pk)
    require(request, "people_development.change_early_careers")
    form = PauseForm(request.POST)
    if form.is_valid():
        services.programme_pause_add(record=record, changed_by=request.user, **form.cleaned_data)
        messages.success(request, "The pause has been added; later reviews have moved on")
    else:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    return redirect("people_development:record_detail", pk=record.pk)


def review_edit(request, pk):
    review = get_object_or_404(Review.objects.select_related("record__staff_member"), pk=pk)
    record = _visible_record(request, review.record_id)
    require(request, "people_development.record_review", record)
    form = ReviewForm(
        _post(request),
        initial={"held_on": review.held_on, "progress": review.progress, "notes": review.notes},
    )
    if request.method == "POST" and form.is_valid():
        services.review_record(review=review, changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"The {presenters.review_name(review).lower()} has been recorded")
        return redirect("people_development:record_detail", pk=record.pk)
    return form_page(
        request,
        form,
        title=f"{presenters.review_name(review)} of {record.staff_member.full_name}",
        caption=record.programme.name,
        button="Save review",
        back=reverse("people_development:record_detail", args=[record.pk]),
    )


def panel_list(request):
    require(request, "people_development.view_progression")
    return table_page(
        request,
        title="Career progression panels",
        related=related(PROGRESSION_PAGES, "people_development:panel_list"),
        head=presenters.PANEL_HEAD,
        rows=presenters.panel_rows(selectors.panel_list()),
        add=("Add a panel", reverse("people_development:panel_add"))
        if request.user.has_perm("people_development.change_progression")
        else None,
        empty="No panels have been recorded.",
        import_link=_import_link(request, "progression", "Import past progression applications from a spreadsheet"),
    )


def panel_add(request):
    require(request, "people_development.change_progression")
    form = PanelForm(_post(request))
    if request.method == "POST" and form.is_valid():
        panel = services.progression_panel_save(changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"{panel} has been added")
        return redirect("people_development:panel_detail", pk=panel.pk)
    return form_page(
        request, form, title="Add a panel", button="Save panel", back=reverse("people_development:panel_list")
    )


def panel_detail(request, pk):
    require(request, "people_development.view_progression")
    panel = get_object_or_404(ProgressionPanel, pk=pk)
    applications = selectors.panel_applications(panel).filter(
        pk__in=ProgressionApplication.objects.visible_to(request.user)
    )
    return render(
        request,
        "people_development/panel_detail.html",
        {
            "panel": panel,
            "applications": applications,
            "can_decide": request.user.has_perm("people_development.change_progression"),
        },
    )


def application_add(request):
    require(request, "people_development.change_progression")
    form = ApplicationForm(_post(request), initial={"panel": request.GET.get("panel")})
    if request.method == "POST" and form.is_valid():
        application = services.progression_application_save(changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"The application of {application.staff_member.full_name} has been added")
        if application.panel_id:
            return redirect("people_development:panel_detail", pk=application.panel_id)
        return redirect("people_development:panel_list")
    return form_page(
        request,
        form,
        title="Add a progression application",
        button="Save application",
        back=reverse("people_development:panel_list"),
    )


def application_decide(request, pk):
    require(request, "people_development.change_progression")
    application = get_object_or_404(ProgressionApplication.objects.select_related("staff_member", "panel"), pk=pk)
    form = DecisionForm(_post(request), initial={"outcome": application.outcome})
    if request.method == "POST" and form.is_valid():
        try:
            services.progression_decision_record(
                application=application, outcome=form.cleaned_data["outcome"], changed_by=request.user
            )
        except ValueError as error:
            form.add_error("outcome", str(error))
        else:
            messages.success(
                request, f"The panel's decision for {application.staff_member.full_name} has been recorded"
            )
            return redirect("people_development:panel_detail", pk=application.panel_id)
    back = application.panel_id and reverse("people_development:panel_detail", args=[application.panel_id])
    return form_page(
        request,
        form,
        title=f"Decision for {application.staff_member.full_name}",
        caption=f"{application.from_level} to {application.to_level}",
        button="Save decision",
        back=back or reverse("people_development:panel_list"),
    )


def accreditation_list(request):
    require(request, "people_development.view_progression")
    form = AccreditationForm(_post(request))
    if request.method == "POST":
        require(request, "people_development.change_progression")
        if form.is_valid():
            services.accreditation_result_save(changed_by=request.user, **form.cleaned_data)
            messages.success(request, "The accreditation result has been saved")
            return redirect("people_development:accreditation_list")
    return table_page(
        request,
        title="National accreditation",
        related=related(PROGRESSION_PAGES, "people_development:accreditation_list"),
        head=["Social worker", "Date assessed", "Result"],
        rows=presenters.accreditation_rows(selectors.accreditation_results(request.user)),
        empty="No accreditation results have been recorded.",
        form=form,
        form_title="Record a result",
        button="Save result",
        can_change=request.user.has_perm("people_development.change_progression"),
    )


def own(request):
    """The worker's own view: their programmes, reviews and progression history."""
    require(request, "people_development.view_own")
    staff = request.user.staff_member
    records = list(selectors.own_records(staff))
    return render(
        request,
        "people_development/own.html",
        {
            "records": [(record, selectors.record_reviews(record)) for record in records],
            "applications": selectors.own_applications(staff),
            "today": timezone.localdate(),
        },
    )
