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


@given(counts, st.integers(min_value=2, max_value=10))
def test_a_shown_total_never_reveals_a_hidden_cell(cells, limit):
    shown = suppress_counts(cells, limit=limit)
    if shown["total"] == C:
        return
    hidden = [label for label in cells if shown[label] == C]
    # Subtracting the shown cells from the total gives the sum of the hidden ones; it reveals a
    # single cell only when exactly one cell is hidden.
    assert len(hidden) != 1
    if hidden:
        assert shown["total"] - sum(shown[label] for label in cells if shown[label] != C) == sum(cells[label] for label in hidden)


@given(counts, st.integers(min_value=2, max_value=10))
def test_shown_figures_are_the_true_figures(cells, limit):
    shown = suppress_counts(cells, limit=limit)
    for label, count in cells.items():
        assert shown[label] in (C, count)
    assert shown["total"] in (C, sum(cells.values()))
