"""Who is told what: each active person once, on their own page and by e-mail after the change
commits, with a link that can be followed from an inbox; nobody reads another's messages."""

import logging

import pytest
from django.urls import reverse

from pswhub.core.models import Notification
from pswhub.core.notifications import notify
from pswhub.core.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def tell(people, **kwargs):
    return notify(
        recipients=people,
        kind="test",
        subject=kwargs.get("subject", "Case CR-1 is being audited"),
        text="An audit of your case CR-1 has started.",
        path="/audits/7/",
    )


def test_each_active_person_is_told_once_with_an_absolute_link(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PSWHUB_SITE_URL = "https://pswhub.council.example/"
    wes = UserFactory(username="wes", email="wes@council.example")
    gone = UserFactory(username="gone", email="gone@council.example", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        made = tell([wes, wes, gone, None])
    assert [notification.recipient for notification in made] == [wes]
    assert [message.to for message in mailoutbox] == [["wes@council.example"]]
    assert "https://pswhub.council.example/audits/7/" in mailoutbox[0].body
    assert mailoutbox[0].subject == "Case CR-1 is being audited"
    assert Notification.objects.get().emailed_at is not None


def test_someone_without_an_address_is_told_on_their_page_only(mailoutbox, django_capture_on_commit_callbacks):
    nia = UserFactory(username="nia", email="")
    with django_capture_on_commit_callbacks(execute=True):
        tell([nia])
    assert mailoutbox == []
    assert Notification.objects.get(recipient=nia).emailed_at is None


def test_nothing_is_e_mailed_for_a_change_that_is_not_committed(mailoutbox):
    tell([UserFactory(email="x@council.example")])
    assert mailoutbox == []


def test_a_mail_failure_is_logged_and_the_message_stays_on_the_page(
    settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "pswhub.audits.tests.test_risk_flag_email.BrokenBackend"}}
    person = UserFactory(email="x@council.example")
    with (
        caplog.at_level(logging.ERROR, logger="pswhub.core.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        tell([person])
    assert "the e-mail could not be sent" in caplog.text
    assert Notification.objects.get(recipient=person).emailed_at is None


def test_a_person_reads_what_was_sent_to_them_and_not_what_was_sent_to_others(client):
    mine, theirs = UserFactory(username="mine"), UserFactory(username="theirs")
    tell([mine], subject="Case CR-1 is being audited")
    tell([theirs], subject="Case CR-2 is being audited")
    client.force_login(mine)
    page = client.get(reverse("core:notification_list")).content.decode()
    assert "Case CR-1 is being audited" in page
    assert "CR-2" not in page
    home = client.get(reverse("core:home")).content.decode()
    assert "Sent to you" in home and "Case CR-1 is being audited" in home and "CR-2" not in home


def test_signed_out_people_cannot_read_messages(client):
    response = client.get(reverse("core:notification_list"))
    assert response.status_code == 302
