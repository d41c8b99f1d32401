"""Reads for learning and development: every figure the pages, the `learning_figures` command and
the annual report show is computed here, once (definitions in docs/learning.md and
docs/figures.md). Supervision's reads are in `supervision.py`.

An event is held in a period when its date falls in the period and is not after today: later
events are planned. An event's bookings and attendance are the organiser's counts when recorded
(they include people not named); otherwise the named bookings, when any are recorded; otherwise
not known. Totals leave unknown events out, and are unknown only when every event is."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from pswhub.audits import selectors as audit_selectors
from pswhub.core.figures import total

from . import reference
from .models import Booking, LearningEvent, Topic


def event_booked(event):
    """The places booked on an event: its count, else its named bookings, else None. Reads the
    annotations `named_bookings` and `named_attended` when present."""
    if event.booked_count is not None:
        return event.booked_count
    named = _named(event, "named_bookings", Q())
    return named or None


def event_attended(event):
    """The people who attended an event: its count, else its named attendees (when any booking is
    recorded), else None."""
    if event.attended_count is not None:
        return event.attended_count
    if not _named(event, "named_bookings", Q()):
        return None
    return _named(event, "named_attended", Q(attended=True))


def _named(event, annotation, condition):
    if hasattr(event, annotation):
        return getattr(event, annotation)
    return event.bookings.filter(condition).count()


def events_with_counts():
    return LearningEvent.objects.annotate(
        named_bookings=Count("bookings", distinct=True),
        named_attended=Count("bookings", filter=Q(bookings__attended=True), distinct=True),
    )


def events_held(*, start, end, today=None, services=None):
    """Events held in a period (see above). `services` children or adults keeps that service's
    events and the joint ones."""
    today = today or timezone.localdate()
    events = events_with_counts().filter(held_on__gte=start, held_on__lte=min(end, today))
    if services in ("children", "adults"):
        events = events.filter(service__in=[services, reference.JOINT])
    return events.order_by("held_on", "title")


def learning_figures(*, start, end, today=None, services=None):
    """Learning held in a period: `sessions_by_kind` (every kind, with 0 for none), `events_held`,
    `booked` and `attended` (totals as above), `joint_sessions`, `schwartz_rounds`,
    `joint_schwartz_rounds` and `evaluation_score` (the mean of events' average scores weighted
    by the evaluations each returned, one decimal place half up; None when none returned)."""
    events = list(events_held(start=start, end=end, today=today, services=services))
    by_kind = dict.fromkeys(reference.EVENT_KIND_CODES, 0)
    for event in events:
        by_kind[event.kind] += 1
    rounds = [event for event in events if event.kind == reference.SCHWARTZ_ROUND]
    return {
        "sessions_by_kind": by_kind,
        "events_held": len(events),
        "booked": total(event_booked(event) for event in events),
        "attended": total(event_attended(event) for event in events),
        "joint_sessions": sum(1 for event in events if event.service == reference.JOINT),
        "schwartz_rounds": len(rounds),
        "joint_schwartz_rounds": sum(1 for event in rounds if event.service == reference.JOINT),
        "evaluation_score": evaluation_score(events),
    }


def bookings_by_kind(*, start, end, today=None, services=None):
    """Places booked and people who attended, by kind of event held in the period (as
    `learning_figures` totals them, kind by kind): [(kind code, booked, attended)] in the
    catalogue's order, for the kinds with any event held. A kind whose every event's bookings (or
    attendance) are unknown has None."""
    events = list(events_held(start=start, end=end, today=today, services=services))
    rows = []
    for code in reference.EVENT_KIND_CODES:
        of_kind = [event for event in events if event.kind == code]
        if of_kind:
            booked = total(event_booked(event) for event in of_kind)
            rows.append((code, booked, total(event_attended(event) for event in of_kind)))
    return rows


def evaluation_score(events):
    from pswhub.core.figures import round_half_up

    scored = [
        (event.evaluation_score, event.evaluation_responses)
        for event in events
        if event.evaluation_score is not None and event.evaluation_responses
    ]
    responses = sum(count for _, count in scored)
    if not responses:
        return None
    return round_half_up(sum(score * count for score, count in scored) / responses, 1)


def events_on_topic(*, text, start=None, end=None):
    """Events with a topic whose name contains `text` (case ignored: a whole topic or part of
    one), past and planned, oldest first. Empty text matches nothing."""
    text = (text or "").strip()
    if not text:
        return LearningEvent.objects.none()
    events = LearningEvent.objects.filter(topics__name__icontains=text)
    if start:
        events = events.filter(held_on__gte=start)
    if end:
        events = events.filter(held_on__lte=end)
    return (
        LearningEvent.objects.filter(pk__in=events.values("pk")).prefetch_related("topics").order_by("held_on", "title")
    )


def event_list(*, kind="", service="", topic="", upcoming=False, today=None):
    today = today or timezone.localdate()
    events = events_on_topic(text=topic) if topic else LearningEvent.objects.prefetch_related("topics")
    events = events.annotate(
        named_bookings=Count("bookings", distinct=True),
        named_attended=Count("bookings", filter=Q(bookings__attended=True), distinct=True),
    )
    if kind:
        events = events.filter(kind=kind)
    if service:
        events = events.filter(service=service)
    if upcoming:
        return events.filter(held_on__gt=today).order_by("held_on", "title")
    return events.order_by("-held_on", "title")


def event_bookings(*, event, user):
    """The named bookings of an event that the user may see (core's staff scope)."""
    return Booking.objects.visible_to(user).filter(event=event).select_related("staff_member", "staff_member__team")


def learning_attended_by(*, staff_member):
    """The events a staff member attended, newest first."""
    return (
        LearningEvent.objects.filter(bookings__staff_member=staff_member, bookings__attended=True)
        .prefetch_related("topics")
        .order_by("-held_on")
    )


def learning_booked_by(*, staff_member, today=None):
    today = today or timezone.localdate()
    return LearningEvent.objects.filter(bookings__staff_member=staff_member, held_on__gt=today).order_by("held_on")


def topic_list():
    return Topic.objects.filter(is_active=True).order_by("name")


@dataclass
class ThemeRow:
    code: str
    name: str
    audits: int
    topics: list
    events: int
    planned: int


def themes_against_learning(*, start, end, today=None):
    """For each learning theme named by audits completed in a period: the topics that answer it,
    and the events on those topics from the period's start, held (to today) and planned (after)."""
    today = today or timezone.localdate()
    found = audit_selectors.audit_theme_codes_found(date_from=start, date_to=end)
    topics = list(
        Topic.objects.filter(theme_code__in=[code for code, *_ in found]).prefetch_related(
            Prefetch("events", queryset=LearningEvent.objects.filter(held_on__gte=start).only("pk", "held_on"))
        )
    )
    rows = []
    for code, name, audits in found:
        answering = [topic for topic in topics if topic.theme_code == code]
        dates = {event.pk: event.held_on for topic in answering for event in topic.events.all()}
        rows.append(
            ThemeRow(
                code=code,
                name=name,
                audits=audits,
                topics=[topic.name for topic in answering],
                events=sum(1 for day in dates.values() if day <= today),
                planned=sum(1 for day in dates.values() if day > today),
            )
        )
    return rows


def theme_choices():
    """The audit learning themes a topic may answer: (code, name)."""
    return audit_selectors.learning_theme_choices()
