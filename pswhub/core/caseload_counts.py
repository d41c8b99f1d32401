"""Caseload counts for the apps below the one that keeps them (docs/adr/0105-census-year-built-from-records.md,
docs/adr/0107-workforce-figures-at-a-date.md).

The workload app holds each worker's dated caseload counts; the workforce app, in the layer below
(workload reads workforce's employment history), needs each worker's cases at a date: at 30
September to build a census year, and at any date for the figures between censuses. Workload
registers its one reader here in its AppConfig.ready, as apps register report sections and
attention items; workforce asks core. With no reader registered (an installation without the
workload app) nothing is known of caseloads: `caseload_counts_on` returns None, and the figures
say "not recorded" rather than a false zero."""

from datetime import date
from typing import NamedTuple

_reader = None


class CaseloadCount(NamedTuple):
    """A worker's cases on the date of their latest count: the count's date and the cases it
    records, every case type and complexity added together."""

    counted_on: date
    cases: int


def register(reader):
    """`reader(*, staff, on, since)` returns {staff member id: CaseloadCount} for each of `staff` (a
    StaffMember queryset, or staff member ids) at their latest count on or before `on` and, when
    `since` is given, not before it; those with no such count are left out. One reader per
    installation, set at start-up."""
    global _reader
    _reader = reader


def caseload_counts_on(*, staff, on, since=None):
    """{staff id: CaseloadCount} at each worker's latest count on or before `on` (and not before
    `since`, when given), or None when no app holds caseload counts."""
    if _reader is None:
        return None
    return _reader(staff=staff, on=on, since=since)
