"""The caseload counts workload gives the layers below through core (`pswhub.core.caseload_counts`)."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.core.caseload_counts import CaseloadCount, caseload_counts_on
from pswhub.core.tests.factories import StaffMemberFactory

from .factories import CaseloadSnapshotFactory

pytestmark = pytest.mark.django_db


def test_each_workers_latest_count_in_the_window_with_its_rows_added():
    ann, ben, cy, dee = (StaffMemberFactory() for _ in range(4))
    CaseloadSnapshotFactory(staff_member=ann, date=date(2026, 6, 30), count=20)
    CaseloadSnapshotFactory(staff_member=ann, date=date(2026, 9, 28), count=8)
    CaseloadSnapshotFactory(staff_member=ann, date=date(2026, 9, 28), case_type_id="child_protection", count=4)
    CaseloadSnapshotFactory(staff_member=ben, date=date(2026, 10, 1), count=9)  # after the window
    CaseloadSnapshotFactory(staff_member=cy, date=date(2025, 9, 30), count=7)  # before it
    CaseloadSnapshotFactory(staff_member=dee, date=date(2026, 9, 30), count=0)
    counts = caseload_counts_on(staff=[ann.pk, ben.pk, cy.pk, dee.pk], on=date(2026, 9, 30), since=date(2025, 10, 1))
    # Ann: 8 + 4 on 28 September (the 20 of 30 June is earlier); Dee counted with none; Ben and Cy
    # have no count in the window.
    assert counts == {ann.pk: CaseloadCount(date(2026, 9, 28), 12), dee.pk: CaseloadCount(date(2026, 9, 30), 0)}


def test_totals_over_posts_count_each_post_at_its_workers_latest_count():
    """Posts are assignments in force on 31 March 2026 (workload's tests may read workforce's
    records). Counts of the 35 days before the date are read together; older ones one by one.

    - Ann, 1.0: 8 + 4 on 31 March (the 20 of 28 February is earlier): a holder of 12.
    - Ben, 0.6: 9 on 28 February (within 35 days): a holder of 9.
    - Cy, 0.5: last counted 15 December 2025 (older than 35 days), 6 cases: a holder of 6.
    - Dee, 0.8: counted on 31 March with no cases: counted, not a holder.
    - Eve, 1.0: counted only after the date (2 April): not counted.
    - Fay, no FTE recorded: 3 cases on 31 March: a holder whose FTE counts 0.
    Cases 12 + 9 + 6 + 3 = 30; case holders' FTE 1.0 + 0.6 + 0.5 + 0 = 2.1; latest count 31 March."""
    from pswhub.core.caseload_counts import CaseloadTotals, caseload_totals_on
    from pswhub.workforce.models import Assignment
    from pswhub.workforce.tests.factories import AssignmentFactory

    on = date(2026, 3, 31)
    ftes = {"ann": "1", "ben": "0.6", "cy": "0.5", "dee": "0.8", "eve": "1", "fay": None}
    people = {name: StaffMemberFactory() for name in ftes}
    for name, fte in ftes.items():
        AssignmentFactory(staff_member=people[name], fte=None if fte is None else Decimal(fte))
    counts = [
        ("ann", date(2026, 2, 28), "child_in_need", 20),
        ("ann", on, "child_in_need", 8),
        ("ann", on, "child_protection", 4),
        ("ben", date(2026, 2, 28), "child_in_need", 9),
        ("cy", date(2025, 12, 15), "child_in_need", 6),
        ("dee", on, "child_in_need", 0),
        ("eve", date(2026, 4, 2), "child_in_need", 5),
        ("fay", on, "child_in_need", 3),
    ]
    for name, counted_on, case_type, count in counts:
        CaseloadSnapshotFactory(staff_member=people[name], date=counted_on, case_type_id=case_type, count=count)
    totals = caseload_totals_on(posts=Assignment.objects.all(), on=on)
    assert totals == CaseloadTotals(30, Decimal("2.1"), on)


def test_totals_over_posts_with_no_counts_are_zero_with_no_date():
    from pswhub.core.caseload_counts import CaseloadTotals, caseload_totals_on
    from pswhub.workforce.models import Assignment
    from pswhub.workforce.tests.factories import AssignmentFactory

    AssignmentFactory()
    assert caseload_totals_on(posts=Assignment.objects.all(), on=date(2026, 3, 31)) == CaseloadTotals(0, 0, None)
