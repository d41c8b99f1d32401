"""Writing checked import files, all or nothing. A row matching what is held changes nothing, so
importing the same file again writes nothing (no rows, no history). With `dry_run` the result says
what would change and nothing is written.

Placements are matched on academic year, student reference and placement; early career records on
the worker, programme and start date; progression applications on the worker, panel date and level
applied for. Early career records are written through `services.early_career_record_save`, so the
workload app's early-career year stays in step."""

from dataclasses import dataclass

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.imports import Importer

from . import importing, services
from .models import (
    EarlyCareerImport,
    EarlyCareerRecord,
    Placement,
    PlacementImport,
    ProgressionApplication,
    ProgressionImport,
    ProgressionPanel,
)

FILE_HAS_PROBLEMS = "The file has problems and nothing was imported"


class ImportRefused(Exception):
    def __init__(self, problems):
        super().__init__(FILE_HAS_PROBLEMS)
        self.problems = problems


@dataclass
class ImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


def _changes(obj, fields):
    """The fields whose value differs from what `obj` holds."""
    return {name: value for name, value in fields.items() if getattr(obj, name) != value}


def _checked(import_file):
    if not import_file.is_valid:
        raise ImportRefused(import_file.problems)
    return import_file.rows


def placements_import(*, placement_file, changed_by=None, dry_run=False):
    rows = _checked(placement_file)
    held = {
        (p.academic_year, p.student_reference, p.kind): p
        for p in Placement.objects.filter(student_reference__in={row["student_reference"] for row in rows})
    }
    new, changed, names = [], [], set()
    for row in rows:
        fields = {
            "university": row["university"],
            "route_id": row["route"],
            "team": row["team"],
            "practice_educator": row["practice_educator"],
            "days": row["days"],
            "outcome": row["outcome"],
            "hired": row["hired_employee_number"],
            "started_on": row["started_on"],
            "ended_on": row["ended_on"],
        }
        placement = held.get((row["academic_year"], row["student_reference"], row["placement"]))
        if placement is None:
            new.append(
                Placement(
                    academic_year=row["academic_year"],
                    student_reference=row["student_reference"],
                    kind=row["placement"],
                    **fields,
                )
            )
            continue
        differs = _changes(placement, fields)
        if differs:
            for name, value in differs.items():
                setattr(placement, name, value)
            names |= {name.removesuffix("_id") for name in differs}
            changed.append(placement)
    result = ImportResult(len(rows), len(new), len(changed), len(rows) - len(new) - len(changed), dry_run)
    if not dry_run:
        with transaction.atomic():
            if new:
                bulk_create_with_history(new, Placement, default_user=changed_by)
            if changed:
                bulk_update_with_history(changed, Placement, sorted(names), default_user=changed_by)
    return result


def early_careers_import(*, early_career_file, changed_by=None, dry_run=False):
    rows = _checked(early_career_file)
    held = {
        (r.staff_member_id, r.programme_id, r.started_on): r
        for r in EarlyCareerRecord.objects.filter(staff_member__in={row["employee_number"] for row in rows})
    }
    result = ImportResult(rows=len(rows), dry_run=dry_run)
    with transaction.atomic():
        for row in rows:
            staff = row["employee_number"]
            record = held.get((staff.pk, row["programme"], row["started_on"]))
            fields = {"outcome": row["outcome"], "completed_on": row["completed_on"], "assessor": row["assessor"]}
            if record is not None and not _changes(record, fields):
                result.unchanged += 1
                continue
            if record is None:
                result.added += 1
                fields |= {"staff_member": staff, "programme_id": row["programme"], "started_on": row["started_on"]}
            else:
                result.updated += 1
            if not dry_run:
                services.early_career_record_save(record=record, changed_by=changed_by, **fields)
    return result


def progression_import(*, progression_file, changed_by=None, dry_run=False):
    rows = _checked(progression_file)
    panels = {
        panel.held_on: panel for panel in ProgressionPanel.objects.filter(held_on__in={r["panel_on"] for r in rows})
    }
    held = {
        (a.staff_member_id, a.panel.held_on, a.to_level_id): a
        for a in ProgressionApplication.objects.filter(panel__in=panels.values()).select_related("panel")
    }
    new_rows, changed = [], []
    for row in rows:
        application = held.get((row["employee_number"].pk, row["panel_on"], row["to_level"]))
        fields = {"from_level_id": row["from_level"], "outcome": row["outcome"], "applied_on": row["applied_on"]}
        if application is None:
            new_rows.append((row, fields))
        elif _changes(application, fields):
            for name, value in fields.items():
                setattr(application, name, value)
            changed.append(application)
    result = ImportResult(len(rows), len(new_rows), len(changed), len(rows) - len(new_rows) - len(changed), dry_run)
    if not dry_run:
        with transaction.atomic():
            new = []
            for row, fields in new_rows:
                panel = panels.get(row["panel_on"])
                if panel is None:
                    panel = panels[row["panel_on"]] = services.progression_panel_save(
                        held_on=row["panel_on"], changed_by=changed_by
                    )
                new.append(
                    ProgressionApplication(
                        staff_member=row["employee_number"], panel=panel, to_level_id=row["to_level"], **fields
                    )
                )
            if new:
                bulk_create_with_history(new, ProgressionApplication, default_user=changed_by)
            if changed:
                bulk_update_with_history(
                    changed, ProgressionApplication, ["from_level", "outcome", "applied_on"], default_user=changed_by
                )
    return result


# Each import kept as an upload of its own model: previewed, then confirmed (core.imports).
PLACEMENTS = Importer(
    model=PlacementImport,
    read=importing.placements_file_read,
    write=lambda checked, *, changed_by=None, dry_run=False: placements_import(
        placement_file=checked, changed_by=changed_by, dry_run=dry_run
    ),
)
EARLY_CAREERS = Importer(
    model=EarlyCareerImport,
    read=importing.early_careers_file_read,
    write=lambda checked, *, changed_by=None, dry_run=False: early_careers_import(
        early_career_file=checked, changed_by=changed_by, dry_run=dry_run
    ),
)
PROGRESSION = Importer(
    model=ProgressionImport,
    read=importing.progression_file_read,
    write=lambda checked, *, changed_by=None, dry_run=False: progression_import(
        progression_file=checked, changed_by=changed_by, dry_run=dry_run
    ),
)
