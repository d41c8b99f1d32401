"""For each learning theme audits found in a year, the learning offered on it since the year
began: topics share the audit themes' vocabulary by code.

Audits completed in 2025/26: three name "Voice of the child", one "Chronology and genogram".
Events from 1 April 2025 on a topic answering voice of the child: one held (June 2025), one planned
(February 2026, after today, 15 January 2026); one held in March 2025 is before the year and left
out. No event answers chronology."""

from datetime import date

from pswhub.audits.tests.factories import AuditFactory, learning_theme
from pswhub.learning import selectors
from pswhub.learning.models import Topic
from pswhub.learning.tests.factories import EventFactory


def test_each_audit_theme_lists_the_learning_offered_since(db):
    voice, chronology = learning_theme("voice-of-the-child"), learning_theme("chronology")
    for day in (date(2025, 5, 1), date(2025, 6, 1), date(2025, 9, 1)):
        AuditFactory(completed_on=day, themes=[voice])
    AuditFactory(completed_on=date(2025, 7, 1), themes=[chronology])
    topic = Topic.objects.get(theme_code="voice-of-the-child")
    EventFactory(held_on=date(2025, 3, 20), topics=[topic])
    EventFactory(held_on=date(2025, 6, 20), topics=[topic])
    EventFactory(held_on=date(2026, 2, 20), topics=[topic])

    rows = selectors.themes_against_learning(start=date(2025, 4, 1), end=date(2026, 3, 31), today=date(2026, 1, 15))

    assert [(row.code, row.audits, row.topics, row.events, row.planned) for row in rows] == [
        ("voice-of-the-child", 3, ["Voice of the child"], 1, 1),
        ("chronology", 1, ["Chronologies and genograms"], 0, 0),
    ]
