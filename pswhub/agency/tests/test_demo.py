"""The demo council has agency social workers over 2024 to 2026, under a regional price cap, with
a few charged above it."""

from datetime import date

from pswhub.agency import selectors
from pswhub.agency.models import Engagement, PriceCap
from pswhub.core.demo import TODAY, demo_data_load
from pswhub.core.periods import Period
from pswhub.workforce.selectors import workforce_figures_on
from pswhub.workforce.services.census_build import census_year_build


def test_the_demo_council_has_engagements_under_a_cap(db):
    demo_data_load()
    assert PriceCap.objects.count() == 2
    figures = selectors.agency_figures(
        engagements=Engagement.objects.all(), on=TODAY, period=Period(date(2026, 4, 1), TODAY)
    )
    assert figures["headcount"] > 0 and figures["spend"] > 0
    assert figures["price_cap"] is not None
    assert Engagement.objects.filter(team__service__kind="children").count() == Engagement.objects.count() == 28
    assert Engagement.objects.filter(ends_on__lt=TODAY).exists()


def test_each_demo_engagement_is_of_an_agency_worker_with_a_staff_record_counted_once(db):
    # So the demo's census build leaves no engagement out, and a worker is one agency worker, not two.
    demo_data_load()
    assert not Engagement.objects.filter(staff_member=None).exists()
    result = census_year_build(year=2026, dry_run=True)
    assert (result.left_out_engagements, result.left_out) == ([], [])
    # The figures at a date and this app's figures count the same agency workers.
    figures = selectors.agency_figures(engagements=Engagement.objects.all(), on=TODAY, period=Period(TODAY, TODAY))
    assert workforce_figures_on(on=TODAY)["agency_headcount"] == figures["headcount"] > 0
