"""The demo council has agency social workers over 2024 to 2026, under a regional price cap, with
a few charged above it."""

from datetime import date

from pswhub.agency import selectors
from pswhub.agency.models import Engagement, PriceCap
from pswhub.core.demo import TODAY, demo_data_load
from pswhub.core.periods import Period


def test_the_demo_council_has_engagements_under_a_cap(db):
    demo_data_load()
    assert PriceCap.objects.count() == 2
    figures = selectors.agency_figures(
        engagements=Engagement.objects.all(), on=TODAY, period=Period(date(2026, 4, 1), TODAY)
    )
    assert figures["headcount"] > 0 and figures["spend"] > 0
    assert figures["price_cap"] is not None
    assert Engagement.objects.filter(team__service__kind="children").count() == Engagement.objects.count() == 26
    assert Engagement.objects.filter(ends_on__lt=TODAY).exists()
