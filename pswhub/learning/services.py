"""Writes for learning and supervision. Each records who made the change."""

from dataclasses import dataclass

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.imports import Importer, write_or_rehearse

from . import importing, supervision_importing
from .models import (
    Booking,
    LearningEvent,
    LearningImport,
    NewlyQualifiedStart,
    SupervisionImport,
    SupervisionSession,
    Topic,
)

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


@dataclass
class ImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


def events_import(*, learning_file, changed_by=None, dry_run=False):
    """Writes a checked learning file all or nothing: an event is found by its title, kind and
    date, and added, updated (service, counts, topics) or left as it is, so importing the same
    file again changes nothing. A dry run works out the same result and writes nothing."""
    return write_or_rehearse(lambda: _events_write(learning_file.rows, changed_by), dry_run=dry_run)


def _events_write(rows, changed_by):
    result = ImportResult(rows=len(rows))
    keys = {(row["title"], row["kind"], row["held_on"]) for row in rows}
    existing = {
        (event.title, event.kind, event.held_on): event
        for event in LearningEvent.objects.filter(
            title__in={key[0] for key in keys}, held_on__in={key[2] for key in keys}
        ).prefetch_related("topics")
    }
    new, changed, topics_of = [], [], {}
    for row in rows:
        key = (row["title"], row["kind"], row["held_on"])
        event = existing.get(key)
        wanted = {"service": row["service"], "booked_count": row["booked"], "attended_count": row["attended"]}
        topic_ids = {topic.pk for topic in row["topics"]}
        if event is None:
            event = LearningEvent(title=row["title"], kind=row["kind"], held_on=row["held_on"], **wanted)
            new.append(event)
            topics_of[key] = topic_ids
            continue
        same = all(getattr(event, name) == value for name, value in wanted.items())
        same_topics = {topic.pk for topic in event.topics.all()} == topic_ids
        if same and same_topics:
            result.unchanged += 1
            continue
        for name, value in wanted.items():
            setattr(event, name, value)
        if not same:
            changed.append(event)
        topics_of[key] = topic_ids
        result.updated += 1
    result.added = len(new)
    for event in new + changed:
        event.full_clean(validate_unique=False)
    bulk_create_with_history(new, LearningEvent, default_user=changed_by)
    bulk_update_with_history(
        changed, LearningEvent, ["service", "booked_count", "attended_count"], default_user=changed_by
    )
    saved = {
        (event.title, event.kind, event.held_on): event
        for event in LearningEvent.objects.filter(
            title__in={key[0] for key in topics_of}, held_on__in={key[2] for key in topics_of}
        )
    }
    for key, topic_ids in topics_of.items():
        saved[key].topics.set(topic_ids)
    return result


def _events_import_write(learning_file, *, changed_by=None, dry_run=False):
    return events_import(learning_file=learning_file, changed_by=changed_by, dry_run=dry_run)


# Learning files kept as LearningImport uploads: previewed, then confirmed (core.imports).
LEARNING_EVENTS = Importer(model=LearningImport, read=importing.learning_file_read, write=_events_import_write)


def supervision_sessions_import(*, supervision_file, changed_by=None, dry_run=False):
    """Writes a checked supervision file all or nothing: a session is found by its worker, date
    and kind, and added, updated (length, supervisor) or left as it is, so importing the same file
    again changes nothing. A dry run works out the same result and writes nothing."""
    return write_or_rehearse(lambda: _sessions_write(supervision_file.rows, changed_by), dry_run=dry_run)


def _sessions_write(rows, changed_by):
    result = ImportResult(rows=len(rows))
    existing = {
        (session.staff_member_id, session.held_on, session.kind): session
        for session in SupervisionSession.objects.filter(
            staff_member__in={row["staff_member"].pk for row in rows}, held_on__in={row["held_on"] for row in rows}
        )
    }
    new, changed = [], []
    for row in rows:
        session = existing.get((row["staff_member"].pk, row["held_on"], row["kind"]))
        supervisor_id = row["supervisor"].pk if row["supervisor"] else None
        if session is None:
            new.append(
                SupervisionSession(
                    staff_member=row["staff_member"],
                    held_on=row["held_on"],
                    kind=row["kind"],
                    minutes=row["minutes"],
                    supervisor_id=supervisor_id,
                    recorded_by=changed_by,
                )
            )
        elif (session.minutes, session.supervisor_id) == (row["minutes"], supervisor_id):
            result.unchanged += 1
        else:
            session.minutes, session.supervisor_id, session.recorded_by = row["minutes"], supervisor_id, changed_by
            changed.append(session)
    result.added, result.updated = len(new), len(changed)
    for session in new + changed:
        session.full_clean(validate_unique=False)
    bulk_create_with_history(new, SupervisionSession, default_user=changed_by)
    bulk_update_with_history(
        changed, SupervisionSession, ["minutes", "supervisor", "recorded_by"], default_user=changed_by
    )
    return result


def _sessions_import_write(supervision_file, *, changed_by=None, dry_run=False):
    return supervision_sessions_import(supervision_file=supervision_file, changed_by=changed_by, dry_run=dry_run)


# Supervision files kept as SupervisionImport uploads: previewed, then confirmed (core.imports).
SUPERVISION_SESSIONS = Importer(
    model=SupervisionImport, read=supervision_importing.supervision_file_read, write=_sessions_import_write
)
