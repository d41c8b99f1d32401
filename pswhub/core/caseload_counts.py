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
from decimal import Decimal
from typing import NamedTuple

_reader = None
_totals_reader = None


class CaseloadCount(NamedTuple):
    """A worker's cases on the date of their latest count: the count's date and the cases it
    records, every case type and complexity added together."""

    counted_on: date
    cases: int


class CaseloadTotals(NamedTuple):
    """Over many posts at once: the cases held by those holding at least one, their FTE, and the
    latest count date read (None when no post had a count)."""

    cases: int
    case_holder_fte: Decimal
    counted_on: date | None


def register(reader, *, totals=None):
    """`reader(*, staff, on, since)` returns {staff member id: CaseloadCount} for each of `staff` (a
    StaffMember queryset, or staff member ids) at their latest count on or before `on` and, when
    `since` is given, not before it; those with no such count are left out.

    `totals(*, posts, on)` returns `CaseloadTotals` over `posts` (a queryset of rows with
    `staff_member_id` and `fte`, such as assignments), each post counted with its worker's cases at
    their latest count on or before `on`, worked out in the database. One of each per installation,
    set at start-up."""
    global _reader, _totals_reader
    _reader, _totals_reader = reader, totals


def caseload_counts_on(*, staff, on, since=None):
    """{staff id: CaseloadCount} at each worker's latest count on or before `on` (and not before
    `since`, when given), or None when no app holds caseload counts."""
    if _reader is None:
        return None
    return _reader(staff=staff, on=on, since=since)


def caseload_totals_on(*, posts, on):
    """`CaseloadTotals` over `posts` at each worker's latest count on or before `on`, or None when
    no app holds caseload counts."""
    if _totals_reader is None:
        return None
    return _totals_reader(posts=posts, on=on)
