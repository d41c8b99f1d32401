from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.models import StaffMember, Team
from pswhub.core.periods import Period, financial_year_of
from pswhub.core.views import require

from . import reference, selectors, services, supervision
from .forms import BookingForm, EventForm, NewlyQualifiedForm, SupervisionSessionForm, TopicForm, YearForm
from .models import Booking, LearningEvent, NewlyQualifiedStart
from .presenters import Present, bookings_chart, compliance_chart, events_by_kind_chart


def render(request, template, context):
    return django_render(request, template, {"present": Present, "today": timezone.localdate(), **context})


def _post(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, *, title, button, back, caption=""):
    return render(
        request, "form_page.html", {"form": form, "title": title, "button": button, "back": back, "caption": caption}
    )


def _period(request):
    year = request.GET.get("year", "")
    today = timezone.localdate()
    return Period.financial_year(
        int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else financial_year_of(today)
    )


def home(request):
    require(request, "learning.view_figures")
    period = _period(request)
    figures = selectors.learning_figures(start=period.start, end=period.end)
    return render(
        request,
        "learning/home.html",
        {
            "period": period,
            "year_form": YearForm(initial={"year": period.start.year}),
            "figures": figures,
            "kinds_chart": events_by_kind_chart(figures, period),
            "bookings_chart": bookings_chart(selectors.bookings_by_kind(start=period.start, end=period.end), period)
            if figures["events_held"]
            else None,
            "kinds": reference.EVENT_KINDS,
        },
    )


def event_list(request):
    require(request, "learning.view_catalogue")
    topic = request.GET.get("topic", "").strip()[:100]
    kind = request.GET.get("kind", "")
    kind = kind if kind in reference.EVENT_KIND_CODES else ""
    return render(
        request,
        "learning/event_list.html",
        {
            "topic": topic,
            "kind": kind,
            "kinds": reference.EVENT_KINDS,
            "planned": selectors.event_list(topic=topic, kind=kind, upcoming=True),
            "past": selectors.event_list(topic=topic, kind=kind).filter(held_on__lte=timezone.localdate())[:200],
            "topics": selectors.topic_list(),
        },
    )


def event_detail(request, pk):
    require(request, "learning.view_catalogue")
    event = get_object_or_404(selectors.events_with_counts().prefetch_related("topics"), pk=pk)
    form = BookingForm(_post(request), user=request.user)
    if request.method == "POST":
        require(request, "learning.change_learning")
        if form.is_valid():
            services.booking_save(user=request.user, event=event, **form.cleaned_data)
            messages.success(request, f"{form.cleaned_data['staff_member']} has been added")
            return redirect("learning:event_detail", pk=event.pk)
    return render(
        request,
        "learning/event_detail.html",
        {
            "event": event,
            "booked": selectors.event_booked(event),
            "attended": selectors.event_attended(event),
            "bookings": selectors.event_bookings(event=event, user=request.user),
            "form": form,
        },
    )


def event_create(request):
    return _event_form(request, event=None)


def event_edit(request, pk):
    return _event_form(request, event=get_object_or_404(LearningEvent, pk=pk))


def _event_form(request, *, event):
    require(request, "learning.change_learning")
    initial = {}
    if event is not None:
        initial = {name: getattr(event, name) for name in EventForm.base_fields if name != "topics"}
        initial["topics"] = list(event.topics.values_list("pk", flat=True))
    form = EventForm(_post(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.event_save(user=request.user, event=event, **form.cleaned_data)
        messages.success(request, f"“{saved.title}” has been saved")
        return redirect("learning:event_detail", pk=saved.pk)
    back = reverse("learning:event_detail", args=[event.pk]) if event else reverse("learning:event_list")
    return _form_page(
        request,
        form,
        title=f"Change “{event.title}”" if event else "Add a learning event",
        button="Save event",
        back=back,
        caption="Learning and development",
    )


@require_POST
def booking_remove(request, pk):
    require(request, "learning.change_learning")
    booking = get_object_or_404(Booking, pk=pk)
    services.booking_remove(user=request.user, booking=booking)
    messages.success(request, f"{booking.staff_member} has been removed")
    return redirect("learning:event_detail", pk=booking.event_id)


def themes(request):
    require(request, "learning.view_themes")
    period = _period(request)
    return render(
        request,
        "learning/themes.html",
        {
            "period": period,
            "year_form": YearForm(initial={"year": period.start.year}),
            "rows": selectors.themes_against_learning(start=period.start, end=period.end),
        },
    )


def topics(request):
    require(request, "learning.view_catalogue")
    form = TopicForm(_post(request), themes=selectors.theme_choices())
    if request.method == "POST":
        require(request, "learning.change_learning")
        if form.is_valid():
            from django.utils.text import slugify

            services.topic_save(user=request.user, code=slugify(form.cleaned_data["name"])[:60], **form.cleaned_data)
            messages.success(request, "The topic has been added")
            return redirect("learning:topics")
    return render(
        request,
        "learning/topics.html",
        {"topics": selectors.topic_list(), "form": form, "themes": dict(selectors.theme_choices())},
    )


def supervision_overview(request):
    require(request, "learning.view_supervision")
    today = timezone.localdate()
    team_ids = list(Team.objects.visible_to(request.user).values_list("pk", flat=True))
    since = Period.financial_year(financial_year_of(today) - 1).start
    trend = supervision.compliance_over_time(start=since, end=today, team_ids=team_ids)
    return render(
        request,
        "learning/supervision.html",
        {
            "policy": supervision.policy_current(),
            "by_team": supervision.compliance_by_team(on=today, team_ids=team_ids),
            "overall": supervision.supervision_compliance(on=today, team_ids=team_ids),
            "trend_chart": compliance_chart(trend),
            "overdue": supervision.overdue_workers(on=today, team_ids=team_ids),
        },
    )


def staff_learning(request, pk):
    member = get_object_or_404(StaffMember.objects.visible_to(request.user).select_related("team"), pk=pk)
    require(request, "learning.view_staff_learning", member)
    return render(request, "learning/staff.html", _staff_context(member))


def own_learning(request):
    member = getattr(request.user, "staff_member", None)
    if member is None:
        return render(request, "learning/staff.html", {"member": None})
    return render(request, "learning/staff.html", {**_staff_context(member), "own": True})


def _staff_context(member):
    today = timezone.localdate()
    policy = supervision.policy_current()
    start = NewlyQualifiedStart.objects.filter(staff_member=member).first()
    sessions = supervision.sessions_of(staff_member=member)
    counting = supervision.counting_sessions(policy).filter(staff_member=member, held_on__lte=today).first()
    return {
        "member": member,
        "policy": policy,
        "newly_qualified": start,
        "sessions": sessions[:50],
        "standing": supervision.worker_standing(
            policy,
            staff_member=member,
            last_session=counting.held_on if counting else None,
            newly_qualified_from=start.started_on if start else None,
            on=today,
        ),
        "attended": selectors.learning_attended_by(staff_member=member)[:100],
        "booked": selectors.learning_booked_by(staff_member=member),
    }


def supervision_record(request, pk):
    member = get_object_or_404(StaffMember.objects.visible_to(request.user), pk=pk)
    require(request, "learning.record_supervision", member)
    form = SupervisionSessionForm(_post(request), user=request.user, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.supervision_session_record(user=request.user, staff_member=member, **form.cleaned_data)
        except ValueError as error:
            form.add_error("supervisor", str(error))
        else:
            messages.success(request, "The supervision session has been recorded")
            return redirect("learning:staff", pk=member.pk)
    return _form_page(
        request,
        form,
        title="Record a supervision session",
        button="Save session",
        back=reverse("learning:staff", args=[member.pk]),
        caption=member.full_name,
    )


def newly_qualified(request, pk):
    member = get_object_or_404(StaffMember.objects.visible_to(request.user), pk=pk)
    require(request, "learning.record_supervision", member)
    current = NewlyQualifiedStart.objects.filter(staff_member=member).first()
    form = NewlyQualifiedForm(_post(request), initial={"started_on": current.started_on if current else None})
    if request.method == "POST" and form.is_valid():
        services.newly_qualified_start_save(user=request.user, staff_member=member, **form.cleaned_data)
        messages.success(request, "Saved")
        return redirect("learning:staff", pk=member.pk)
    return _form_page(
        request,
        form,
        title="Newly qualified start",
        button="Save",
        back=reverse("learning:staff", args=[member.pk]),
        caption=member.full_name,
    )
