"""Caseload counts for apps below the one that keeps them (docs/adr/0105-census-year-built-from-records.md).

The workload app holds each worker's dated caseload counts; the workforce app, in the layer below,
needs each worker's cases at 30 September to build a census year. Workload registers one reader
here in its AppConfig.ready; workforce asks core. With no reader registered (an installation
without the workload app) nobody has a count, which the census line says."""

from dataclasses import dataclass
from datetime import date

_readers = []


@dataclass(frozen=True)
class CaseloadCount:
    """A worker's cases on the date of their latest count in a window: the count's date and the
    cases it records, every case type and complexity added together."""

    counted_on: date
    cases: int


def register(reader):
    """`reader(*, staff_ids, on, since)` returns {staff id: CaseloadCount} for the latest count of
    each on or before `on` and not before `since`, leaving out those with none."""
    if reader not in _readers:
        _readers.append(reader)


def caseload_counts_on(*, staff_ids, on, since):
    counts = {}
    for reader in _readers:
        counts.update(reader(staff_ids=staff_ids, on=on, since=since))
    return counts
