"""Cases at the latest count on or before a date, read by the workforce figures at a date through
`pswhub.core.caseload_counts` (docs/adr/0107), against values worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.core import caseload_counts
from pswhub.core.models import StaffMember
from pswhub.workforce import selectors
from pswhub.workforce.tests.records_at_date import ON, council_records

from .factories import CaseloadSnapshotFactory


@pytest.fixture
def records(north_team, south_team, adults_team):
    people = council_records(north_team, south_team, adults_team)
    count = CaseloadSnapshotFactory
    # A: 8 children in need and 4 on child protection plans counted on 1 March 2026 (12); the
    # count of 1 April 2026, after the date, is not read.
    count(staff_member=people["A"], date=date(2026, 3, 1), case_type_id="child_in_need", count=8)
    count(staff_member=people["A"], date=date(2026, 3, 1), case_type_id="child_protection", count=4)
    count(staff_member=people["A"], date=date(2026, 4, 1), count=30)
    # B (0.6 FTE): 6 counted on 1 February 2026, her latest by the date.
    count(staff_member=people["B"], date=date(2026, 2, 1), count=6)
    # G (agency, 1.0): 10 on 1 March 2026; agency workers' cases count.
    count(staff_member=people["G"], date=date(2026, 3, 1), count=10)
    # E: an older count of 5 and a later one of 0 (no cases at the date: not a case holder).
    count(staff_member=people["E"], date=date(2025, 12, 1), count=5)
    count(staff_member=people["E"], date=date(2026, 3, 1), count=0)
    # C left on the date: her cases are not counted, though counted on 1 March.
    count(staff_member=people["C"], date=date(2026, 3, 1), count=9)
    return people


def test_each_workers_cases_are_at_their_own_latest_count_on_or_before_the_date(records):
    read = caseload_counts.caseload_counts_on(staff=StaffMember.objects.all(), on=ON)
    assert read[records["A"].pk] == (date(2026, 3, 1), 12)
    assert read[records["B"].pk] == (date(2026, 2, 1), 6)
    assert read[records["E"].pk] == (date(2026, 3, 1), 0)
    assert records["F"].pk not in read  # never counted


def test_the_average_caseload_at_a_date_is_cases_per_case_holding_fte(records):
    figures = selectors.workforce_figures_on(on=ON)
    # Case holders in post: A 12 (1.0), B 6 (0.6), G 10 (agency, 1.0) = 28 cases over 2.6 FTE;
    # E holds none at the date, C is not in post. 28 / 2.6 = 10.769... -> 10.8.
    assert figures["cases"] == 28
    assert figures["case_holder_fte"] == Decimal("2.60")
    assert figures["average_caseload"] == Decimal("10.8")
    assert figures["caseloads_counted_on"] == date(2026, 3, 1)
