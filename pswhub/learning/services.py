"""Writes for learning and supervision. Each records who made the change."""

from django.db import transaction

from .models import Booking, LearningEvent, NewlyQualifiedStart, SupervisionSession, Topic

SUPERVISOR_IS_WORKER = "A worker cannot be their own supervisor"


def _save(obj, user):
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def event_save(*, user, event=None, topics=None, **fields):
    event = event or LearningEvent()
    for name, value in fields.items():
        setattr(event, name, value)
    _save(event, user)
    if topics is not None:
        event.topics.set(topics)
    return event


@transaction.atomic
def booking_save(*, user, event, staff_member, attended):
    """Books a named person on an event, or changes whether they attended."""
    booking = Booking.objects.filter(event=event, staff_member=staff_member).first() or Booking(
        event=event, staff_member=staff_member
    )
    booking.attended = attended
    return _save(booking, user)


@transaction.atomic
def booking_remove(*, user, booking):
    booking._history_user = user
    booking.delete()


@transaction.atomic
def supervision_session_record(*, user, staff_member, held_on, kind, minutes, supervisor=None):
    if supervisor is not None and supervisor.pk == staff_member.pk:
        raise ValueError(SUPERVISOR_IS_WORKER)
    session = SupervisionSession.objects.filter(staff_member=staff_member, held_on=held_on, kind=kind).first()
    session = session or SupervisionSession(staff_member=staff_member, held_on=held_on, kind=kind)
    session.minutes = minutes
    session.supervisor = supervisor
    session.recorded_by = user
    return _save(session, user)


@transaction.atomic
def newly_qualified_start_save(*, user, staff_member, started_on):
    """Sets (or, with no date, clears) the day a newly qualified worker started."""
    existing = NewlyQualifiedStart.objects.filter(staff_member=staff_member).first()
    if started_on is None:
        if existing:
            existing._history_user = user
            existing.delete()
        return None
    existing = existing or NewlyQualifiedStart(staff_member=staff_member)
    existing.started_on = started_on
    return _save(existing, user)


@transaction.atomic
def topic_save(*, user, topic=None, **fields):
    topic = topic or Topic()
    for name, value in fields.items():
        setattr(topic, name, value)
    return _save(topic, user)
