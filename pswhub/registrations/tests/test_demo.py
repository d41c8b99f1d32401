"""The demo council has registrations renewed over four years, with the 2026 window still open."""

from datetime import date

from pswhub.core.demo import demo_data_load
from pswhub.registrations import selectors


def test_the_demo_council_has_renewals_over_several_years(db):
    demo_data_load()
    for year in (2023, 2024, 2025):
        figures = selectors.registration_figures(year=year)
        assert figures["social_workers"] > 50 and figures["renewed"] >= figures["social_workers"] - 2, year
    open_window = selectors.registration_figures(year=2026, on=date(2026, 11, 1))
    assert 0 < open_window["renewed"] < open_window["social_workers"]
    assert open_window["at_risk"] > 0
