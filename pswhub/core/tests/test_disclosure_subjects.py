"""Disclosure control by subject (docs/adr/0013-disclosure-control.md), tested on what the pages,
exports and the report read: no shown figure lets a hidden one be worked out, a council's own
DfE-published figures are never hidden, and council- and service-level audit counts are shown."""

from hypothesis import given
from hypothesis import strategies as st

from pswhub.core import disclosure
from pswhub.core.disclosure import suppress_counts

C = "c"
LIMIT = 5


def _possible_values(shown, cells, limit, total):
    """Every value each hidden cell could take, for a reader who sees the shown cells and the
    total and knows the rule (a hidden small cell is 1 to limit - 1, any other hidden one limit or
    more)."""
    hidden = [label for label, value in shown.items() if label != "total" and value == C]
    remainder = total - sum(value for label, value in shown.items() if label != "total" and value != C)
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


teams = st.dictionaries(st.sampled_from("ABCDE"), st.integers(min_value=0, max_value=14), min_size=1, max_size=5)


@given(teams)
def test_a_published_council_total_never_pins_down_a_hidden_team(cells):
    # The council's headcount is always shown (DfE publishes it); the team cells beneath it are
    # people and are hidden so that the published total cannot give one away. A hidden cell can be
    # pinned only when every team's count is hidden: then the reader learns nothing beyond what
    # DfE's published total and the rule already say (two teams, 2 agency workers: 1 each).
    shown = suppress_counts(cells, limit=LIMIT, total_published=True)
    total = sum(cells.values())
    assert shown["total"] == total
    possible = _possible_values(shown, cells, LIMIT, total)
    every_count_hidden = all(shown[label] == C for label, count in cells.items() if count)
    for label, count in cells.items():
        if 0 < count < LIMIT:
            assert shown[label] == C
            assert len(possible[label]) > 1 or every_count_hidden, (cells, shown)


def test_each_subject_has_one_rule_in_words():
    assert disclosure.rule(disclosure.PEOPLE) == (
        "Counts of people from 1 to 4 are shown as c, as is any figure from which one could be worked out"
    )
    assert disclosure.rule(disclosure.AUDIT_COUNTS) == (
        "Counts of audits at council or service level identify no one and are shown"
    )
    assert disclosure.rule(disclosure.DFE_PUBLISHED) == (
        "The council's own figures that DfE publishes for every council are never hidden"
    )
