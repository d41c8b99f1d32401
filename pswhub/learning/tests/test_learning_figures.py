"""Learning figures against values worked out by hand (docs/learning.md).

Financial year 2025/26, today 15 January 2026:

| # | Event                       | Kind              | Service  | Date        | Booked            | Attended       | Evaluation |
|---|-----------------------------|-------------------|----------|-------------|-------------------|----------------|------------|
| 1 | Parental alienation (1)     | course            | children | 10 May 2025 | 20                | 18             | 4.0 x 10   |
| 2 | Parental alienation (2)     | course            | children | 12 Nov 2025 | 3 named           | 2 named        |            |
| 3 | Schwartz Round              | schwartz_round    | joint    | 5 Jun 2025  | not known         | 40             | 4.6 x 15   |
| 4 | Schwartz Round              | schwartz_round    | adults   | 3 Jul 2025  | not known         | not known      |            |
| 5 | Practice briefing           | briefing          | joint    | 1 Sep 2025  | 120               | 110            |            |
| 6 | Alienation conference       | conference        | children | 10 Feb 2026 | 50 (planned)      | -              |            |
| 7 | Learning forum              | learning_forum    | children | 31 Mar 2025 | before the year   |                |            |
| 8 | Group supervision           | group_supervision | adults   | 15 Jan 2026 | not known         | not known      |            |

Held (1 2 3 4 5 8): 6 events; course 2, Schwartz Round 2, briefing 1, group supervision 1.
Booked 20 + 3 + 120 = 143; attended 18 + 2 + 40 + 110 = 170; joint 2 (3 and 5); joint Rounds 1.
Evaluation (4.0 x 10 + 4.6 x 15) / 25 = 109 / 25 = 4.36, so 4.4."""

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from pswhub.learning import selectors
from pswhub.learning.models import Topic
from pswhub.learning.tests.factories import BookingFactory, EventFactory

TODAY = date(2026, 1, 15)
YEAR = {"start": date(2025, 4, 1), "end": date(2026, 3, 31)}


@pytest.fixture
def events(db):
    alienation = Topic.objects.get(code="parental-alienation")
    voice = Topic.objects.get(code="voice-of-the-child")
    first = EventFactory(
        title="Parental alienation: the evidence",
        held_on=date(2025, 5, 10),
        booked_count=20,
        attended_count=18,
        evaluation_score=Decimal("4.0"),
        evaluation_responses=10,
        topics=[alienation],
    )
    second = EventFactory(title="Parental alienation: the evidence", held_on=date(2025, 11, 12), topics=[alienation])
    BookingFactory(event=second, attended=True)
    BookingFactory(event=second, attended=True)
    BookingFactory(event=second, attended=False)
    EventFactory(
        title="Schwartz Round",
        kind="schwartz_round",
        service="joint",
        held_on=date(2025, 6, 5),
        attended_count=40,
        evaluation_score=Decimal("4.6"),
        evaluation_responses=15,
    )
    EventFactory(title="Schwartz Round", kind="schwartz_round", service="adults", held_on=date(2025, 7, 3))
    EventFactory(
        title="Practice briefing",
        kind="briefing",
        service="joint",
        held_on=date(2025, 9, 1),
        booked_count=120,
        attended_count=110,
    )
    EventFactory(
        title="Alienation conference",
        kind="conference",
        held_on=date(2026, 2, 10),
        booked_count=50,
        topics=[alienation],
    )
    EventFactory(title="Learning forum", kind="learning_forum", held_on=date(2025, 3, 31), topics=[voice])
    EventFactory(title="Group supervision", kind="group_supervision", service="adults", held_on=TODAY)
    return {"first": first, "second": second}


def test_learning_held_in_the_year(events):
    figures = selectors.learning_figures(**YEAR, today=TODAY)
    assert figures["sessions_by_kind"] == {
        "course": 2,
        "briefing": 1,
        "conference": 0,
        "learning_forum": 0,
        "practice_week": 0,
        "social_work_week": 0,
        "schwartz_round": 2,
        "group_supervision": 1,
    }
    assert figures["events_held"] == 6
    assert (figures["booked"], figures["attended"]) == (143, 170)
    assert (figures["joint_sessions"], figures["schwartz_rounds"], figures["joint_schwartz_rounds"]) == (2, 2, 1)
    assert figures["evaluation_score"] == Decimal("4.4")


def test_a_service_keeps_its_own_and_the_joint_events(events):
    figures = selectors.learning_figures(**YEAR, today=TODAY, services="adults")
    # 3 (joint), 4 (adults), 5 (joint), 8 (adults)
    assert figures["events_held"] == 4
    assert figures["attended"] == 150


def test_totals_are_unknown_only_when_every_event_is(db):
    EventFactory(held_on=date(2025, 6, 1))
    figures = selectors.learning_figures(**YEAR, today=TODAY)
    assert (figures["booked"], figures["attended"], figures["evaluation_score"]) == (None, None, None)


def test_the_topic_search_answers_which_courses_cover_parental_alienation(events):
    found = selectors.events_on_topic(text="ALIEN")
    assert [(event.title, event.held_on) for event in found] == [
        ("Parental alienation: the evidence", date(2025, 5, 10)),
        ("Parental alienation: the evidence", date(2025, 11, 12)),
        ("Alienation conference", date(2026, 2, 10)),
    ]
    assert not selectors.events_on_topic(text="").exists()
    assert not selectors.events_on_topic(text="cannot match").exists()


def test_the_command_prints_the_figures_and_the_sessions_on_a_topic(events, capsys):
    # Run on the real today, after February 2026: the conference (6) has been held.
    call_command("learning_figures", "--from", "2025-04-01", "--to", "2026-03-31", "--topic", "parental", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert figures["sessions_by_kind"]["course"] == 2
    assert figures["sessions_by_kind"]["conference"] == 1
    assert (figures["booked"], figures["attended"], figures["joint_sessions"]) == (193, 170, 2)
    assert figures["sessions"] == [
        {"title": "Parental alienation: the evidence", "held_on": "2025-05-10"},
        {"title": "Parental alienation: the evidence", "held_on": "2025-11-12"},
        {"title": "Alienation conference", "held_on": "2026-02-10"},
    ]


def test_bookings_and_attendance_by_kind(events):
    # Held (1 2 3 4 5 8), kind by kind in the catalogue's order:
    # course (1, 2): booked 20 + 3 named = 23, attended 18 + 2 named = 20;
    # briefing (5): 120 booked, 110 attended;
    # Schwartz Round (3, 4): booked not known for both, so not known; attended 40 (4 not known);
    # group supervision (8): neither known. The conference (6) is planned, the forum (7) before.
    rows = selectors.bookings_by_kind(**YEAR, today=TODAY)
    assert sorted(rows) == sorted(
        [("course", 23, 20), ("briefing", 120, 110), ("schwartz_round", None, 40), ("group_supervision", None, None)]
    )
    # and the kinds' totals add up to the year's (143 booked, 170 attended)
    assert sum(booked or 0 for _kind, booked, _attended in rows) == 143
    assert sum(attended or 0 for _kind, _booked, attended in rows) == 170


def test_the_learning_page_charts_bookings_and_attendance_with_a_table(client, events, psw):
    from django.urls import reverse

    from pswhub.learning.presenters import bookings_chart

    chart = bookings_chart(selectors.bookings_by_kind(**YEAR, today=TODAY), type("P", (), {"label": "2025/26"}))
    assert chart["series"][0]["name"] == "Booked" and chart["series"][1]["name"] == "Attended"
    assert "Schwartz Round: not known booked, 40 attended." in chart["description"]

    # On the page for 2025/26, seen after the year (the conference, 6, is held by then: 50 booked,
    # attendance not known), the chart and its table say the same, unknowns in words
    client.force_login(psw)
    page = client.get(reverse("learning:home"), {"year": 2025}).content.decode()
    assert 'id="bookings-by-kind"' in page
    assert "Places booked and people who attended, by kind of event, 2025/26: the figures" in page
    table = page.split('id="bookings-by-kind"', 1)[1].split("</table>", 1)[0]
    cells = [cell.strip() for cell in re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", table)]
    assert cells == [
        *("Booked", "Attended"),
        *("Course session", "23", "20"),
        *("Briefing", "120", "110"),
        *("Conference", "50", "Not known"),
        *("Schwartz Round", "Not known", "40"),
        *("Group reflective supervision", "Not known", "Not known"),
    ]
