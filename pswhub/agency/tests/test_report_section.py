"""The agency section of the annual report: the figures at the period's end and its spend beside
the previous period's, suppressed as published, kept as plain values."""

import json
from datetime import date
from decimal import Decimal

from pswhub.agency.models import CoverReason
from pswhub.agency.report_section import AgencySection
from pswhub.core.periods import Period
from pswhub.core.report_sections import SectionData, registered_sections
from pswhub.core.tests.factories import ServiceFactory, TeamFactory

from .factories import EngagementFactory, PriceCapFactory


def test_the_section_is_registered():
    assert "agency" in [section.key for section in registered_sections()]


def test_a_year_with_six_agency_social_workers_and_one_the_year_before(db, north_team):
    PriceCapFactory(starts_on=date(2024, 4, 1), hourly_rate=Decimal("45"))
    # Six in force on 31 March 2026 since 1 March 2026, £35 an hour full time: 31 days each,
    # 35 × 37 × 31 / 7 = 40,145 / 7 = 5,735 each, 34,410 for the six.
    for _ in range(6):
        EngagementFactory(
            team=north_team, cover_reason=CoverReason.VACANCY, starts_on=date(2026, 3, 1), hourly_rate=Decimal("35")
        )
    # One in 2024/25 only, 1 to 7 March 2025 at £50: 50 × 37 × 7 / 7 = 1,850; ended before 31 March 2025.
    EngagementFactory(team=north_team, starts_on=date(2025, 3, 1), ends_on=date(2025, 3, 7), hourly_rate=Decimal("50"))
    section = AgencySection().build(Period.financial_year(2025), "all")
    figures = section.figures
    assert (figures["headcount"], figures["fte"], figures["spend"]) == (6, 6.0, 34410.0)
    # All six cover vacancies: 6 of 6 = 100.0%; the zeros reveal nobody.
    assert figures["by_reason"] == {"vacancy": 6, "maternity": 0, "sickness": 0, "project": 0}
    assert figures["vacancy_share"] == 100.0
    assert (figures["headcount_previous"], figures["spend_previous"]) == (0, 1850.0)
    assert section.comparison == (
        "£34,410 was spent on agency social workers in 2025/26, compared with £1,850 in 2024/25. "
        "The regional price cap was £45.00 an hour; 0 engagements in force on the last day charged above it."
    )
    json.dumps(section.as_dict())
    assert SectionData.from_dict(json.loads(json.dumps(section.as_dict()))) == section


def test_the_service_choice_counts_that_service_only(db, north_team):
    adults = TeamFactory(service=ServiceFactory(authority=north_team.service.authority, kind="adults"))
    for _ in range(5):
        EngagementFactory(team=north_team, starts_on=date(2026, 1, 1))
    EngagementFactory(team=adults, starts_on=date(2026, 1, 1))
    period = Period.financial_year(2025)
    assert AgencySection().build(period, "children").figures["headcount"] == 5
    assert AgencySection().build(period, "adults").figures["headcount"] == "c"
    assert AgencySection().build(period, "all").figures["headcount"] == 6
