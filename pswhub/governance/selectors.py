"""Reads for the work plan, committee actions and peer reviews: every figure the pages and the
annual report show comes from here.

Figures for a period are stated as at the period's last day: a priority's RAG status is that of
its latest update dated on or before that day; an action's status is that of its latest update
made on or before that day (open if none), so a report for a past year never changes because of
work done since."""

from datetime import timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from .models import (
    OPEN_STATUSES,
    ActionStatus,
    CommitteeAction,
    CommitteeMeeting,
    PeerReview,
    Priority,
    PriorityUpdate,
    Rag,
    ServiceScope,
)

NO_UPDATE = "none"
RAG_ORDER = [Rag.GREEN, Rag.AMBER, Rag.RED, NO_UPDATE]
RAG_WORDS = {Rag.GREEN: "Green", Rag.AMBER: "Amber", Rag.RED: "Red", NO_UPDATE: "No update"}


def _scope(services):
    """Items for children's services include those for both services, and so on."""
    if services in (None, "", ServiceScope.ALL):
        return Q()
    return Q(service__in=[services, ServiceScope.ALL])


def work_plan_years():
    years = set(Priority.objects.values_list("year_start", flat=True).distinct())
    return sorted(years, reverse=True)


def priority_list(*, year_start, services=None):
    return (
        Priority.objects.filter(_scope(services), year_start=year_start)
        .select_related("owner", "carried_from")
        .prefetch_related(Prefetch("updates", queryset=PriorityUpdate.objects.order_by("-as_at", "-created_at")))
        .order_by("order", "title")
    )


def priority_latest_update(priority, *, on=None):
    """The latest update dated on or before `on` (any date when `on` is None). Uses prefetched
    updates, newest first."""
    for update in priority.updates.all():
        if on is None or update.as_at <= on:
            return update
    return None


def priority_rag_counts(*, year_start, on, services=None):
    """How many of a year's priorities stood at each RAG status on a date: {green, amber, red,
    none, total}."""
    counts = dict.fromkeys(RAG_ORDER, 0)
    for priority in priority_list(year_start=year_start, services=services):
        latest = priority_latest_update(priority, on=on)
        counts[latest.rag if latest else NO_UPDATE] += 1
    counts["total"] = sum(counts[key] for key in RAG_ORDER)
    return counts


def priority_rows(*, year_start, on, services=None):
    """Each priority of a year with its RAG status and latest narrative on a date."""
    rows = []
    for priority in priority_list(year_start=year_start, services=services):
        latest = priority_latest_update(priority, on=on)
        rows.append({"priority": priority, "update": latest, "rag": latest.rag if latest else NO_UPDATE})
    return rows


def meeting_list():
    return CommitteeMeeting.objects.annotate(
        action_count=Count("actions"), outstanding_count=Count("actions", filter=Q(actions__status__in=OPEN_STATUSES))
    ).order_by("-held_on")


def action_list(*, outstanding_only=False):
    actions = CommitteeAction.objects.select_related("meeting", "owner").order_by("due_on", "pk")
    return actions.outstanding() if outstanding_only else actions


def actions_overdue(*, today):
    return CommitteeAction.objects.overdue(today)


def actions_owned_by(*, user):
    return CommitteeAction.objects.outstanding().filter(owner=user).select_related("meeting")


def actions_needing_reminder(*, today, within_days, every_days=7):
    """Outstanding actions with an owner who has an e-mail address, due within `within_days` or
    overdue, not reminded in the last `every_days` days."""
    recent = today - timedelta(days=every_days - 1)
    return (
        CommitteeAction.objects.outstanding()
        .filter(owner__isnull=False, owner__is_active=True, due_on__lte=today + timedelta(days=within_days))
        .exclude(owner__email="")
        .exclude(last_reminded_on__gte=recent)
        .select_related("owner", "meeting")
        .order_by("owner_id", "due_on")
    )


def action_status_on(action, on):
    """An action's status on a date, from its updates (prefetched, newest first)."""
    for update in action.updates.all():
        if timezone.localtime(update.created_at).date() <= on:
            return update.status
    return ActionStatus.OPEN


def actions_set_in(*, start, end, services=None):
    meetings = Q(meeting__held_on__gte=start, meeting__held_on__lte=end)
    if services not in (None, "", ServiceScope.ALL):
        meetings &= Q(meeting__service__in=[services, ServiceScope.ALL])
    return (
        CommitteeAction.objects.filter(meetings)
        .select_related("meeting")
        .prefetch_related("updates")
        .order_by("meeting__held_on", "due_on", "pk")
    )


def committee_action_counts(*, start, end, services=None):
    """Actions set by committees meeting from `start` to `end`, by where they stood on `end`:
    {done, outstanding, overdue, dropped, total}. Overdue actions are outstanding actions past their
    due date on `end`; they are counted in `outstanding` too."""
    counts = {"done": 0, "outstanding": 0, "overdue": 0, "dropped": 0, "total": 0}
    for action in actions_set_in(start=start, end=end, services=services):
        status = action_status_on(action, end)
        counts["total"] += 1
        if status == ActionStatus.DONE:
            counts["done"] += 1
        elif status == ActionStatus.DROPPED:
            counts["dropped"] += 1
        else:
            counts["outstanding"] += 1
            if action.due_on < end:
                counts["overdue"] += 1
    return counts


def peer_review_list():
    return PeerReview.objects.annotate(
        strengths=Count("findings", filter=Q(findings__kind="strength")),
        improvements=Count("findings", filter=Q(findings__kind="improvement")),
        awaiting_response=Count("findings", filter=Q(findings__response="")),
    ).order_by("-reviewed_on")
