"""Writes for the workload area. History is kept for every row, bulk imports included."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.imports import Importer

from . import importing
from .models import CaseloadImport, CaseloadSnapshot, CaseWeight, EarlyCareerYear, WeightingScheme

FILE_HAS_PROBLEMS = "The file has problems and nothing was imported"


class CaseloadImportError(Exception):
    def __init__(self, problems):
        super().__init__(FILE_HAS_PROBLEMS)
        self.problems = problems


@dataclass
class CaseloadImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    dry_run: bool = False


def caseloads_import(*, caseload_file, changed_by=None, dry_run=False):
    """Imports a checked caseload file, all or nothing.

    The file replaces, for each worker and date it gives, that worker's snapshot for that date:
    counts it gives are added or updated, and case types it leaves out for that worker and date
    are removed. Other dates are never touched. A row matching what is held changes nothing, so
    importing the same file again writes nothing (no rows, no history). With `dry_run` the result
    says what would change and nothing is written."""
    if not caseload_file.is_valid:
        raise CaseloadImportError(caseload_file.problems)
    wanted = defaultdict(dict)  # (staff pk, date) -> {(case type, complexity): (count, staff member)}
    for row in caseload_file.rows:
        key = (row["case_type"].pk, row["complexity"].pk)
        wanted[(row["staff_member"].pk, row["date"])][key] = (row["count"], row["staff_member"])
    held = CaseloadSnapshot.objects.filter(
        staff_member_id__in={staff for staff, _date in wanted}, date__in={on for _staff, on in wanted}
    )
    new, changed, gone, unchanged = [], [], [], 0
    found = set()
    for snapshot in held:
        counts = wanted.get((snapshot.staff_member_id, snapshot.date))
        if counts is None:
            continue  # another date of this worker, or this date of another worker
        key = (snapshot.case_type_id, snapshot.complexity_id)
        found.add((snapshot.staff_member_id, snapshot.date, key))
        if key not in counts:
            gone.append(snapshot)
        elif counts[key][0] != snapshot.count:
            snapshot.count = counts[key][0]
            changed.append(snapshot)
        else:
            unchanged += 1
    for (staff_id, on), counts in wanted.items():
        for (case_type, complexity), (count, staff) in counts.items():
            if (staff_id, on, (case_type, complexity)) not in found:
                new.append(
                    CaseloadSnapshot(
                        staff_member=staff, date=on, case_type_id=case_type, complexity_id=complexity, count=count
                    )
                )
    result = CaseloadImportResult(
        rows=len(caseload_file.rows),
        added=len(new),
        updated=len(changed),
        removed=len(gone),
        unchanged=unchanged,
        dry_run=dry_run,
    )
    if not dry_run:
        with transaction.atomic():
            for snapshot in gone:
                snapshot._history_user = changed_by
                snapshot.delete()
            if changed:
                bulk_update_with_history(changed, CaseloadSnapshot, ["count"], default_user=changed_by)
            if new:
                bulk_create_with_history(new, CaseloadSnapshot, default_user=changed_by)
    return result


def _caseloads_write(caseload_file, *, changed_by=None, dry_run=False):
    return caseloads_import(caseload_file=caseload_file, changed_by=changed_by, dry_run=dry_run)


# Caseload files kept as CaseloadImport uploads: previewed, then confirmed (core.imports).
CASELOADS = Importer(model=CaseloadImport, read=importing.caseload_file_read, write=_caseloads_write)


@transaction.atomic
def weighting_scheme_save(*, service, changed_by=None, points, **values):
    """Creates or changes a service's scheme and its points {(case type, complexity): points};
    returns the scheme. Only rows whose value changes are written."""
    scheme = WeightingScheme.objects.filter(service=service).first() or WeightingScheme(service=service)
    if scheme.pk is None or any(getattr(scheme, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(scheme, name, value)
        scheme._history_user = changed_by
        scheme.save()
    held = {(weight.case_type_id, weight.complexity_id): weight for weight in scheme.weights.all()}
    new, changed = [], []
    for (case_type, complexity), value in points.items():
        weight = held.get((case_type, complexity))
        if weight is None:
            new.append(CaseWeight(scheme=scheme, case_type_id=case_type, complexity_id=complexity, points=value))
        elif weight.points != value:
            weight.points = value
            changed.append(weight)
    if new:
        bulk_create_with_history(new, CaseWeight, default_user=changed_by)
    if changed:
        bulk_update_with_history(changed, CaseWeight, ["points"], default_user=changed_by)
    return scheme


def early_career_year_save(*, year=None, staff_member, starts_on, ends_on, changed_by=None):
    """Records a staff member's early-career year, or changes `year`; returns it."""
    year = year or EarlyCareerYear()
    year.staff_member, year.starts_on, year.ends_on = staff_member, starts_on, ends_on
    year._history_user = changed_by
    year.save()
    return year
