"""The shared arithmetic: half-up rounding, rates and averages, and unknown kept apart from zero."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pswhub.core import figures


def test_halves_round_up_not_to_even():
    # round(0.25, 1) is 0.2 in Python (halves to even); DfE publishes 0.3.
    assert figures.round_half_up(Decimal("0.25")) == Decimal("0.3")
    assert figures.round_half_up(Decimal("2.5"), places=0) == Decimal("3")
    assert figures.round_half_up(Decimal("16.65"), places=1) == Decimal("16.7")
    assert figures.round_half_up(None) is None


def test_a_rate_is_a_percentage_to_one_place():
    # 21 vacancies in 130 FTE: 2,100 / 130 = 16.153... -> 16.2
    assert figures.rate(21, 130) == Decimal("16.2")
    # 1 in 8 = 12.5 exactly; 1 in 40 = 2.5
    assert figures.rate(1, 8) == Decimal("12.5")
    assert figures.rate(1, 40) == Decimal("2.5")
    # 1 in 16 = 6.25 -> 6.3 (half up)
    assert figures.rate(1, 16) == Decimal("6.3")


def test_a_rate_with_nothing_to_divide_by_is_not_known_rather_than_zero():
    assert figures.rate(0, 0) is None
    assert figures.rate(3, None) is None
    assert figures.rate(None, 10) is None
    assert figures.rate(0, 10) == Decimal("0.0")


def test_a_ratio_is_cases_per_fte():
    # 74 cases held by 4.5 FTE: 16.444... -> 16.4
    assert figures.ratio(74, Decimal("4.5")) == Decimal("16.4")
    assert figures.ratio(10, 0) is None


def test_an_average_ignores_unknown_values():
    assert figures.average([10, None, 13]) == Decimal("11.5")
    assert figures.average([None, None]) is None
    assert figures.average([]) is None


def test_a_total_of_unknowns_is_unknown_but_a_total_of_nothing_is_zero():
    assert figures.total([]) == 0
    assert figures.total([None, None]) is None
    assert figures.total([3, None, 4]) == 7
    assert figures.total([0, 0]) == 0


def test_count_counts_known_values():
    assert figures.count([0, None, 5]) == 2


@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=1, max_value=10_000))
def test_a_rate_is_within_half_a_tenth_of_the_exact_value(part, whole):
    exact = Decimal(part) * 100 / Decimal(whole)
    assert abs(figures.rate(part, whole) - exact) <= Decimal("0.05")
