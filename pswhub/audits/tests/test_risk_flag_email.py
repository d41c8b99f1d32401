"""The risk-flag e-mail: the case's team managers and every PSW are told at once, with the case
reference and a link only, once per flag; a mail failure never loses the flag."""

import logging

import pytest
from django.urls import reverse

from pswhub.audits import alerts, services
from pswhub.audits.models import RiskFlag
from pswhub.audits.tests.factories import draft_audit
from pswhub.core import roles
from pswhub.core.attention import attention_for
from pswhub.core.models import Notification, StaffMember
from pswhub.core.tests.factories import TeamFactory, UserFactory

pytestmark = pytest.mark.django_db

CONCERN = "No visit for 8 weeks; mother says Jayden has bruises"
AT_RISK = "Children who may be at risk now"


@pytest.fixture
def with_addresses(psw, north_manager, north_worker, auditor, qa_officer):
    for person in (psw, north_manager, north_worker, auditor, qa_officer):
        person.email = f"{person.username}@council.example"
        person.save()


@pytest.fixture
def north_audit(auditor, north_team, north_worker):
    return draft_audit(
        team=north_team, auditor=auditor, worker=StaffMember.objects.get(user=north_worker), case_reference="CR-4471"
    )


def raise_flag(client, user, audit, capture):
    client.force_login(user)
    with capture(execute=True):
        client.post(reverse("audits:risk_flag_raise", args=[audit.pk]), {"flag-description": CONCERN})
    return RiskFlag.objects.get(audit=audit)


def test_the_team_manager_and_the_psw_are_emailed_at_once(
    client, mailoutbox, with_addresses, auditor, north_audit, django_capture_on_commit_callbacks
):
    raise_flag(client, auditor, north_audit, django_capture_on_commit_callbacks)
    assert sorted(address for message in mailoutbox for address in message.to) == [
        "manager@council.example",
        "psw@council.example",
    ]
    assert {message.subject for message in mailoutbox} == {"A child may be at risk now: case CR-4471"}
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mailoutbox)


def test_the_email_carries_the_reference_and_a_link_and_nothing_else_from_the_audit(
    client, settings, mailoutbox, with_addresses, auditor, north_audit, django_capture_on_commit_callbacks
):
    settings.PSWHUB_SITE_URL = "https://pswhub.council.example/"
    raise_flag(client, auditor, north_audit, django_capture_on_commit_callbacks)
    body = mailoutbox[0].body
    assert "CR-4471" in body
    assert f"https://pswhub.council.example/audits/{north_audit.pk}/" in body
    # None of the concern's words, nobody's name, no team.
    for words in ("Jayden", "bruises", "No visit", "Wes", "Ormerod", "Ada", "Umber", "North", "Mina", "Priya"):
        assert words not in body and words not in mailoutbox[0].subject


def test_the_worker_the_auditor_and_other_teams_managers_are_not_emailed(
    client, mailoutbox, with_addresses, auditor, north_audit, south_team, django_capture_on_commit_callbacks
):
    south_manager = UserFactory(roles=[roles.TEAM_MANAGER], managed_teams=[south_team], email="south@council.example")
    raise_flag(client, auditor, north_audit, django_capture_on_commit_callbacks)
    told = {address for message in mailoutbox for address in message.to}
    assert south_manager.email not in told
    assert not told & {"worker@council.example", "auditor@council.example", "qa@council.example"}


def test_a_manager_of_a_team_above_is_emailed_and_an_inactive_psw_is_not(
    auditor, north_team, mailoutbox, django_capture_on_commit_callbacks
):
    area = TeamFactory(name="North area", service=north_team.service)
    locality = TeamFactory(name="North locality", service=north_team.service, parent=area)
    UserFactory(roles=[roles.TEAM_MANAGER], managed_teams=[area], email="area@council.example")
    UserFactory(roles=[roles.PSW], email="left@council.example", is_active=False)
    UserFactory(roles=[roles.PSW], email="")
    audit = draft_audit(team=locality, auditor=auditor)
    with django_capture_on_commit_callbacks(execute=True):
        services.risk_flag_raise(audit=audit, raised_by=auditor, description=CONCERN)
    assert [message.to for message in mailoutbox] == [["area@council.example"]]


def test_one_email_per_person_per_flag(
    client, mailoutbox, with_addresses, auditor, north_manager, north_audit, django_capture_on_commit_callbacks
):
    flag = raise_flag(client, auditor, north_audit, django_capture_on_commit_callbacks)
    client.force_login(north_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("audits:risk_flag_acknowledge", args=[north_audit.pk, flag.pk]))
        client.post(reverse("audits:contribute", args=[north_audit.pk]), {"contribution-text": "Visited today"})
    assert len(mailoutbox) == 2  # the manager and the PSW, once each, for the one flag


def test_nothing_is_sent_when_the_flag_is_not_saved(auditor, north_audit, mailoutbox, with_addresses):
    # Without a commit (the raise rolled back), the task is never queued.
    services.risk_flag_raise(audit=north_audit, raised_by=auditor, description=CONCERN)
    assert mailoutbox == []


def test_a_mail_failure_keeps_the_flag_on_the_home_pages_and_is_logged(
    client,
    settings,
    caplog,
    with_addresses,
    auditor,
    psw,
    north_manager,
    north_audit,
    django_capture_on_commit_callbacks,
):
    settings.MAILERS = {"default": {"BACKEND": "pswhub.audits.tests.test_risk_flag_email.BrokenBackend"}}
    with caplog.at_level(logging.ERROR, logger="pswhub.core.notifications"):
        flag = raise_flag(client, auditor, north_audit, django_capture_on_commit_callbacks)
    assert flag.is_open
    assert "the e-mail could not be sent" in caplog.text
    # and the message is still on each person's "Sent to you" page, marked as not e-mailed
    for person in (psw, north_manager):
        sent = Notification.objects.get(recipient=person, kind="risk_flag")
        assert (sent.subject, sent.emailed_at) == ("A child may be at risk now: case CR-4471", None)
    for person in (psw, north_manager):
        assert {item.title: item.count for item in attention_for(person)}[AT_RISK] == 1


def test_nobody_to_email_is_logged_and_the_flag_stands(auditor, north_audit, caplog, mailoutbox):
    with caplog.at_level(logging.WARNING, logger="pswhub.audits.alerts"):
        flag = services.risk_flag_raise(audit=north_audit, raised_by=auditor, description=CONCERN)
    assert alerts.NO_RECIPIENTS % flag.pk in caplog.text
    assert mailoutbox == []


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server is down")


def test_a_psw_who_also_manages_the_team_gets_one_email(
    auditor, north_team, mailoutbox, django_capture_on_commit_callbacks
):
    UserFactory(roles=[roles.PSW, roles.TEAM_MANAGER], managed_teams=[north_team], email="both@council.example")
    audit = draft_audit(team=north_team, auditor=auditor)
    with django_capture_on_commit_callbacks(execute=True):
        services.risk_flag_raise(audit=audit, raised_by=auditor, description=CONCERN)
    assert [message.to for message in mailoutbox] == [["both@council.example"]]
