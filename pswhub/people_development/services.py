"""Writes for people development. Each is keyword-only, runs in a transaction, records who made
the change and returns what it changed.

A newly qualified worker's lower workload capacity is held once, by the workload app's
early-career year: `early_career_record_save` and `programme_pause_add` keep that year in step
through `pswhub.workload.services.early_career_year_save` (docs/adr/0401-people-development.md)."""

from django.db import transaction

from pswhub.workload.services import early_career_year_save

from . import schedule
from .models import (
    OPEN_OUTCOMES,
    AccreditationResult,
    CohortParticipant,
    EarlyCareerRecord,
    Placement,
    PlacementIncome,
    PracticeEducator,
    ProgrammePause,
    ProgressionApplication,
    ProgressionOutcome,
    ProgressionPanel,
    Review,
    SponsoredCohort,
)

OPEN_RECORD_HAS_NO_END = "A programme still in progress or extended has no completion date"
ENDED_RECORD_NEEDS_END = "Enter the date the programme was completed or ended"
REVIEW_NEEDS_PROGRESS = "Select how the worker is progressing"
PANEL_DECISION_NEEDS_PANEL = "An application must be heard at a panel before it is decided"


def _save(obj, changed_by):
    obj._history_user = changed_by
    obj.full_clean()
    obj.save()
    return obj


def _fields_set(obj, fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    return obj


@transaction.atomic
def placement_save(*, placement=None, changed_by=None, **fields):
    return _save(_fields_set(placement or Placement(), fields), changed_by)


@transaction.atomic
def placement_income_save(*, academic_year, amount, projected=False, changed_by=None):
    income = PlacementIncome.objects.filter(academic_year=academic_year).first() or PlacementIncome(
        academic_year=academic_year
    )
    return _save(_fields_set(income, {"amount": amount, "projected": projected}), changed_by)


@transaction.atomic
def practice_educator_save(*, educator=None, changed_by=None, **fields):
    return _save(_fields_set(educator or PracticeEducator(), fields), changed_by)


@transaction.atomic
def cohort_save(*, cohort=None, changed_by=None, **fields):
    return _save(_fields_set(cohort or SponsoredCohort(), fields), changed_by)


@transaction.atomic
def participant_save(*, participant=None, changed_by=None, **fields):
    return _save(_fields_set(participant or CohortParticipant(), fields), changed_by)


@transaction.atomic
def early_career_record_save(*, record=None, changed_by=None, **fields):
    """Creates or changes a record, then brings its review schedule and the workload app's
    early-career year into step with it. An open record (in progress, extended) has no end date;
    a passed, failed or withdrawn one must have one."""
    record = _fields_set(record or EarlyCareerRecord(), fields)
    if record.outcome in OPEN_OUTCOMES and record.completed_on is not None:
        raise ValueError(OPEN_RECORD_HAS_NO_END)
    if record.outcome not in OPEN_OUTCOMES and record.completed_on is None:
        raise ValueError(ENDED_RECORD_NEEDS_END)
    _save(record, changed_by)
    _schedule_sync(record, changed_by)
    return record


def _schedule_sync(record, changed_by):
    """Adds missing review points and moves the due dates of reviews not yet held; keeps the
    workload year's dates equal to the reduced-workload days."""
    pauses = list(record.pauses.all())
    due = schedule.review_due_dates(
        programme=record.programme, started_on=record.started_on, pauses=pauses, extended_to=record.extended_to
    )
    final = max(due) if due else None
    held = {review.months: review for review in record.reviews.all()}
    for months, due_on in due.items():
        review = held.get(months) or Review(record=record, months=months)
        if review.pk and (review.held_on or review.due_on == due_on):
            continue
        review.due_on, review.is_final = due_on, months == final
        _save(review, changed_by)
    ends_on = schedule.reduced_workload_ends_on(
        programme=record.programme, started_on=record.started_on, pauses=pauses, completed_on=record.completed_on
    )
    # A year the workload app already holds for this start (recorded there before this record
    # existed) is adopted rather than doubled.
    year = record.workload_year or record.staff_member.early_career_years.filter(starts_on=record.started_on).first()
    if year is None or (year.starts_on, year.ends_on) != (record.started_on, ends_on):
        year = early_career_year_save(
            year=year, staff_member=record.staff_member, starts_on=record.started_on, ends_on=ends_on,
            changed_by=changed_by,
        )  # fmt: skip
    if record.workload_year_id != year.pk:
        record.workload_year = year
        _save(record, changed_by)


@transaction.atomic
def programme_pause_add(*, record, starts_on, ends_on, reason="", changed_by=None):
    """Adds a pause; later reviews, the final assessment and the lower capacity move on by its days."""
    pause = _save(ProgrammePause(record=record, starts_on=starts_on, ends_on=ends_on, reason=reason), changed_by)
    _schedule_sync(record, changed_by)
    return pause


@transaction.atomic
def review_record(*, review, held_on, progress, notes="", changed_by=None):
    """Records that a review (or the final assessment) was held, and how the worker is doing."""
    if not progress:
        raise ValueError(REVIEW_NEEDS_PROGRESS)
    review.held_on, review.progress, review.notes, review.recorded_by = held_on, progress, notes, changed_by
    return _save(review, changed_by)


@transaction.atomic
def progression_panel_save(*, panel=None, changed_by=None, **fields):
    return _save(_fields_set(panel or ProgressionPanel(), fields), changed_by)


@transaction.atomic
def progression_application_save(*, application=None, changed_by=None, **fields):
    return _save(_fields_set(application or ProgressionApplication(), fields), changed_by)


@transaction.atomic
def progression_decision_record(*, application, outcome, changed_by=None):
    """Records the panel's decision on an application (progressed, not yet, withdrawn)."""
    if application.panel_id is None and outcome in (ProgressionOutcome.PROGRESSED, ProgressionOutcome.NOT_YET):
        raise ValueError(PANEL_DECISION_NEEDS_PANEL)
    application.outcome = outcome
    return _save(application, changed_by)


@transaction.atomic
def accreditation_result_save(*, staff_member, assessed_on, passed, changed_by=None):
    result = AccreditationResult.objects.filter(staff_member=staff_member, assessed_on=assessed_on).first()
    result = result or AccreditationResult(staff_member=staff_member, assessed_on=assessed_on)
    result.passed = passed
    return _save(result, changed_by)
