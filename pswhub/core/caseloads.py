"""Caseload counts at a date, read across the layers (docs/adr/0105-workforce-figures-at-a-date.md).

The workforce figures at a date need each worker's cases at the latest count on or before the
date. The counts belong to the workload app, which sits above workforce in the layers (workload
reads workforce's employment history), so workforce may not import it. Workload registers its one
reader here in its AppConfig.ready, as apps register report sections and attention items; the
workforce figures ask core. With no reader registered (an installation without workload) nothing
is known of caseloads, and the figures say "not recorded" rather than a false zero."""

_reader = None


def register(reader):
    """`reader(*, staff, on)` returns {staff member id: (count date, cases)} for each of `staff` (a
    StaffMember queryset) at their latest count on or before `on`, leaving out those with no count
    by then. One reader per installation, set at start-up."""
    global _reader
    _reader = reader


def cases_on(*, staff, on):
    """{staff id: (count date, cases)} at each worker's latest count on or before `on`, or None
    when no app holds caseload counts."""
    if _reader is None:
        return None
    return _reader(staff=staff, on=on)
