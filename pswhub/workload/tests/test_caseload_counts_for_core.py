"""The caseload counts workload gives the layers below through core (`pswhub.core.caseload_counts`)."""

from datetime import date

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
