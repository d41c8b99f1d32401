"""Writes to staff members' employment records (docs/adr/0102-employment-history.md): the
assignment history an HR extract keeps (called by `services.hr_extract_import` inside its
transaction), and what the PSW and HR officers record on the staff record: absence episodes, the
workforce profile, an assignment's census role and starting and leaving details. History is kept
for every row."""

from datetime import date, timedelta

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from .models import AbsenceEpisode, Assignment, StaffProfile


def _row_terms(row):
    return (row["team"].pk if row["team"] else None, row.get("census_role", ""), row["job_title"], row["fte"],
            row["contract_type"])  # fmt: skip


def assignments_sync(rows, staff_by_number, changed_by, today):
    """Keeps each row's employment history (docs/adr/0102-employment-history.md); returns the
    employee numbers changed.

    A row whose team, job title, census role, FTE or contract type differs from the person's latest
    assignment ends it the day before the row's effective date (the import date when the file has
    none) and starts a new one on that date. A change dated on or before the latest assignment's
    start corrects it instead, so the history never overlaps. The leaving date ends the latest
    assignment. A row matching the latest assignment changes nothing, so an import is idempotent."""
    latest = {}
    for assignment in Assignment.objects.filter(staff_member__in=staff_by_number.values()).order_by("starts_on"):
        latest[assignment.staff_member_id] = assignment
    new, changed, numbers = [], [], set()
    for row in rows:
        staff = staff_by_number[row["employee_number"]]
        terms, left_on = _row_terms(row), row["left_on"]
        effective_on = row.get("effective_on") or today
        current = latest.get(staff.pk)
        if current is None:
            if not any(value not in (None, "") for value in terms):
                continue
            starts_on = row["started_on"] or (min(effective_on, left_on) if left_on else effective_on)
            new.append(_assignment(staff, terms, starts_on=starts_on, ends_on=left_on))
        elif current.terms() == terms:
            if current.ends_on == left_on or (left_on and left_on < current.starts_on):
                continue
            current.ends_on = left_on
            changed.append(current)
        elif effective_on <= current.starts_on or (left_on and left_on < effective_on):
            _terms_set(current, terms)
            if not left_on or left_on >= current.starts_on:
                current.ends_on = left_on
            changed.append(current)
        elif current.ends_on and current.ends_on < effective_on and left_on:
            _terms_set(current, terms)
            current.ends_on = left_on
            changed.append(current)
        else:
            if current.ends_on is None or current.ends_on >= effective_on:
                current.ends_on = effective_on - timedelta(days=1)
                changed.append(current)
            new.append(_assignment(staff, terms, starts_on=effective_on, ends_on=left_on))
        numbers.add(staff.employee_number)
    if changed:
        fields = ["team", "org_role", "job_title", "fte", "contract_type", "ends_on"]
        bulk_update_with_history(changed, Assignment, fields, default_user=changed_by)
    if new:
        bulk_create_with_history(new, Assignment, default_user=changed_by)
    return numbers | _starting_and_leaving_sync(rows, staff_by_number, changed_by)


# Optional extract columns kept on a person's first assignment (origin) or last (leaving).
STARTING_COLUMNS, LEAVING_COLUMNS = ["start_origin"], ["reason_leave", "leaver_destination"]


def _starting_and_leaving_sync(rows, staff_by_number, changed_by):
    """A starter's origin on their first assignment; a leaver's reason and destination on their
    last. A blank cell, or a column the file leaves out, leaves what is held."""
    by_staff = {}
    for assignment in Assignment.objects.filter(staff_member__in=staff_by_number.values()).order_by("starts_on"):
        by_staff.setdefault(assignment.staff_member_id, []).append(assignment)
    changed, numbers = {}, set()
    for row in rows:
        staff = staff_by_number[row["employee_number"]]
        assignments = by_staff.get(staff.pk)
        if not assignments:
            continue
        for assignment, columns in ((assignments[0], STARTING_COLUMNS), (assignments[-1], LEAVING_COLUMNS)):
            for column in columns:
                if row.get(column) and getattr(assignment, column) != row[column]:
                    setattr(assignment, column, row[column])
                    changed[assignment.pk] = assignment
                    numbers.add(staff.employee_number)
    if changed:
        fields = STARTING_COLUMNS + LEAVING_COLUMNS
        bulk_update_with_history(list(changed.values()), Assignment, fields, default_user=changed_by)
    return numbers


def _assignment(staff, terms, *, starts_on, ends_on):
    assignment = Assignment(staff_member=staff, starts_on=starts_on, ends_on=ends_on)
    _terms_set(assignment, terms)
    return assignment


def _terms_set(assignment, terms):
    for name, value in zip(Assignment.TERMS, terms, strict=True):
        setattr(assignment, name, value)


ABSENCE_OVERLAPS = "This absence overlaps another recorded from {starts_on}"


class RecordError(Exception):
    pass


def absence_episode_record(*, staff_member, starts_on, ends_on, reason, working_days_lost, changed_by=None):
    """Records an absence episode; returns it. Episodes of one person may not overlap."""
    with transaction.atomic():
        others = AbsenceEpisode.objects.select_for_update().filter(staff_member=staff_member)
        for other in others:
            if other.starts_on <= (ends_on or date.max) and starts_on <= (other.ends_on or date.max):
                raise RecordError(ABSENCE_OVERLAPS.format(starts_on=other.starts_on))
        episode = AbsenceEpisode(
            staff_member=staff_member,
            starts_on=starts_on,
            ends_on=ends_on,
            reason=reason,
            working_days_lost=working_days_lost,
        )
        episode._history_user = changed_by
        episode.save()
    return episode


def staff_profile_update(*, staff_member, changed_by=None, **values):
    """Changes the workforce profile's fields given (SWE number, route, equality details); returns
    the profile, made if the staff member had none. Unchanged values write no history."""
    with transaction.atomic():
        profile, _created = StaffProfile.objects.select_for_update().get_or_create(staff_member=staff_member)
        changed = [name for name, value in values.items() if getattr(profile, name) != value]
        if changed or _created:
            for name in changed:
                setattr(profile, name, values[name])
            profile._history_user = changed_by
            profile.save()
    return profile


def assignment_details_update(*, assignment, changed_by=None, **values):
    """Sets an assignment's census role, origin, reason for leaving and destination; returns it.
    Compares with the stored row (a bound form may already have changed the object passed in)."""
    with transaction.atomic():
        stored = Assignment.objects.select_for_update().get(pk=assignment.pk)
        changed = [name for name, value in values.items() if getattr(stored, name) != value]
        if changed:
            for name in changed:
                setattr(stored, name, values[name])
            stored._history_user = changed_by
            stored.save(update_fields=changed)
    return stored
