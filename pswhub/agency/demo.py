"""The demo council's agency social workers (docs/agency.md, "Demo data"): the regional price cap
agreed in 2024 and raised in 2025, and an engagement for each agency assignment in its children's
teams in force from April 2024 (the same worker, team and dates, so the census build and the
figures at a date find one agency worker, not two), some ended, a few charged above the cap,
covering vacancies mostly (seed 002's council held agency spend down with a regional cap)."""

from datetime import date
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from pswhub.core.models import Service
from pswhub.workforce import codes
from pswhub.workforce.employment import agency_assignments_between

from .models import CoverReason, Engagement, PriceCap

AGENCIES = ["Northgate Social Care Recruitment", "Meridian Locums", "Brightpath Social Work", "Castle Careers"]
REASONS = [CoverReason.VACANCY] * 6 + [CoverReason.MATERNITY] * 2 + [CoverReason.SICKNESS, CoverReason.PROJECT]
CAPS = [
    (date(2024, 4, 1), Decimal("42.00"), "Agreed by the region's local authorities, March 2024"),
    (date(2025, 4, 1), Decimal("45.00"), "Raised by the regional agreement, March 2025"),
]
FIRST_DAY = date(2024, 4, 1)


def agency_demo_load(*, rng, authority, today):
    children = Service.objects.filter(authority=authority, kind=Service.CHILDREN).first()
    if children is None:
        return
    caps = [PriceCap(starts_on=day, hourly_rate=rate, note=note) for day, rate, note in CAPS]
    bulk_create_with_history(caps, PriceCap)
    assignments = agency_assignments_between(start=FIRST_DAY, end=today, team_ids=children.teams.values("pk"))
    engagements = [
        Engagement(
            agency=rng.choice(AGENCIES),
            worker_name=assignment.staff_member.full_name,
            staff_member=assignment.staff_member,
            team_id=assignment.team_id,
            cover_reason=rng.choice(REASONS),
            starts_on=assignment.starts_on,
            ends_on=assignment.ends_on,
            fte=assignment.fte or Decimal("1"),
            org_role=assignment.org_role or codes.CASE_HOLDER,
            hourly_rate=Decimal(rng.randint(3800, 5200)) / 100,
            years_qualified=rng.randint(1, 20),
        )
        for assignment in assignments
    ]
    bulk_create_with_history(engagements, Engagement)
