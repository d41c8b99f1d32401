"""As 30 November nears, workers who have not renewed are reminded by e-mail, with their managers
in copy, and see it on their home page; so do their managers and the PSW."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from pswhub.registrations.attention import registration_attention_items
from pswhub.registrations.models import Renewal
from pswhub.registrations.services import MANAGER_SUBJECT, REMINDER_SUBJECT, renewal_reminders_send
from pswhub.registrations.tests.factories import RegistrationFactory, RenewalFactory


@pytest.fixture
def registrations(north_worker, south_worker, north_manager):
    north_worker.email = "wes@example.org"
    north_worker.save()
    north_manager.email = "mina@example.org"
    north_manager.save()
    north = RegistrationFactory(staff_member=north_worker.staff_member)
    south = RegistrationFactory(staff_member=south_worker.staff_member)
    RenewalFactory(registration=south, year=2026, renewed_on=date(2026, 9, 20))
    return {"north": north, "south": south}


def _titles(user, today):
    return {item.title: item.count for item in registration_attention_items(user, today=today)}


def test_in_the_window_the_worker_their_manager_and_the_psw_see_the_renewal_not_done(
    registrations, north_worker, south_worker, north_manager, psw
):
    today = date(2026, 10, 15)
    assert _titles(north_worker, today) == {"Your Social Work England renewal": 1}
    assert _titles(south_worker, today) == {}
    assert _titles(north_manager, today) == {"Social workers not yet renewed": 1}
    assert _titles(psw, today) == {"Social workers not yet renewed": 1, "Social workers at risk of not renewing": 1}


def test_outside_the_window_no_one_is_asked(registrations, north_worker, psw):
    for today in (date(2026, 8, 31), date(2026, 12, 1)):
        assert _titles(north_worker, today) == {} and _titles(psw, today) == {}


def test_the_worker_and_their_manager_are_told_once_a_week(registrations, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert renewal_reminders_send(today=date(2026, 11, 10), within_days=30) == 1
    assert sorted((message.subject, message.to) for message in mail.outbox) == [
        (MANAGER_SUBJECT, ["mina@example.org"]),
        (REMINDER_SUBJECT, ["wes@example.org"]),
    ]
    assert all("30 November 2026" in message.body for message in mail.outbox)
    assert "Wes Ormerod" in next(message.body for message in mail.outbox if message.subject == MANAGER_SUBJECT)
    assert Renewal.objects.get(registration=registrations["north"], year=2026).last_reminded_on == date(2026, 11, 10)
    assert renewal_reminders_send(today=date(2026, 11, 16), within_days=30) == 0
    assert renewal_reminders_send(today=date(2026, 11, 17), within_days=30) == 1


def test_no_reminder_before_the_deadline_is_near(registrations):
    assert renewal_reminders_send(today=date(2026, 9, 15), within_days=30) == 0
    assert not mail.outbox


def test_the_command_sends_the_reminders(registrations, capsys, settings):
    call_command("send_renewal_reminders", "--days", "400")
    assert "Reminded" in capsys.readouterr().out
