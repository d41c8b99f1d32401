"""Disclosure control by subject (docs/adr/0013-disclosure-control.md), tested on what the pages,
exports and the report read: no shown figure lets a hidden one be worked out, a council's own
DfE-published figures are never hidden, and council- and service-level audit counts are shown."""

from hypothesis import given, settings
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


@settings(max_examples=60)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "headcount_in_post": st.integers(0, 14),
                "leavers_headcount": st.integers(0, 6),
                "agency_headcount": st.integers(0, 6),
                "starters_headcount": st.integers(0, 6),
            }
        ),
        min_size=2,
        max_size=5,
    )
)
def test_team_rows_of_the_workforce_pages_and_exports_hide_what_a_total_would_reveal(rows):
    # The workforce dashboard, its XLSX export and the report read team and role rows through
    # `figures_by_group_for_publication`; a hidden headcount hides what is derived from it.
    from pswhub.workforce.breakdowns import figures_by_group_for_publication

    rows = [
        {**row, "team": f"Team {index}", "fte_in_post": row["headcount_in_post"], "turnover_rate": 1, "leavers_fte": 1}
        | {"working_days_lost": 0, "absence_rate": 0, "agency_fte": 0, "agency_rate": 0, "agency_cover_rate": None}
        | {"vacancy_rate": None, "cases": 0, "case_holder_fte": 0, "average_caseload": None}
        for index, row in enumerate(rows)
    ]
    with settings_limit(LIMIT):
        shown = figures_by_group_for_publication(rows)
    for count in ("headcount_in_post", "leavers_headcount", "agency_headcount"):
        cells = {index: row[count] for index, row in enumerate(rows)}
        column = {index: row[count] for index, row in enumerate(shown)}
        total = sum(cells.values())
        possible = _possible_values(column | {"total": total}, cells, LIMIT, total)
        every_count_hidden = all(column[index] == C for index, value in cells.items() if value)
        for index, value in cells.items():
            if 0 < value < LIMIT:
                assert column[index] == C
                assert len(possible[index]) > 1 or every_count_hidden, (count, cells, column)
    for row in shown:
        if row["leavers_headcount"] == C:
            assert row["turnover_rate"] == C and row["leavers_fte"] == C
        if row["headcount_in_post"] == C:
            assert row["fte_in_post"] == C


class settings_limit:
    """The suppression threshold for a block, as PSWHUB_SUPPRESSION_THRESHOLD sets it."""

    def __init__(self, limit):
        self.limit = limit

    def __enter__(self):
        from django.conf import settings as django_settings

        self.before = django_settings.PSWHUB_SUPPRESSION_THRESHOLD
        django_settings.PSWHUB_SUPPRESSION_THRESHOLD = self.limit

    def __exit__(self, *exc):
        from django.conf import settings as django_settings

        django_settings.PSWHUB_SUPPRESSION_THRESHOLD = self.before


grades = st.fixed_dictionaries({code: st.integers(0, 12) for code in ("outstanding", "good", "ri", "inadequate")})


@given(grades, grades)
def test_council_and_service_audit_counts_are_all_shown_so_none_is_worked_out(children, adults):
    # The councillor's audit dashboard and the report read council- and service-level audit
    # counts through `audit_figures_suppressed` and `audit_figures_by_service_suppressed`: every
    # count is shown, so the total and the percentage reveal nothing hidden.
    from pswhub.audits.selectors import audit_figures_by_service_suppressed, audit_figures_suppressed

    council = {code: children[code] + adults[code] for code in children}
    figures = {"by_grade": council, "by_type": {"full": sum(council.values())}, "by_team": None}
    shown = audit_figures_suppressed(figures)
    assert shown["by_grade"] == council | {"total": sum(council.values())}
    rows = [{"service_id": 1, "by_grade": children}, {"service_id": 2, "by_grade": adults}]
    for row, original in zip(audit_figures_by_service_suppressed(rows), (children, adults), strict=True):
        assert C not in row["by_grade"].values()
        assert {code: row["by_grade"][code] for code in original} == original


@given(st.dictionaries(st.sampled_from(["turnover_rate", "agency_rate", "headcount_in_post"]), st.integers(0, 4)))
def test_the_councils_dfe_published_figures_are_never_hidden(figures):
    from pswhub.workforce.selectors import workforce_figures_for_publication

    council = {**figures, "team": None, "headcount_in_post": figures.get("headcount_in_post", 2)}
    assert workforce_figures_for_publication(council) == council
    assert disclosure.dfe_published(council) == council


def test_each_subject_has_one_rule_in_words():
    assert disclosure.rule(disclosure.PEOPLE) == (
        "Counts of identifiable people: 1 to 4 shown as c, with complementary suppression"
    )
    assert disclosure.rule(disclosure.AUDIT_COUNTS) == "Counts of audits at council or service level: shown"
    assert disclosure.rule(disclosure.DFE_PUBLISHED) == (
        "The council's own figures DfE publishes for every council: never hidden"
    )
