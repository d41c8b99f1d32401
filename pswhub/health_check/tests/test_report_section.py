"""The health check section of the annual report: worked by hand, and nothing below the threshold."""

from datetime import date

from django.test import override_settings

from pswhub.core.periods import Period
from pswhub.health_check.models import LgaResult
from pswhub.health_check.report_sections import HealthCheckSection
from pswhub.health_check.tests.factories import CommitmentUpdateFactory, RunFactory, respond_many


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_the_section_sets_this_years_scores_beside_the_lgas_of_the_year_before(db):
    """2025/26: 10 of 16 invited answered (62.5%); standard 5's one item: ten agree, 75, high.
    2024/25: the LGA's result for standard 5 entered by hand, 58."""
    run = RunFactory(year_start=2025, source="imported", invited_count=16)
    respond_many(run, 10, choices={"regular_supervision": 4})
    LgaResult.objects.create(year_start=2024, service="children", standard_id=5, score=58)
    CommitmentUpdateFactory(commitment__theme__plan__published_on=date(2025, 12, 1), as_at=date(2026, 1, 15))
    data = HealthCheckSection().build(Period.financial_year(2025), "children")
    assert data.figures["children_responses"] == 10
    assert data.figures["children_response_rate"] == "62.5"
    assert data.figures["children_standard_5"] == 75
    assert data.figures["children_standard_5_previous"] == 58
    assert data.figures["commitments_green"] == 1 and data.figures["commitments_total"] == 1
    assert data.table.rows[4][1:] == [58, 75, "High"]
    assert "You said: Your workload is too high" in data.narrative and "Green: on track" in data.narrative


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_below_the_threshold_the_section_gives_no_score_and_no_count(db):
    run = RunFactory(year_start=2025, source="imported", invited_count=16)
    respond_many(run, 9, choices={"regular_supervision": 4})
    data = HealthCheckSection().build(Period.financial_year(2025), "children")
    assert data.figures["children_responses"] == "c"
    assert data.figures["children_response_rate"] is None
    assert {data.figures[f"children_standard_{n}"] for n in range(1, 9)} == {"c"}
    assert "9" not in data.comparison and "too few people answered" in data.comparison
