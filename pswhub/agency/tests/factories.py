from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from pswhub.agency.models import CoverReason, Engagement, PriceCap
from pswhub.core.tests.factories import TeamFactory


class EngagementFactory(DjangoModelFactory):
    class Meta:
        model = Engagement

    agency = "Meridian Locums"
    worker_name = factory.Sequence(lambda n: f"Agency worker {n}")
    team = factory.SubFactory(TeamFactory)
    cover_reason = CoverReason.VACANCY
    starts_on = date(2026, 1, 1)
    ends_on = None
    fte = Decimal("1")
    hourly_rate = Decimal("40.00")
    years_qualified = 5


class PriceCapFactory(DjangoModelFactory):
    class Meta:
        model = PriceCap

    starts_on = date(2026, 4, 1)
    hourly_rate = Decimal("45.00")
