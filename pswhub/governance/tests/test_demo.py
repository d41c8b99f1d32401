"""The demo council has a work plan over three years, committee actions and a peer review."""

from datetime import date

from pswhub.core.demo import demo_data_load
from pswhub.governance import selectors
from pswhub.governance.models import CommitteeAction, PeerReviewFinding, Priority


def test_the_demo_council_has_a_work_plan_carried_from_year_to_year(db):
    demo_data_load()
    assert {2024, 2025, 2026} <= set(selectors.work_plan_years())
    assert Priority.objects.filter(carried_from__isnull=False).exists()
    counts = selectors.priority_rag_counts(year_start=2025, on=date(2026, 3, 31))
    assert counts["total"] >= 5 and counts["green"] > 0 and counts["none"] == 0
    assert CommitteeAction.objects.filter(description__contains="parental alienation").exists()
    assert CommitteeAction.objects.filter(owner__username="demo-psw").exists()
    assert PeerReviewFinding.objects.filter(kind="improvement", response="").exists()
