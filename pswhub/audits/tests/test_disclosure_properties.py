"""Disclosure control on the audits' figures (docs/adr/0013-disclosure-control.md): counts of
audits at council or service level are shown to those who see aggregates only, as in the report."""

from collections import Counter
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pswhub.audits.reference import GRADE_CODES
from pswhub.core.tests.factories import TeamFactory
from pswhub.core.tests.test_disclosure_subjects import LIMIT, C

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


_years = iter(range(2001, 2100))


@pytest.fixture
def teams(db):
    return {name: TeamFactory(name=name) for name in ("North", "South", "East")}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(["North", "South", "East"]), st.sampled_from(GRADE_CODES)), min_size=1, max_size=16
    )
)
def test_the_councillors_dashboard_shows_every_council_count_and_no_team_count_can_be_worked_out(
    councillor, teams, audits
):
    # Each example is a financial year of its own, so the examples do not see each other's audits.
    from pswhub.audits.selectors import audit_dashboard
    from pswhub.audits.tests.test_figures import make
    from pswhub.core.tests.test_disclosure_subjects import _possible_values

    year = next(_years)
    for team, code in audits:
        make({code: 1}, on=date(year, 6, 1), team=teams[team])
    data = audit_dashboard(user=councillor, year=year, years=[year])
    by_grade = Counter(code for _, code in audits)
    assert data["aggregate_only"]
    shown = data["figures"]["current"]["by_grade"]
    assert {code: shown[code] for code in GRADE_CODES} == {code: by_grade[code] for code in GRADE_CODES}
    # The service's total is on the dashboard (by service), so team cells must hold against it.
    service_total = sum(row["completed"] for row in data["by_service"]["current"])
    assert service_total == len(audits)
    by_team = Counter(team for team, _ in audits)
    cells = {teams[name].pk: count for name, count in by_team.items()}
    column = {row["team_id"]: row["completed"] for row in data["teams"]}
    possible = _possible_values(column | {"total": service_total}, cells, LIMIT, service_total)
    # A hidden team can be pinned only when every team's count is hidden: then the reader learns
    # no more than the service's own count, which identifies no one, already says.
    every_count_hidden = all(column[team_id] == C for team_id, count in cells.items() if count)
    for team_id, count in cells.items():
        if 0 < count < LIMIT:
            assert column[team_id] == C
            assert len(possible[team_id]) > 1 or every_count_hidden, (cells, column)
