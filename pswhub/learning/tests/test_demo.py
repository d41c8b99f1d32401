"""The demo council has learning over several years, Schwartz Rounds (some joint), named
attendance for the demo worker and supervision for its staff."""

from datetime import date

from pswhub.core.demo import demo_data_load
from pswhub.learning import selectors, supervision
from pswhub.learning.models import Booking


def test_the_demo_council_has_learning_and_supervision_over_several_years(db):
    demo_data_load(create_accounts=True)
    for year in (2023, 2024, 2025):
        figures = selectors.learning_figures(start=date(year, 4, 1), end=date(year + 1, 3, 31))
        assert figures["sessions_by_kind"]["schwartz_round"] >= 8, year
        assert figures["joint_schwartz_rounds"] >= 1 and figures["attended"] > 500, year
        assert all(figures["sessions_by_kind"][kind] for kind in ("course", "conference", "social_work_week"))
    assert [event.title for event in selectors.events_on_topic(text="alienation")][:1] == [
        "Parental alienation: understanding the evidence"
    ]
    assert Booking.objects.filter(staff_member__user__username="demo-worker", attended=True).exists()
    rate = supervision.supervision_compliance(on=date(2026, 10, 31))["rate"]
    assert 50 < rate < 100
