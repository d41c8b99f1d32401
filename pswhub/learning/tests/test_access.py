"""Who sees and changes learning and supervision. The catalogue is open to everyone in practice;
named attendance and supervision follow the staff scope (a worker their own, a manager their
team's); councillors see council-level figures only."""

from datetime import date

import pytest
from django.urls import reverse

from pswhub.learning.models import Booking, SupervisionSession
from pswhub.learning.tests.factories import BookingFactory, EventFactory, SessionFactory

RUNS_LEARNING = {"psw", "qa_officer", "hr_officer"}
READS_SUPERVISION = {"psw", "qa_officer", "hr_officer", "head_of_service", "north_manager"}
READS_THEMES = {"psw", "qa_officer", "head_of_service"}


@pytest.fixture
def event(north_worker, south_worker):
    event = EventFactory(title="Parental alienation", held_on=date(2025, 10, 1))
    BookingFactory(event=event, staff_member=north_worker.staff_member)
    BookingFactory(event=event, staff_member=south_worker.staff_member)
    return event


def test_everyone_with_a_role_sees_the_learning_figures(client, everyone, no_role_user):
    for person, user in everyone.items():
        client.force_login(user)
        assert client.get(reverse("learning:home")).status_code == 200, person
    client.force_login(no_role_user)
    assert client.get(reverse("learning:home")).status_code == 403


def test_everyone_in_practice_reads_the_catalogue_but_not_a_councillor(client, everyone, event):
    for person, user in everyone.items():
        client.force_login(user)
        expected = 403 if person == "councillor" else 200
        assert client.get(reverse("learning:event_list")).status_code == expected, person
        assert client.get(reverse("learning:event_detail", args=[event.pk])).status_code == expected, person


@pytest.mark.parametrize("name", ["learning:event_create"])
def test_only_the_psw_qa_and_hr_add_events(client, everyone, name):
    for person, user in everyone.items():
        client.force_login(user)
        assert client.get(reverse(name)).status_code == (200 if person in RUNS_LEARNING else 403), person


def test_only_supervision_readers_see_the_supervision_page(client, everyone):
    for person, user in everyone.items():
        client.force_login(user)
        expected = 200 if person in READS_SUPERVISION else 403
        assert client.get(reverse("learning:supervision")).status_code == expected, person


def test_only_the_psw_qa_and_heads_see_audit_themes_against_learning(client, everyone):
    for person, user in everyone.items():
        client.force_login(user)
        expected = 200 if person in READS_THEMES else 403
        assert client.get(reverse("learning:themes")).status_code == expected, person


def test_a_worker_sees_their_own_name_on_an_event_but_not_anothers(client, north_worker, event):
    client.force_login(north_worker)
    page = client.get(reverse("learning:event_detail", args=[event.pk])).content.decode()
    assert "Wes Ormerod" in page and "Sian Threlfall" not in page


def test_a_worker_sees_their_own_learning_and_supervision_but_not_anothers(client, north_worker, south_worker, event):
    SessionFactory(staff_member=north_worker.staff_member, held_on=date(2025, 10, 3))
    client.force_login(north_worker)
    page = client.get(reverse("learning:mine")).content.decode()
    assert "Parental alienation" in page and "3 October 2025" in page
    assert client.get(reverse("learning:staff", args=[south_worker.staff_member.pk])).status_code == 404


def test_a_worker_cannot_record_their_own_supervision(client, north_worker):
    client.force_login(north_worker)
    url = reverse("learning:supervision_record", args=[north_worker.staff_member.pk])
    assert client.get(url).status_code == 403


def test_a_manager_records_supervision_for_their_team_but_not_another(
    client, north_manager, north_worker, south_worker
):
    client.force_login(north_manager)
    response = client.post(
        reverse("learning:supervision_record", args=[north_worker.staff_member.pk]),
        {"held_on-day": "2", "held_on-month": "3", "held_on-year": "2026", "kind": "individual", "minutes": "90"},
    )
    assert response.status_code == 302
    assert SupervisionSession.objects.get(staff_member=north_worker.staff_member).held_on == date(2026, 3, 2)
    assert client.get(reverse("learning:staff", args=[south_worker.staff_member.pk])).status_code == 404
    assert client.get(reverse("learning:supervision_record", args=[south_worker.staff_member.pk])).status_code == 404


def test_a_manager_sees_only_their_teams_names_on_an_event(client, north_manager, event):
    client.force_login(north_manager)
    page = client.get(reverse("learning:event_detail", args=[event.pk])).content.decode()
    assert "Wes Ormerod" in page and "Sian Threlfall" not in page


def test_a_councillor_sees_no_names(client, councillor, event):
    client.force_login(councillor)
    page = client.get(reverse("learning:home")).content.decode()
    assert "Ormerod" not in page
    assert client.get(reverse("learning:mine")).status_code == 200


def test_the_psw_records_attendance_and_a_manager_cannot(client, psw, north_manager, north_worker):
    event = EventFactory(held_on=date(2025, 10, 1))
    client.force_login(north_manager)
    data = {"staff_member": north_worker.staff_member.pk, "attended": "yes"}
    assert client.post(reverse("learning:event_detail", args=[event.pk]), data).status_code == 403
    client.force_login(psw)
    assert client.post(reverse("learning:event_detail", args=[event.pk]), data).status_code == 302
    assert Booking.objects.get(event=event).attended


def test_learning_is_in_the_navigation_for_a_role_and_not_without_one(councillor, no_role_user):
    from pswhub.core.navigation import pages_for

    assert "/learning/" in [page["href"] for page in pages_for(councillor)]
    assert "/learning/" not in [page["href"] for page in pages_for(no_role_user)]


def test_a_manager_chooses_a_supervisor_only_from_the_staff_they_may_see(
    client, north_manager, north_worker, south_worker
):
    client.force_login(north_manager)
    page = client.get(reverse("learning:supervision_record", args=[north_worker.staff_member.pk])).content.decode()
    assert "Mina Ngata" in page and "Sian Threlfall" not in page


def test_the_psw_adds_a_topic_answering_an_audit_theme_and_a_worker_cannot(client, psw, north_worker):
    from pswhub.learning.forms import TOPIC_TAKEN
    from pswhub.learning.models import Topic

    data = {"name": "Neglect", "theme_code": "impact-on-the-child"}
    client.force_login(north_worker)
    assert client.post(reverse("learning:topics"), data).status_code == 403
    client.force_login(psw)
    assert client.post(reverse("learning:topics"), data).status_code == 302
    assert Topic.objects.get(name="Neglect").theme_code == "impact-on-the-child"
    again = client.post(reverse("learning:topics"), data).content.decode()
    assert TOPIC_TAKEN.format(name="Neglect") in again
