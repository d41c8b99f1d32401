"""Buttons say what they do in words that contain what they show (WCAG 2.5.3, label in name)."""

from datetime import date

from django.urls import reverse

from pswhub.audits import services
from pswhub.audits.tests.factories import draft_audit


def test_each_mark_as_done_button_names_its_action_after_its_visible_words(client, north_manager, north_team, auditor):
    audit = draft_audit(team=north_team, auditor=auditor)
    for description in ("Update the chronology", "Visit the child"):
        services.audit_action_create(
            audit=audit, description=description, due_on=date(2026, 9, 1), created_by=north_manager, owner=north_manager
        )
    client.force_login(north_manager)
    page = client.get(reverse("audits:detail", args=[audit.pk])).content.decode()
    assert 'aria-label="Mark action' not in page
    for number in (1, 2):
        assert f'Mark as done<span class="govuk-visually-hidden">: action {number}</span>' in page
