"""The demo council's audits show an improving trend over three years."""

from datetime import date

import pytest

from pswhub.audits import selectors
from pswhub.audits.models import Audit, RiskFlag
from pswhub.core.attention import attention_for
from pswhub.core.demo import demo_data_load
from pswhub.core.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_council_has_three_years_of_improving_audits():
    demo_data_load(create_accounts=True)
    shares = []
    for year in (2023, 2024, 2025):
        start, end = selectors.financial_year_bounds(year)
        figures = selectors.audit_figures(date_from=start, date_to=end)
        assert figures["completed"] > 50
        shares.append(figures["good_or_better_pct"])
    assert shares == sorted(shares) and shares[0] < shares[-1]
    assert Audit.objects.filter(completed_on__lt=date(2023, 4, 1)).count() == 0
    assert RiskFlag.objects.filter(acknowledged_at__isnull=True).count() == 1
    manager = User.objects.get(username="demo-manager")
    assert "Children who may be at risk now" in {item.title for item in attention_for(manager)}
    assert selectors.audit_theme_frequency(date_from=date(2023, 4, 1), date_to=date(2026, 3, 31))
