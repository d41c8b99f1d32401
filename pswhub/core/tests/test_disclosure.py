"""Disclosure control: small counts show as `c`, and no total lets anyone work one out."""

from hypothesis import given
from hypothesis import strategies as st

from pswhub.core.disclosure import suppress_counts

C = "c"


def test_small_counts_are_hidden_and_a_second_cell_protects_them():
    # Team A has 3 (small, hidden). With the total 27 shown, 27 - 12 - 12 = 3 would give A away,
    # so the next smallest cell (B, 12) is hidden too.
    shown = suppress_counts({"A": 3, "B": 12, "C": 12}, limit=5)
    assert shown == {"A": C, "B": C, "C": 12, "total": 27}


def test_zero_is_shown_because_it_identifies_nobody():
    assert suppress_counts({"A": 0, "B": 20}, limit=5) == {"A": 0, "B": 20, "total": 20}


def test_two_small_cells_protect_each_other():
    # 36 - 30 = 6 hidden between A and B, each 1 to 4: A could be 2, 3 or 4.
    assert suppress_counts({"A": 2, "B": 4, "C": 30}, limit=5) == {"A": C, "B": C, "C": 30, "total": 36}


def test_a_small_total_is_hidden():
    assert suppress_counts({"A": 1, "B": 2}, limit=5) == {"A": C, "B": C, "total": C}


def test_when_no_other_cell_can_be_hidden_the_total_is():
    assert suppress_counts({"A": 3, "B": 0}, limit=5) == {"A": C, "B": 0, "total": C}


counts = st.dictionaries(st.sampled_from("ABCDEFGH"), st.integers(min_value=0, max_value=60), min_size=1)


@given(counts, st.integers(min_value=2, max_value=10))
def test_no_small_count_is_ever_shown(cells, limit):
    shown = suppress_counts(cells, limit=limit)
    for label, count in cells.items():
        if 0 < count < limit:
            assert shown[label] == C


def _possible_values(shown, cells, limit):
    """Every value each hidden cell could take, found by trying every assignment that agrees with
    what is shown, for a reader who knows which hidden cells are small (1 to limit - 1) and which
    were hidden to protect them (limit or more)."""
    hidden = [label for label, value in shown.items() if label != "total" and value == C]
    remainder = shown["total"] - sum(value for label, value in shown.items() if label != "total" and value != C)
    seen = {label: set() for label in hidden}

    def allowed(label, value):
        return value < limit if 0 < cells[label] < limit else value >= limit

    def assign(index, left, chosen):
        if index == len(hidden):
            if left == 0:
                for label, value in chosen.items():
                    seen[label].add(value)
            return
        for value in range(1, left + 1):
            if allowed(hidden[index], value):
                assign(index + 1, left - value, {**chosen, hidden[index]: value})

    assign(0, remainder, {})
    return seen


small_groups = st.dictionaries(st.sampled_from("ABCDE"), st.integers(min_value=0, max_value=14), min_size=1, max_size=5)


@given(small_groups, st.integers(min_value=2, max_value=6))
def test_a_shown_total_never_pins_down_a_small_cell(cells, limit):
    shown = suppress_counts(cells, limit=limit)
    if shown["total"] == C:
        return
    possible = _possible_values(shown, cells, limit)
    for label, count in cells.items():
        if 0 < count < limit:
            assert count in possible[label]
            assert len(possible[label]) > 1, (cells, shown)


def test_two_hidden_ones_beside_a_shown_total_are_protected():
    # {1, 1, 10}: hiding only the two 1s with the total 12 shown gives 12 - 10 = 2, so both are 1.
    shown = suppress_counts({"A": 1, "B": 1, "C": 10}, limit=5)
    assert shown["total"] == C or shown["C"] == C


@given(counts, st.integers(min_value=2, max_value=10))
def test_shown_figures_are_the_true_figures(cells, limit):
    shown = suppress_counts(cells, limit=limit)
    for label, count in cells.items():
        assert shown[label] in (C, count)
    assert shown["total"] in (C, sum(cells.values()))
