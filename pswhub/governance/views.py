from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as django_render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pswhub.core.periods import financial_year_of, year_label
from pswhub.core.views import require

from . import selectors, services
from .forms import (
    ActionForm,
    ActionUpdateForm,
    FindingForm,
    FindingResponseForm,
    MeetingForm,
    PeerReviewForm,
    PriorityForm,
    PriorityUpdateForm,
    WorkPlanYearForm,
)
from .models import (
    CommitteeAction,
    CommitteeMeeting,
    PeerReview,
    PeerReviewFinding,
    Priority,
)
from .presenters import Present


def render(request, template, context):
    return django_render(request, template, {"present": Present, "today": timezone.localdate(), **context})


def _post(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, *, title, button, back, caption=""):
    return render(
        request,
        "form_page.html",
        {"form": form, "title": title, "button": button, "back": back, "caption": caption},
    )


def dashboard(request):
    require(request, "governance.view_work_plan")
    today = timezone.localdate()
    years = selectors.work_plan_years()
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else financial_year_of(today)
    return render(
        request,
        "governance/dashboard.html",
        {
            "year": year,
            "year_label": year_label(year),
            "year_form": WorkPlanYearForm(
                initial={"year": year},
                years=[(option, year_label(option)) for option in sorted(set(years) | {year}, reverse=True)],
            ),
            "rows": selectors.priority_rows(year_start=year, on=today),
            "counts": selectors.priority_rag_counts(year_start=year, on=today),
            "overdue": selectors.actions_overdue(today=today).count(),
            "outstanding": selectors.action_list(outstanding_only=True).count(),
            "meetings": selectors.meeting_list()[:5],
            "reviews": selectors.peer_review_list()[:5],
        },
    )


def priority_detail(request, pk):
    require(request, "governance.view_work_plan")
    priority = get_object_or_404(Priority.objects.select_related("owner", "carried_from"), pk=pk)
    form = PriorityUpdateForm(_post(request), initial={"as_at": timezone.localdate()})
    if request.method == "POST":
        require(request, "governance.change_work_plan")
        if form.is_valid():
            services.priority_update_add(user=request.user, priority=priority, **form.cleaned_data)
            messages.success(request, "The progress update has been added")
            return redirect("governance:priority_detail", pk=priority.pk)
    return render(
        request,
        "governance/priority_detail.html",
        {
            "priority": priority,
            "updates": priority.updates.select_related("created_by"),
            "form": form,
            "carried_to": Priority.objects.filter(carried_from=priority).first(),
        },
    )


def priority_create(request):
    return _priority_form(request, priority=None)


def priority_edit(request, pk):
    return _priority_form(request, priority=get_object_or_404(Priority, pk=pk))


def _priority_form(request, *, priority):
    require(request, "governance.change_work_plan")
    initial = {} if priority else {"year_start": request.GET.get("year") or financial_year_of(timezone.localdate())}
    form = PriorityForm(_post(request), instance=priority, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = services.priority_save(user=request.user, priority=priority, **form.cleaned_data)
        messages.success(request, f"“{saved.title}” has been saved")
        return redirect("governance:priority_detail", pk=saved.pk)
    back = reverse("governance:priority_detail", args=[priority.pk]) if priority else reverse("governance:dashboard")
    return _form_page(
        request,
        form,
        title=f"Change “{priority.title}”" if priority else "Add a priority",
        button="Save priority",
        back=back,
        caption="Work plan",
    )


@require_POST
def priority_carry_forward(request, pk):
    require(request, "governance.change_work_plan")
    priority = get_object_or_404(Priority, pk=pk)
    try:
        carried = services.priority_carry_forward(user=request.user, priority=priority)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect("governance:priority_detail", pk=priority.pk)
    messages.success(request, f"“{carried.title}” has been carried into {carried.year_label}")
    return redirect("governance:priority_detail", pk=carried.pk)


def meeting_list(request):
    require(request, "governance.view_committees")
    return render(request, "governance/meeting_list.html", {"meetings": selectors.meeting_list()})


def meeting_create(request):
    require(request, "governance.change_committees")
    form = MeetingForm(_post(request))
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_save(user=request.user, **form.cleaned_data)
        messages.success(request, "The meeting has been added. Now add the actions it set")
        return redirect("governance:meeting_detail", pk=meeting.pk)
    return _form_page(
        request,
        form,
        title="Add a committee meeting",
        button="Save meeting",
        back=reverse("governance:meeting_list"),
        caption="Committees",
    )


def meeting_detail(request, pk):
    require(request, "governance.view_committees")
    meeting = get_object_or_404(CommitteeMeeting, pk=pk)
    form = ActionForm(_post(request), meeting=meeting)
    if request.method == "POST":
        require(request, "governance.change_committees")
        if form.is_valid():
            services.action_create(user=request.user, meeting=meeting, **form.cleaned_data)
            messages.success(request, "The action has been added")
            return redirect("governance:meeting_detail", pk=meeting.pk)
    actions = meeting.actions.select_related("owner").order_by("due_on", "pk")
    return render(request, "governance/meeting_detail.html", {"meeting": meeting, "actions": actions, "form": form})


def action_list(request):
    require(request, "governance.view_action_list")
    actions = CommitteeAction.objects.visible_to(request.user).select_related("meeting", "owner")
    show_done = request.GET.get("done") == "1"
    if not show_done:
        actions = actions.outstanding()
    return render(
        request,
        "governance/action_list.html",
        {"actions": actions.order_by("due_on", "pk"), "show_done": show_done, "today": timezone.localdate()},
    )


def action_detail(request, pk):
    action = get_object_or_404(
        CommitteeAction.objects.visible_to(request.user).select_related("meeting", "owner"), pk=pk
    )
    require(request, "governance.view_action", action)
    form = ActionUpdateForm(_post(request), initial={"status": action.status})
    if request.method == "POST":
        require(request, "governance.update_action", action)
        if form.is_valid():
            services.action_update_add(user=request.user, action=action, **form.cleaned_data)
            messages.success(request, "The update has been added")
            return redirect("governance:action_detail", pk=action.pk)
    return render(
        request,
        "governance/action_detail.html",
        {
            "action": action,
            "updates": action.updates.select_related("created_by"),
            "form": form,
            "today": timezone.localdate(),
        },
    )


def peer_review_list(request):
    require(request, "governance.view_peer_reviews")
    return render(request, "governance/peer_review_list.html", {"reviews": selectors.peer_review_list()})


def peer_review_create(request):
    require(request, "governance.change_peer_reviews")
    form = PeerReviewForm(_post(request))
    if request.method == "POST" and form.is_valid():
        review = services.peer_review_save(user=request.user, **form.cleaned_data)
        messages.success(request, "The peer review has been added. Now add its findings")
        return redirect("governance:peer_review_detail", pk=review.pk)
    return _form_page(
        request,
        form,
        title="Add a peer review",
        button="Save peer review",
        back=reverse("governance:peer_review_list"),
        caption="Peer reviews",
    )


def peer_review_detail(request, pk):
    require(request, "governance.view_peer_reviews")
    review = get_object_or_404(PeerReview, pk=pk)
    form = FindingForm(_post(request))
    if request.method == "POST":
        require(request, "governance.change_peer_reviews")
        if form.is_valid():
            services.finding_add(user=request.user, review=review, **form.cleaned_data)
            messages.success(request, "The finding has been added")
            return redirect("governance:peer_review_detail", pk=review.pk)
    return render(
        request,
        "governance/peer_review_detail.html",
        {"review": review, "findings": review.findings.all(), "form": form},
    )


def finding_respond(request, pk):
    require(request, "governance.change_peer_reviews")
    finding = get_object_or_404(PeerReviewFinding.objects.select_related("review"), pk=pk)
    form = FindingResponseForm(_post(request), initial={"response": finding.response})
    if request.method == "POST" and form.is_valid():
        services.finding_respond(user=request.user, finding=finding, **form.cleaned_data)
        messages.success(request, "The response has been saved")
        return redirect("governance:peer_review_detail", pk=finding.review_id)
    return _form_page(
        request,
        form,
        title="Respond to a finding",
        button="Save response",
        back=reverse("governance:peer_review_detail", args=[finding.review_id]),
        caption=finding.finding[:120],
    )
