"""The agency pages (docs/agency.md): the engagements a user may see, adding, changing and ending
them, the figures, and the regional price cap. Thin: reads in selectors, writes in services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from pswhub.core.periods import Period, financial_year_of
from pswhub.core.views import require

from . import presenters, selectors, services
from .forms import EngagementEndForm, EngagementForm, FiguresYearForm, PriceCapForm
from .models import Engagement

SAVED = "The engagement of {worker} has been saved"
ENDED = "The engagement of {worker} ends on {day}"
CAP_SAVED = "The price cap has been recorded"
FIELDS = ["agency", "staff_member", "worker_name", "team", "cover_reason", "starts_on", "ends_on", "fte",
          "hourly_rate", "years_qualified", "org_role"]  # fmt: skip


def _post(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, *, title, button, back, caption="Agency social workers"):
    context = {"form": form, "title": title, "button": button, "back": back, "caption": caption}
    return render(request, "form_page.html", context, status=400 if form.errors else 200)


def engagement_list(request):
    require(request, "agency.view_engagements")
    today = timezone.localdate()
    caps = list(selectors.price_caps())
    cap = selectors.cap_in_force(caps, today)
    engagements = selectors.engagements_for(request.user)
    rows = [presenters.engagement_row(engagement, caps, today) for engagement in engagements]
    context = {
        "current": [row for row in rows if row["in_force"]],
        "others": [row for row in rows if not row["in_force"]],
        "cap": cap,
        "cap_text": presenters.pounds(cap.hourly_rate, 2) if cap else "",
        "may_change": request.user.has_perm("agency.change_engagements"),
        "today": today,
    }
    return render(request, "agency/list.html", context)


def engagement_create(request):
    require(request, "agency.change_engagements")
    form = EngagementForm(_post(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in FIELDS}
        values["worker_name"] = values["worker_name"].strip()
        engagement = services.engagement_save(changed_by=request.user, **values)
        messages.success(request, SAVED.format(worker=engagement.worker))
        return redirect("agency:list")
    return _form_page(
        request, form, title="Add an agency engagement", button="Save engagement", back=reverse("agency:list")
    )


def _engagement(request, pk):
    engagement = get_object_or_404(Engagement.objects.visible_to(request.user).select_related("staff_member"), pk=pk)
    require(request, "agency.view_engagement", engagement)
    return engagement


def engagement_edit(request, pk):
    require(request, "agency.change_engagements")
    engagement = _engagement(request, pk)
    initial = {name: getattr(engagement, name) for name in FIELDS}
    form = EngagementForm(_post(request), user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in FIELDS}
        values["worker_name"] = values["worker_name"].strip()
        services.engagement_save(changed_by=request.user, engagement=engagement, **values)
        messages.success(request, SAVED.format(worker=engagement.worker))
        return redirect("agency:list")
    return _form_page(
        request, form, title=f"Change the engagement of {engagement.worker}", button="Save engagement",
        back=reverse("agency:list"),
    )  # fmt: skip


def engagement_end(request, pk):
    require(request, "agency.change_engagements")
    engagement = _engagement(request, pk)
    if engagement.ends_on is not None:
        raise PermissionDenied
    form = EngagementEndForm(_post(request), engagement=engagement)
    if request.method == "POST" and form.is_valid():
        services.engagement_end(engagement=engagement, ends_on=form.cleaned_data["ends_on"], changed_by=request.user)
        messages.success(
            request, ENDED.format(worker=engagement.worker, day=presenters.govuk_date(form.cleaned_data["ends_on"]))
        )
        return redirect("agency:list")
    return _form_page(
        request, form, title=f"End the engagement of {engagement.worker}", button="End engagement",
        back=reverse("agency:list"),
    )  # fmt: skip


def figures(request):
    """The council's agency figures for a financial year: at its end (or today, in the current
    year) and the spend over it (to date). Councillors see them with disclosure control."""
    require(request, "agency.view_figures")
    today = timezone.localdate()
    this_year = financial_year_of(today)
    years = list(range(this_year, this_year - 5, -1))
    form = FiguresYearForm(request.GET or None, years=years)
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else this_year
    whole_year = Period.financial_year(year)
    on = selectors.figures_day(today, whole_year)
    period = Period(whole_year.start, on)
    shown = selectors.agency_figures(engagements=Engagement.objects.all(), on=on, period=period)
    if not request.user.has_perm("agency.view_unsuppressed_figures"):
        shown = selectors.agency_figures_suppressed(shown)
    context = {
        "form": form if form.is_bound else FiguresYearForm(initial={"year": year}, years=years),
        "rows": presenters.figure_rows(shown),
        "reason_rows": presenters.reason_rows(shown),
        "year_label": whole_year.label,
        "on": on,
        "suppressed": not request.user.has_perm("agency.view_unsuppressed_figures"),
    }
    return render(request, "agency/figures.html", context)


def price_cap(request):
    require(request, "agency.set_price_cap")
    form = PriceCapForm(_post(request))
    if request.method == "POST" and form.is_valid():
        services.price_cap_save(changed_by=request.user, **form.cleaned_data)
        messages.success(request, CAP_SAVED)
        return redirect("agency:price_cap")
    caps = [(presenters.pounds(cap.hourly_rate, 2), presenters.govuk_date(cap.starts_on), cap.note)
            for cap in selectors.price_caps()]  # fmt: skip
    return render(request, "agency/price_cap.html", {"form": form, "caps": caps}, status=400 if form.errors else 200)
