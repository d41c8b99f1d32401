"""Who sees and changes the work plan, committees and peer reviews. Councillors read these only
as published in the annual report."""

import pytest
from django.urls import reverse

from pswhub.governance.tests.factories import ActionFactory, FindingFactory, PriorityFactory

READERS = {"psw", "qa_officer", "head_of_service"}
EDITORS = {"psw", "qa_officer"}


@pytest.fixture
def records(db):
    priority = PriorityFactory()
    action = ActionFactory()
    finding = FindingFactory()
    return {
        "priority": priority,
        "action": action,
        "meeting": action.meeting,
        "finding": finding,
        "review": finding.review,
    }


READ_PAGES = [
    ("governance:dashboard", None),
    ("governance:priority_detail", "priority"),
    ("governance:meeting_list", None),
    ("governance:meeting_detail", "meeting"),
    ("governance:peer_review_list", None),
    ("governance:peer_review_detail", "review"),
]
CHANGE_PAGES = [
    ("governance:priority_create", None),
    ("governance:priority_edit", "priority"),
    ("governance:meeting_create", None),
    ("governance:peer_review_create", None),
    ("governance:finding_respond", "finding"),
]


def _url(name, key, records):
    return reverse(name, args=[records[key].pk]) if key else reverse(name)


@pytest.mark.parametrize("name,key", READ_PAGES)
def test_only_the_psw_qa_and_heads_of_service_read_the_work_plan(client, everyone, records, name, key):
    for person, user in everyone.items():
        client.force_login(user)
        expected = 200 if person in READERS else 403
        assert client.get(_url(name, key, records)).status_code == expected, person


@pytest.mark.parametrize("name,key", CHANGE_PAGES)
def test_only_the_psw_and_qa_change_the_work_plan(client, everyone, records, name, key):
    for person, user in everyone.items():
        client.force_login(user)
        expected = 200 if person in EDITORS else 403
        assert client.get(_url(name, key, records)).status_code == expected, person


def test_a_head_of_service_cannot_add_a_progress_update(client, head_of_service, records):
    client.force_login(head_of_service)
    response = client.post(
        reverse("governance:priority_detail", args=[records["priority"].pk]),
        {"as_at-day": "1", "as_at-month": "6", "as_at-year": "2025", "rag": "red", "narrative": "Behind"},
    )
    assert response.status_code == 403
    assert not records["priority"].updates.exists()


def test_a_councillor_cannot_see_a_committee_action(client, councillor, records):
    client.force_login(councillor)
    assert client.get(reverse("governance:action_detail", args=[records["action"].pk])).status_code in (403, 404)
    assert client.get(reverse("governance:action_list")).status_code == 403


def test_an_owner_sees_and_updates_their_own_action_but_not_others(client, north_manager, records):
    mine = ActionFactory(owner=north_manager, owner_name="Marcus Green")
    client.force_login(north_manager)
    assert client.get(reverse("governance:action_detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("governance:action_detail", args=[records["action"].pk])).status_code == 404
    page = client.get(reverse("governance:action_list")).content.decode()
    assert "Marcus Green" in page and "Richard Nash" not in page
    response = client.post(
        reverse("governance:action_detail", args=[mine.pk]), {"status": "done", "narrative": "Circulated."}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "done"


def test_the_work_plan_is_in_the_navigation_only_for_its_readers(client, psw, councillor):
    client.force_login(psw)
    assert 'href="/governance/"' in client.get(reverse("core:home")).content.decode()
    client.force_login(councillor)
    assert 'href="/governance/"' not in client.get(reverse("core:home")).content.decode()
