"""The agency figures, each checked against a value worked out by hand (docs/figures.md, "Agency
social workers")."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.agency import selectors
from pswhub.agency.models import CoverReason, Engagement
from pswhub.core.periods import Period

from .factories import EngagementFactory, PriceCapFactory

# April to June 2026: 30 + 31 + 30 = 91 days.
QUARTER = Period(date(2026, 4, 1), date(2026, 6, 30))


@pytest.fixture
def council(db, north_team):
    PriceCapFactory(starts_on=date(2025, 4, 1), hourly_rate=Decimal("40.00"))
    PriceCapFactory(starts_on=date(2026, 4, 1), hourly_rate=Decimal("45.00"))
    make = lambda **values: EngagementFactory(team=north_team, **values)  # noqa: E731
    return {
        # A: in force all quarter, 91 days: 40 × 1 × 37 × 91 / 7 = 40 × 37 × 13 = 19,240.
        "A": make(cover_reason=CoverReason.VACANCY, starts_on=date(2026, 1, 1), hourly_rate=Decimal("40")),
        # B: May only, 31 days: 50 × 0.6 × 37 × 31 / 7 = 34,410 / 7 = 4,915.714…; ended before 30 June.
        "B": make(
            cover_reason=CoverReason.MATERNITY, starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 31),
            fte=Decimal("0.6"), hourly_rate=Decimal("50"),
        ),
        # C: 24 to 30 June, 7 days: 48 × 0.5 × 37 × 7 / 7 = 888; above the £45 cap.
        "C": make(
            cover_reason=CoverReason.SICKNESS, starts_on=date(2026, 6, 24), ends_on=date(2026, 9, 30),
            fte=Decimal("0.5"), hourly_rate=Decimal("48"),
        ),
        # F: June, ending on the last day, 30 days: 42 × 37 × 30 / 7 = 46,620 / 7 = 6,660.
        "F": make(cover_reason=CoverReason.VACANCY, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 30),
                  hourly_rate=Decimal("42")),
        # D starts after the quarter and E ended before it: neither counts.
        "D": make(cover_reason=CoverReason.VACANCY, starts_on=date(2026, 7, 1), hourly_rate=Decimal("44")),
        "E": make(cover_reason=CoverReason.PROJECT, starts_on=date(2025, 1, 1), ends_on=date(2026, 3, 31),
                  hourly_rate=Decimal("60")),
    }  # fmt: skip


def figures(on=date(2026, 6, 30), period=QUARTER):
    return selectors.agency_figures(engagements=Engagement.objects.all(), on=on, period=period)


def test_headcount_fte_and_share_covering_vacancies_on_the_day(council):
    shown = figures()
    # In force on 30 June: A, C and F (F's last day is 30 June). FTE 1 + 0.5 + 1 = 2.5.
    assert (shown["headcount"], shown["fte"]) == (3, Decimal("2.50"))
    # Covering vacancies: A and F, 2 of 3 = 66.666…% → 66.7%.
    assert (shown["covering_vacancies"], shown["vacancy_share"]) == (2, Decimal("66.7"))
    assert shown["by_reason"] == {"vacancy": 2, "maternity": 0, "sickness": 1, "project": 0}


def test_spend_over_the_period_in_whole_pounds(council):
    # 19,240 + 4,915.714… + 888 + 6,660 = 31,703.714… → £31,704.
    assert figures()["spend"] == Decimal("31704")


def test_spend_over_one_day_and_before_any_engagement(council):
    # 1 April 2026 alone: only A, 40 × 37 × 1 / 7 = 211.428… → £211.
    assert figures(on=date(2026, 4, 1), period=Period(date(2026, 4, 1), date(2026, 4, 1)))["spend"] == Decimal("211")
    assert figures(on=date(2020, 1, 1), period=Period(date(2020, 1, 1), date(2020, 12, 31)))["spend"] == 0


def test_engagements_over_the_price_cap_in_force_on_the_day(council):
    shown = figures()
    # The £45 cap holds from 1 April 2026; of A (£40), C (£48) and F (£42) only C is above it.
    assert (shown["price_cap"], shown["over_cap"]) == (Decimal("45.00"), 1)
    # On 31 March 2026 the £40 cap holds: A at £40 is not above it, E at £60 is.
    earlier = figures(on=date(2026, 3, 31), period=Period(date(2026, 3, 1), date(2026, 3, 31)))
    assert (earlier["price_cap"], earlier["over_cap"], earlier["headcount"]) == (Decimal("40.00"), 1, 2)


def test_with_no_cap_recorded_nothing_is_over_it(db, north_team):
    EngagementFactory(team=north_team, hourly_rate=Decimal("90"))
    shown = figures()
    assert (shown["price_cap"], shown["over_cap"]) == (None, None)


def test_with_no_engagements_the_share_is_not_known_not_zero(db):
    shown = figures()
    assert (shown["headcount"], shown["fte"], shown["vacancy_share"], shown["spend"]) == (0, Decimal("0.00"), None, 0)


def test_a_small_headcount_is_suppressed_with_everything_worked_out_from_it(council):
    shown = selectors.agency_figures_suppressed(figures())
    # 3 in force: below the threshold of 5, so headcount, FTE, spend, share and over-cap are c;
    # the counts by reason 2 and 1 are c, the zeros are shown (they reveal nobody).
    assert [shown[name] for name in ("headcount", "fte", "spend", "vacancy_share", "over_cap")] == ["c"] * 5
    assert shown["by_reason"] == {"vacancy": "c", "maternity": 0, "sickness": "c", "project": 0}


def test_a_larger_headcount_is_shown_with_a_small_reason_hidden_and_another_with_it(db, north_team):
    for reason, count in ((CoverReason.VACANCY, 6), (CoverReason.MATERNITY, 6), (CoverReason.SICKNESS, 2)):
        for _ in range(count):
            EngagementFactory(team=north_team, cover_reason=reason)
    shown = selectors.agency_figures_suppressed(figures())
    # 14 in force: shown. Sickness 2 is small; with the total shown it is 14 - 6 - 6, so the next
    # smallest (maternity 6) is hidden too: then sickness + maternity = 8 with maternity at least
    # 5 leaves sickness anywhere from 1 to 3. Vacancies 6 of 14 = 42.857…% → 42.9%.
    assert (shown["headcount"], shown["vacancy_share"], shown["fte"]) == (14, Decimal("42.9"), Decimal("14.00"))
    assert shown["by_reason"] == {"vacancy": 6, "maternity": "c", "sickness": "c", "project": 0}
