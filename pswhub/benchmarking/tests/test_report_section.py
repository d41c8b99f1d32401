"""The benchmarking section of the annual report, worked out by hand from the bundled file."""

import json
from datetime import date

import pytest

from pswhub.benchmarking import services
from pswhub.benchmarking.report_section import ADULTS_ONLY, NOT_PUBLISHED, BenchmarkingSection
from pswhub.core.periods import Period
from pswhub.core.report_sections import SectionData, registered_sections
from pswhub.core.tests.factories import AuthorityFactory

YEAR_2023_24 = Period.financial_year(2023)  # 1 April 2023 to 31 March 2024: holds 30 September 2023


@pytest.fixture
def wandsworth(db):
    services.bundled_figures_load()
    services.comparators_set(codes=["202"])
    return AuthorityFactory(name="Wandsworth Council", la_code="212")


def test_the_section_is_registered_after_the_workforce_section():
    keys = [section.key for section in registered_sections()]
    assert keys.index("benchmarking") == keys.index("workforce") + 1


def test_the_section_sets_the_council_beside_london_england_and_its_comparators(wandsworth):
    data = BenchmarkingSection().build(YEAR_2023_24, "all")
    assert data.comparison == (
        "The turnover rate was 15.1%, against 16.5% across London and 15.9% in England: "
        "the 65th lowest of 150 councils."
    )
    # Wandsworth 2023: vacancy 45.4 / (45.4 + 192) = 19.1%; London 25.2; England 18.9.
    assert data.narrative.startswith("The vacancy rate was 19.1%, against 25.2% across London and 18.9% in England")
    assert data.figures["council_turnover_rate_fte"] == 15.1
    assert data.figures["region_turnover_rate_fte"] == 16.5
    assert data.figures["england_turnover_rate_fte"] == 15.9
    assert data.figures["rank_turnover_rate_fte"] == 65
    assert data.table.head == ["Figure", "Wandsworth Council", "London", "England", "Rank among councils", "Camden"]
    # Camden 2023: turnover 16.1 (its row).
    assert data.table.rows[0] == ["Turnover rate (FTE, %)", "15.1%", "16.5%", "15.9%", "65th lowest of 150", "16.1%"]
    # Turnover, agency worker, vacancy and absence rates, in DfE's column order.
    assert data.chart.series[0] == {"name": "This council", "values": [15.1, 15.3, 19.1, 2.0]}
    assert "The council's own figures that DfE publishes for every council are never hidden." in data.notes
    assert SectionData.from_dict(json.loads(json.dumps(data.as_dict()))) == data


def test_a_year_dfe_has_not_published_says_so(wandsworth):
    data = BenchmarkingSection().build(Period(date(2025, 4, 1), date(2026, 3, 31)), "all")
    assert data.comparison == NOT_PUBLISHED.format(year=2025)
    assert BenchmarkingSection().build(YEAR_2023_24, "adults").comparison == ADULTS_ONLY
