"""The demo council's agency social workers (docs/agency.md, "Demo data"): the regional price cap
agreed in 2024 and raised in 2025, and engagements in its children's teams from April 2024, some
ended, a few charged above the cap, covering vacancies mostly (seed 002's council held agency
spend down with a regional cap)."""

from datetime import date, timedelta
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from pswhub.core.models import Service, Team

from .models import CoverReason, Engagement, PriceCap

AGENCIES = ["Northgate Social Care Recruitment", "Meridian Locums", "Brightpath Social Work", "Castle Careers"]
FIRST_NAMES = ["Aisha", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Imogen", "Jamal", "Kate", "Liam",
               "Maya", "Noah", "Orla", "Priya", "Rhys", "Sana"]  # fmt: skip
LAST_NAMES = ["Adeyemi", "Brennan", "Chowdhury", "Doyle", "Evans", "Fraser", "Gill", "Hughes", "Iqbal", "Jones"]
REASONS = [CoverReason.VACANCY] * 6 + [CoverReason.MATERNITY] * 2 + [CoverReason.SICKNESS, CoverReason.PROJECT]
CAPS = [
    (date(2024, 4, 1), Decimal("42.00"), "Agreed by the region's local authorities, March 2024"),
    (date(2025, 4, 1), Decimal("45.00"), "Raised by the regional agreement, March 2025"),
]
ENGAGEMENTS = 26


def agency_demo_load(*, rng, authority, today):
    children = Service.objects.filter(authority=authority, kind=Service.CHILDREN).first()
    if children is None:
        return
    teams = list(Team.objects.filter(service=children, children__isnull=True).order_by("name"))
    if not teams:
        return
    caps = [PriceCap(starts_on=day, hourly_rate=rate, note=note) for day, rate, note in CAPS]
    bulk_create_with_history(caps, PriceCap)
    first_day = date(2024, 4, 1)
    engagements = []
    for index in range(ENGAGEMENTS):
        starts_on = first_day + timedelta(days=rng.randint(0, (today - first_day).days - 30))
        weeks = rng.choice([13, 26, 26, 39, 52, 78, 104])
        ends_on = starts_on + timedelta(weeks=weeks) - timedelta(days=1)
        engagements.append(
            Engagement(
                agency=rng.choice(AGENCIES),
                worker_name=f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {rng.choice(LAST_NAMES)}",
                team=rng.choice(teams),
                cover_reason=rng.choice(REASONS),
                starts_on=starts_on,
                ends_on=None if ends_on > today and rng.random() < 0.7 else ends_on,
                fte=rng.choice([Decimal("1"), Decimal("1"), Decimal("1"), Decimal("0.8"), Decimal("0.6")]),
                hourly_rate=Decimal(rng.randint(3800, 5200)) / 100,
                years_qualified=rng.randint(1, 20),
            )
        )
    bulk_create_with_history(engagements, Engagement)
