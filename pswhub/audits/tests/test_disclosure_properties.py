"""Disclosure control on the audits' figures (docs/adr/0013-disclosure-control.md): counts of
audits at council or service level are shown to those who see aggregates only, as in the report."""

from hypothesis import given
from hypothesis import strategies as st

from pswhub.core.tests.test_disclosure_subjects import C

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
