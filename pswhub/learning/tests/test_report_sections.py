"""The learning sections of the annual report carry the figures of the selectors."""

from datetime import date

from pswhub.core.periods import Period
from pswhub.learning.report_sections import LearningSection, SchwartzRoundsSection, SupervisionSection, TopicsSection
from pswhub.learning.tests.factories import EventFactory


def test_learning_and_schwartz_round_sections_count_the_years_events(db):
    EventFactory(kind="schwartz_round", service="joint", held_on=date(2025, 6, 5), attended_count=40)
    EventFactory(kind="schwartz_round", service="adults", held_on=date(2025, 7, 3))
    EventFactory(kind="course", held_on=date(2024, 7, 3), attended_count=10)
    period = Period.financial_year(2025)
    learning = LearningSection().build(period, "all")
    assert (learning.figures["events_held"], learning.figures["events_held_previous"]) == (2, 1)
    rounds = SchwartzRoundsSection().build(period, "all")
    assert (rounds.figures["schwartz_rounds"], rounds.figures["joint_schwartz_rounds"]) == (2, 1)
    assert "2 Schwartz Rounds were held in 2025/26, 1 of them joint" in rounds.comparison


def test_supervision_and_topics_sections_build_with_no_data(db):
    period = Period.financial_year(2025)
    assert SupervisionSection().build(period, "all").figures["rate"] is None
    assert TopicsSection().build(period, "all").figures == {"themes": 0, "themes_with_learning": 0}
