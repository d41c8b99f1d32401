"""Committee meetings, the actions they set, and peer review findings with our responses."""

from datetime import date, datetime

import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from pswhub.core.attention import attention_for
from pswhub.core.models import Notification
from pswhub.core.tests.factories import UserFactory
from pswhub.governance import selectors
from pswhub.governance.forms import DUE_BEFORE_MEETING
from pswhub.governance.models import ActionStatus, CommitteeAction, CommitteeMeeting
from pswhub.governance.services import ACTION_GIVEN, REMINDER_SUBJECT
from pswhub.governance.tests.factories import (
    ActionFactory,
    ActionUpdateFactory,
    FindingFactory,
    MeetingFactory,
    PeerReviewFactory,
)


def _aware(day):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def test_the_psw_records_a_meeting_and_the_actions_it_set(client, psw):
    client.force_login(psw)
    response = client.post(
        reverse("governance:meeting_create"),
        {
            "committee": "Select Committee",
            "held_on-day": "10",
            "held_on-month": "7",
            "held_on-year": "2025",
            "agenda_item": "PSW annual report",
            "service": "children",
        },
    )
    meeting = CommitteeMeeting.objects.get()
    assert response.url == reverse("governance:meeting_detail", args=[meeting.pk])
    client.post(
        reverse("governance:meeting_detail", args=[meeting.pk]),
        {
            "description": "To circulate which courses cover parental alienation.",
            "owner_name": "Richard Nash",
            "due_on-day": "30",
            "due_on-month": "9",
            "due_on-year": "2025",
        },
    )
    action = meeting.actions.get()
    assert (action.owner_name, action.due_on, action.status) == ("Richard Nash", date(2025, 9, 30), "open")


def test_an_action_cannot_be_due_before_the_meeting_that_set_it(client, psw):
    meeting = MeetingFactory(held_on=date(2025, 7, 10))
    client.force_login(psw)
    page = client.post(
        reverse("governance:meeting_detail", args=[meeting.pk]),
        {
            "description": "Something",
            "owner_name": "Someone",
            "due_on-day": "1",
            "due_on-month": "7",
            "due_on-year": "2025",
        },
    ).content.decode()
    assert DUE_BEFORE_MEETING in page
    assert not CommitteeAction.objects.exists()


@time_machine.travel(date(2025, 9, 1))
def test_completing_an_action_dates_it_and_reopening_clears_the_date(client, qa_officer):
    action = ActionFactory()
    client.force_login(qa_officer)
    client.post(reverse("governance:action_detail", args=[action.pk]), {"status": "done", "narrative": "Circulated."})
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("done", date(2025, 9, 1))
    client.post(
        reverse("governance:action_detail", args=[action.pk]),
        {"status": "in_progress", "narrative": "Members asked for more."},
    )
    action.refresh_from_db()
    assert (action.status, action.completed_on) == ("in_progress", None)
    assert action.updates.count() == 2


def test_action_counts_for_a_period_are_as_at_its_last_day(db):
    # Set in 2025/26: done in March (done), done in May 2026 (still outstanding on 31 March, and overdue),
    # no update and not yet due (outstanding), dropped. One set in 2024/25 is not counted.
    meeting = MeetingFactory(held_on=date(2025, 7, 10))
    done = ActionFactory(meeting=meeting, due_on=date(2025, 9, 30))
    ActionUpdateFactory(action=done, status=ActionStatus.DONE, created_at=_aware(date(2026, 3, 1)))
    late = ActionFactory(meeting=meeting, due_on=date(2025, 12, 1))
    ActionUpdateFactory(action=late, status=ActionStatus.DONE, created_at=_aware(date(2026, 5, 1)))
    ActionFactory(meeting=meeting, due_on=date(2026, 6, 30))
    dropped = ActionFactory(meeting=meeting)
    ActionUpdateFactory(action=dropped, status=ActionStatus.DROPPED, created_at=_aware(date(2025, 8, 1)))
    ActionFactory(meeting=MeetingFactory(held_on=date(2025, 3, 1)))
    counts = selectors.committee_action_counts(start=date(2025, 4, 1), end=date(2026, 3, 31))
    assert counts == {"done": 1, "outstanding": 2, "overdue": 1, "dropped": 1, "total": 4}


def test_findings_of_a_peer_review_get_a_response(client, psw):
    review = PeerReviewFactory()
    client.force_login(psw)
    client.post(
        reverse("governance:peer_review_detail", args=[review.pk]),
        {"kind": "improvement", "finding": "Care plans describe outputs, not outcomes."},
    )
    finding = review.findings.get()
    assert finding.response == ""
    client.post(
        reverse("governance:finding_respond", args=[finding.pk]), {"response": "Training for every team by March."}
    )
    finding.refresh_from_db()
    assert finding.response == "Training for every team by March." and finding.responded_on is not None
    page = client.get(reverse("governance:peer_review_detail", args=[review.pk])).content.decode()
    assert "Areas for improvement" in page and "Training for every team by March." in page


def test_a_head_of_service_reads_findings_but_cannot_respond(client, head_of_service):
    finding = FindingFactory()
    client.force_login(head_of_service)
    page = client.get(reverse("governance:peer_review_detail", args=[finding.review.pk])).content.decode()
    assert finding.finding in page and "Add a finding" not in page
    assert client.post(reverse("governance:finding_respond", args=[finding.pk]), {"response": "x"}).status_code == 403


@time_machine.travel(date(2025, 9, 20))
def test_owners_are_reminded_of_actions_due_soon_once_a_week(db, django_capture_on_commit_callbacks):
    owner = UserFactory(email="owner@council.example", first_name="Marcus", last_name="Green")
    ActionFactory(owner=owner, due_on=date(2025, 9, 30), description="Report agency use")
    ActionFactory(owner=owner, due_on=date(2025, 9, 1), description="Share retention figures")
    ActionFactory(owner=owner, due_on=date(2025, 12, 1), description="Far off")
    ActionFactory(
        owner=owner, due_on=date(2025, 9, 25), status="done", completed_on=date(2025, 9, 2), description="Already done"
    )
    ActionFactory(owner=None, due_on=date(2025, 9, 25), description="No account")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_action_reminders")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert (message.subject, message.to) == (REMINDER_SUBJECT, ["owner@council.example"])
    assert "Report agency use" in message.body and "overdue since 1 September 2025" in message.body
    assert "Far off" not in message.body and "Already done" not in message.body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_action_reminders")
    assert len(mail.outbox) == 1
    with time_machine.travel(date(2025, 9, 27)), django_capture_on_commit_callbacks(execute=True):
        call_command("send_action_reminders")
    assert len(mail.outbox) == 2
    # and each reminder is on the owner's "Sent to you" page too
    assert Notification.objects.filter(recipient=owner, kind="committee_action_reminder").count() == 2


@time_machine.travel(date(2025, 9, 20))
def test_the_home_page_tells_an_owner_of_their_actions_and_the_psw_of_overdue_ones(
    client, psw, north_manager, north_worker
):
    ActionFactory(owner=north_manager, due_on=date(2025, 9, 25))
    ActionFactory(due_on=date(2025, 9, 1))
    client.force_login(north_manager)
    assert (
        "Committee actions you own that are due soon or overdue: 1" in client.get(reverse("core:home")).content.decode()
    )
    client.force_login(psw)
    assert "Committee actions overdue: 1" in client.get(reverse("core:home")).content.decode()
    client.force_login(north_worker)
    assert "Committee actions" not in client.get(reverse("core:home")).content.decode()


@time_machine.travel(date(2025, 9, 20))
def test_the_owner_of_a_new_action_is_told_and_the_head_of_service_sees_overdue_ones(
    client, psw, north_manager, head_of_service
):
    meeting = MeetingFactory()
    client.force_login(psw)
    client.post(
        reverse("governance:meeting_detail", args=[meeting.pk]),
        {
            "description": "Report agency use by team",
            "owner_name": "Wes Ormerod",
            "owner": north_manager.pk,
            "due_on-day": "1",
            "due_on-month": "9",
            "due_on-year": "2025",
        },
    )
    action = meeting.actions.get()
    told = Notification.objects.get(recipient=north_manager)
    assert told.subject == ACTION_GIVEN
    assert told.link.endswith(reverse("governance:action_detail", args=[action.pk]))
    items = {item.title: item.count for item in attention_for(head_of_service)}
    assert items["Committee actions overdue"] == 1
