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


def test_sections_with_nothing_recorded_say_so_with_no_chart_or_table(db):
    period = Period.financial_year(2025)
    for section in (LearningSection(), SchwartzRoundsSection(), SupervisionSection(), TopicsSection()):
        built = section.build(period, "all")
        assert built.chart is None and built.table is None, section.key
    assert SupervisionSection().build(period, "all").comparison == "PSW Hub holds no supervision sessions for 2025/26."
