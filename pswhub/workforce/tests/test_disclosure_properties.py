"""Disclosure control on the workforce's figures (docs/adr/0013-disclosure-control.md): team and
role rows, read by the dashboard, its exports and the report, hide what a total would reveal; the
council's own DfE-published figures are never hidden."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pswhub.core import disclosure
from pswhub.core.tests.test_disclosure_subjects import LIMIT, C, _possible_values


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


@given(st.dictionaries(st.sampled_from(["turnover_rate", "agency_rate", "headcount_in_post"]), st.integers(0, 4)))
def test_the_councils_dfe_published_figures_are_never_hidden(figures):
    from pswhub.workforce.selectors import workforce_figures_for_publication

    council = {**figures, "team": None, "headcount_in_post": figures.get("headcount_in_post", 2)}
    assert workforce_figures_for_publication(council) == council
    assert disclosure.dfe_published(council) == council
