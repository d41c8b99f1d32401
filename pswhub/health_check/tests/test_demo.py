"""The demo council has three years of health check runs for each service, results above the
threshold, and a joint action plan published to staff."""

from pswhub.core.demo import demo_data_load
from pswhub.health_check import selectors
from pswhub.health_check.models import Plan, Run


def test_the_demo_council_has_three_years_of_runs_for_each_service_and_a_published_plan(db):
    demo_data_load()
    for service in ("children", "adults"):
        years = set(Run.objects.filter(service=service, opens_on__isnull=False).values_list("year_start", flat=True))
        assert {2023, 2024, 2025} <= years
        for year in (2023, 2024, 2025):
            result = selectors.figures(year_start=year, service=service)
            assert not result.suppressed and all(score is not None for score in result.by_standard.values())
    assert Plan.objects.filter(service="joint", published_on__isnull=False).exists()
    assert selectors.trend(service="children", years=[2022])[2022]["source"] == "LGA health check"
