"""The demo council has several years of people development."""

from datetime import date

from pswhub.core.demo import demo_data_load
from pswhub.core.periods import Period
from pswhub.core.tests.factories import UserFactory
from pswhub.people_development import figures, selectors
from pswhub.people_development.attention import people_development_attention_items


def test_the_demo_council_has_placements_programmes_and_panels_over_several_years(db):
    demo_data_load()
    for year in range(2019, 2026):
        assert figures.placements(period=Period.academic_year(year)) >= 34
    assert figures.progressed_by_year(years=range(2019, 2026))[2022] > 0
    result = figures.passed_since_start_and_still_employed(period=Period.financial_year(2025))
    assert result["passed"] > result["still_employed"] > 0
    assert figures.in_programme_at_end(period=Period(date(2026, 4, 1), date(2026, 11, 1))) > 0
    assert figures.final_placement_students_hired(period=Period.academic_year(2024)) > 0
    assert selectors.panels_waiting(today=date(2026, 11, 1)).exists()


def test_the_demo_social_worker_has_a_passed_asye_and_a_progression(db):
    demo_data_load()
    from pswhub.core.models import StaffMember

    worker = StaffMember.objects.get(user__username="demo-worker")
    assert selectors.own_records(worker).get().outcome == "passed"
    assert selectors.own_applications(worker).get().outcome == "progressed"
    assert people_development_attention_items(UserFactory()) == []
