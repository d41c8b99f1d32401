"""Writes for the work plan, committee actions and peer reviews. Each records who made it."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from pswhub.core.notifications import notify
from pswhub.core.presenters import govuk_date

from .models import (
    ActionStatus,
    ActionUpdate,
    CommitteeAction,
    CommitteeMeeting,
    PeerReview,
    PeerReviewFinding,
    Priority,
    PriorityUpdate,
)

ALREADY_CARRIED = "This priority has already been carried into the next year"
TITLE_TAKEN_NEXT_YEAR = "The next year's work plan already has a priority with this title"


def _save(obj, user):
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def priority_save(*, user, priority=None, **fields):
    priority = priority or Priority()
    for name, value in fields.items():
        setattr(priority, name, value)
    return _save(priority, user)


@transaction.atomic
def priority_update_add(*, user, priority, as_at, rag, narrative):
    return _save(PriorityUpdate(priority=priority, as_at=as_at, rag=rag, narrative=narrative, created_by=user), user)


@transaction.atomic
def priority_carry_forward(*, user, priority):
    """Copies a priority into the following year's work plan, linked to the one it came from."""
    if Priority.objects.filter(carried_from=priority).exists():
        raise ValueError(ALREADY_CARRIED)
    if Priority.objects.filter(year_start=priority.year_start + 1, title=priority.title).exists():
        raise ValueError(TITLE_TAKEN_NEXT_YEAR)
    carried = Priority(
        year_start=priority.year_start + 1,
        title=priority.title,
        description=priority.description,
        measures=priority.measures,
        service=priority.service,
        owner=priority.owner,
        order=priority.order,
        carried_from=priority,
    )
    return _save(carried, user)


@transaction.atomic
def meeting_save(*, user, meeting=None, **fields):
    meeting = meeting or CommitteeMeeting()
    for name, value in fields.items():
        setattr(meeting, name, value)
    return _save(meeting, user)


@transaction.atomic
def action_create(*, user, meeting, description, owner_name, due_on, owner=None):
    """Records an action the committee set; its owner, if someone else, is told."""
    action = _save(
        CommitteeAction(meeting=meeting, description=description, owner_name=owner_name, owner=owner, due_on=due_on),
        user,
    )
    if owner is not None and owner.pk != user.pk:
        notify(
            recipients=[owner],
            kind="committee_action",
            subject=ACTION_GIVEN,
            text=ACTION_GIVEN_TEXT.format(meeting=meeting, due=govuk_date(due_on), description=description),
            path=reverse("governance:action_detail", args=[action.pk]),
        )
    return action


@transaction.atomic
def action_update_add(*, user, action, status, narrative, today=None):
    """Records progress on an action and moves it to the status given. Completing it dates it."""
    today = today or timezone.localdate()
    update = _save(ActionUpdate(action=action, status=status, narrative=narrative, created_by=user), user)
    action.status = status
    action.completed_on = (action.completed_on or today) if status == ActionStatus.DONE else None
    _save(action, user)
    return update


@transaction.atomic
def action_mark_reminded(*, action, on):
    action.last_reminded_on = on
    action._history_user = None
    action.save(update_fields=["last_reminded_on"])
    return action


@transaction.atomic
def peer_review_save(*, user, review=None, **fields):
    review = review or PeerReview()
    for name, value in fields.items():
        setattr(review, name, value)
    return _save(review, user)


@transaction.atomic
def finding_add(*, user, review, kind, finding, response=""):
    responded_on = timezone.localdate() if response else None
    return _save(
        PeerReviewFinding(review=review, kind=kind, finding=finding, response=response, responded_on=responded_on), user
    )


@transaction.atomic
def finding_respond(*, user, finding, response):
    finding.response = response
    finding.responded_on = timezone.localdate()
    return _save(finding, user)


REMINDER_SUBJECT = "Committee actions due soon"
REMINDER_TEXT = (
    "These actions set by a committee are yours, and are due soon or overdue:\n\n{lines}\n\nAdd an update to each one."
)
ACTION_GIVEN = "A committee action for you"
ACTION_GIVEN_TEXT = "{meeting} gave you an action, due on {due}: {description}"


def action_reminders_send(*, today, within_days, every_days=7):
    """Tells each owner (core.notifications: their page and e-mail) of the outstanding actions due
    within `within_days` days or overdue, at most once every `every_days` days per action. Returns
    the number of owners told."""
    from .selectors import actions_needing_reminder

    by_owner = {}
    for action in actions_needing_reminder(today=today, within_days=within_days, every_days=every_days):
        by_owner.setdefault(action.owner, []).append(action)
    for owner, actions in by_owner.items():
        lines = []
        for action in actions:
            when = "overdue since" if action.due_on < today else "due"
            lines.append(f"- {action.description} ({when} {govuk_date(action.due_on)}; set by {action.meeting})")
        with transaction.atomic():
            notify(
                recipients=[owner],
                kind="committee_action_reminder",
                subject=REMINDER_SUBJECT,
                text=REMINDER_TEXT.format(lines="\n".join(lines)),
                path=reverse("governance:action_list"),
            )
            for action in actions:
                action_mark_reminded(action=action, on=today)
    return len(by_owner)
