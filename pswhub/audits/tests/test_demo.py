"""The demo council's audits show an improving trend over three years."""

from datetime import date

import pytest

from pswhub.audits import selectors
from pswhub.audits.models import Audit, RiskFlag
from pswhub.core.attention import attention_for
from pswhub.core.demo import demo_data_load
from pswhub.core.models import User
from pswhub.core.periods import Period

pytestmark = pytest.mark.django_db


def test_the_demo_council_has_three_years_of_improving_audits():
    demo_data_load(create_accounts=True)
    shares = []
    for year in (2023, 2024, 2025):
        period = Period.financial_year(year)
        figures = selectors.audit_figures(date_from=period.start, date_to=period.end)
        assert figures["completed"] > 50
        shares.append(figures["good_or_better_pct"])
    assert shares == sorted(shares) and shares[0] < shares[-1]
    assert Audit.objects.filter(completed_on__lt=date(2023, 4, 1)).count() == 0
    assert RiskFlag.objects.filter(acknowledged_at__isnull=True).count() == 1
    manager = User.objects.get(username="demo-manager")
    assert "Children who may be at risk now" in {item.title for item in attention_for(manager)}
    assert selectors.audit_theme_frequency(date_from=date(2023, 4, 1), date_to=date(2026, 3, 31))


def test_the_demo_council_has_plans_for_this_quarter_and_the_next():
    from pswhub.audits.demo import quarter_bounds
    from pswhub.audits.models import AuditPlan
    from pswhub.core.demo import TODAY

    demo_data_load(create_accounts=True)
    this_start, _ = quarter_bounds(TODAY)
    next_start, _ = quarter_bounds(TODAY, 1)
    this_quarter, next_quarter = (AuditPlan.objects.get(period_start=day) for day in (this_start, next_start))
    now = selectors.plan_status_counts(this_quarter, today=TODAY)
    assert now["total"] == 12
    assert (now["in_progress"], now["assigned"], now["unassigned"], now["overdue"]) == (3, 5, 3, 1)
    assert now["submitted"] == 1
    later = selectors.plan_status_counts(next_quarter, today=TODAY)
    assert (later["total"], later["assigned"], later["unassigned"]) == (10, 4, 6)
    auditor = User.objects.get(username="demo-auditor")
    assert selectors.assignments_of(auditor).count() == 6 + 4


def test_quarters_run_from_january_april_july_and_october():
    from pswhub.audits.demo import quarter_bounds

    assert quarter_bounds(date(2026, 11, 24)) == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_bounds(date(2026, 11, 24), 1) == (date(2027, 1, 1), date(2027, 3, 31))
    assert quarter_bounds(date(2026, 2, 28), 1) == (date(2026, 4, 1), date(2026, 6, 30))
