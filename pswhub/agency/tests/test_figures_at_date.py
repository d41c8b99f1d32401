"""The workforce figures at a date count agency engagements (`pswhub.core.agency_engagements`, which
this app fills) by the census build's rule: the small council and engagements of
test_census_build.py, values worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.agency.selectors import engagements_for_core
from pswhub.core import agency_engagements
from pswhub.workforce.selectors import workforce_figures_on

from .test_census_build import council  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def test_at_30_september_the_engagement_only_worker_is_agency_as_in_the_built_return(council):  # noqa: F811
    figures = workforce_figures_on(on=date(2026, 9, 30))
    # Agency in post: Dev 1.0 (his assignment; his engagement ended on 31 March) and Kit 0.5 (known
    # only from her engagement) = 2 people, 1.5 FTE, as the built 2026 return. Not counted: Ola (no
    # staff record), Jo and Ann (employed in post: their employment wins), Hal (adults'), Lee (ended).
    assert (figures["agency_headcount"], figures["agency_fte"]) == (2, Decimal("1.50"))
    # Employed in post: Ann 1, Cara 0.6, Eve 1, Finn 1, Gus 1 and Jo 1 (no SWE number, so not on the
    # return, but a children's social worker in the records) = 6 people, 5.6 FTE; agency rate
    # 1.5 / (1.5 + 5.6) = 21.12...% -> 21.1.
    assert (figures["headcount_in_post"], figures["fte_in_post"]) == (6, Decimal("5.60"))
    assert figures["agency_rate"] == Decimal("21.1")
    # Cases at each worker's latest count on or before the date, however old: Ann 12, Cara 9, Dev
    # 15, Finn 18, Kit 7 and Eve 3 (1 September 2025, before the census year the return reads) =
    # 64 over 1 + 0.6 + 1 + 1 + 0.5 + 1 = 5.1 FTE -> 12.54... -> 12.5. Gus counted 0: not a holder.
    assert (figures["cases"], figures["case_holder_fte"], figures["average_caseload"]) == (
        64, Decimal("5.10"), Decimal("12.5"),
    )  # fmt: skip


def test_an_engagement_in_post_on_the_date_counts_and_one_ending_that_day_does_not(council):  # noqa: F811
    # 30 March 2026: Dev 1.0 (assignment from 5 January, and an engagement: one person), Kit 0.5 and
    # Lee 0.8 (engaged to 31 March) = 3 people, 2.3 FTE.
    before = workforce_figures_on(on=date(2026, 3, 30))
    assert (before["agency_headcount"], before["agency_fte"]) == (3, Decimal("2.30"))
    # 31 March 2026: Lee's last day, so no longer in post (as an assignment ending that day).
    on_the_day = workforce_figures_on(on=date(2026, 3, 31))
    assert (on_the_day["agency_headcount"], on_the_day["agency_fte"]) == (2, Decimal("1.50"))


def test_an_adults_engagement_of_someone_employed_there_is_not_agency(council):  # noqa: F811
    figures = workforce_figures_on(on=date(2026, 9, 30), service="adults")
    # Hal: employed in Adults from 2021 and engaged there from 5 January 2026: employment wins.
    assert (figures["headcount_in_post"], figures["agency_headcount"], figures["agency_fte"]) == (1, 0, Decimal("0"))


def test_with_no_engagement_reader_only_agency_assignments_count(council):  # noqa: F811
    agency_engagements.register(None)
    try:
        figures = workforce_figures_on(on=date(2026, 9, 30))
    finally:
        agency_engagements.register(engagements_for_core)
    assert (figures["agency_headcount"], figures["agency_fte"]) == (1, Decimal("1.00"))
