"""Writes for the workforce area. History is kept for every row, bulk imports included."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.models import Authority, StaffMember
from pswhub.core.services import staff_members_bulk_save

from . import records
from .models import CensusWorker, CensusYear, ColumnMapping, ImportBatch, StaffProfile

WRONG_AUTHORITY = "This return is for local authority {found}, but PSW Hub holds {name} ({expected})"
NO_AUTHORITY_CODE = (
    "The return has no Header/Source/LEA and PSW Hub holds no authority yet, so it cannot say whose it is"
)
RETURN_HAS_PROBLEMS = "The return has problems and was not imported"

# Staff records made for people first met in a census return: the return holds no names or
# employee numbers, so they are named after their SWE number until an HR import matches them.
CENSUS_EMPLOYEE_PREFIX = "SWE-"
CENSUS_FIRST_NAME = "Social worker"


class CensusImportError(Exception):
    pass


@dataclass
class CensusImportResult:
    year: int
    authority: Authority
    authority_created: bool = False
    year_created: bool = False
    year_changed: bool = False
    staff_created: int = 0
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    dry_run: bool = False

    @property
    def changed_anything(self):
        return any(
            (
                self.authority_created,
                self.year_created,
                self.year_changed,
                self.staff_created,
                self.created,
                self.updated,
                self.deleted,
            )
        )


class _DryRun(Exception):
    pass


def census_return_import(*, census_return, changed_by=None, dry_run=False):
    """Imports a census return that has been read without problems, all or nothing.

    The return replaces that collection year's lines and nothing else: other years are never
    touched. Lines are matched on SWE number and their order within the return, so importing the
    same return again changes nothing (no rows, no history). With `dry_run` everything is worked
    out and rolled back, and the result says what would have changed."""
    if not census_return.is_valid:
        raise CensusImportError(RETURN_HAS_PROBLEMS)
    return _write_or_rehearse(lambda: _import(census_return, changed_by), dry_run=dry_run)


def _write_or_rehearse(write, *, dry_run):
    """Runs `write` in one transaction. A dry run does every write, reports what it did, then
    rolls it all back, so its report is exactly what a real import would do."""
    try:
        with transaction.atomic():
            result = write()
            if dry_run:
                raise _DryRun(result)
    except _DryRun as rolled_back:
        result = rolled_back.args[0]
        result.dry_run = True
    return result


def _import(census_return, changed_by):
    authority, authority_created = _authority_for(census_return.la_code)
    result = CensusImportResult(year=census_return.year, authority=authority, authority_created=authority_created)
    census_year, result.year_created = CensusYear.objects.get_or_create(
        authority=authority, year=census_return.year, defaults={"source": CensusYear.IMPORTED, **census_return.la_level}
    )
    if not result.year_created:
        changed = {name: value for name, value in census_return.la_level.items() if getattr(census_year, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(census_year, name, value)
            census_year._history_user = changed_by
            census_year.save()
            result.year_changed = True

    staff_by_swe, result.staff_created = _staff_for(census_return.workers, changed_by)
    existing = {
        (worker.swe_number, worker.line): worker for worker in CensusWorker.objects.filter(census_year=census_year)
    }
    new, changed, seen, lines = [], [], set(), {}
    for values in census_return.workers:
        swe = values["swe_number"]
        line = lines.get(swe, 0)
        lines[swe] = line + 1
        key = (swe, line)
        seen.add(key)
        full = {name: values.get(name, _empty(name)) for name in CensusWorker.RETURN_FIELDS}
        worker = existing.get(key)
        if worker is None:
            staff_member = staff_by_swe[swe]
            new.append(
                CensusWorker(
                    census_year=census_year, staff_member=staff_member, team_id=staff_member.team_id, line=line, **full
                )
            )
        elif any(getattr(worker, name) != value for name, value in full.items()):
            for name, value in full.items():
                setattr(worker, name, value)
            changed.append(worker)
        else:
            result.unchanged += 1
    if new:
        bulk_create_with_history(new, CensusWorker, default_user=changed_by)
    if changed:
        bulk_update_with_history(changed, CensusWorker, CensusWorker.RETURN_FIELDS, default_user=changed_by)
    gone = [worker for key, worker in existing.items() if key not in seen]
    for worker in gone:
        worker._history_user = changed_by
        worker.delete()
    result.created, result.updated, result.deleted = len(new), len(changed), len(gone)
    if result.year_created or result.year_changed or new or changed or gone:
        CensusYear.objects.filter(pk=census_year.pk).update(lines_changed_at=timezone.now())
    return result


def _empty(name):
    field = CensusWorker._meta.get_field(name)
    if name in ("qualification_institutions", "cfkss_status"):
        return []
    if field.null:
        return None
    if name == "agency":
        return False
    return ""


def _authority_for(la_code):
    authority = Authority.objects.order_by("pk").first()
    if authority is None:
        if not la_code:
            raise CensusImportError(NO_AUTHORITY_CODE)
        return Authority.objects.create(name=f"Local authority {la_code}", la_code=la_code), True
    if la_code and authority.la_code != la_code:
        raise CensusImportError(WRONG_AUTHORITY.format(found=la_code, name=authority.name, expected=authority.la_code))
    return authority, False


def _staff_for(workers, changed_by):
    """The staff member for each SWE number in the return, making records for people not yet known."""
    numbers = {worker["swe_number"] for worker in workers}
    staff_by_swe = {
        profile.swe_number: profile.staff_member
        for profile in StaffProfile.objects.filter(swe_number__in=numbers).select_related("staff_member")
    }
    missing = sorted(numbers - staff_by_swe.keys())
    if not missing:
        return staff_by_swe, 0
    employee_numbers = {CENSUS_EMPLOYEE_PREFIX + swe: swe for swe in missing}
    already = {
        staff.employee_number: staff for staff in StaffMember.objects.filter(employee_number__in=employee_numbers)
    }
    to_create = []
    for employee_number, swe in employee_numbers.items():
        if employee_number in already:
            continue
        lines = [worker for worker in workers if worker["swe_number"] == swe]
        starts = [line["role_start_date"] for line in lines if line.get("role_start_date")]
        ends = [line.get("role_end_date") for line in lines]
        to_create.append(
            StaffMember(
                employee_number=employee_number,
                first_name=CENSUS_FIRST_NAME,
                last_name=swe,
                job_title="Agency social worker" if all(line["agency"] for line in lines) else "",
                started_on=min(starts) if starts else None,
                left_on=max(ends) if ends and all(ends) else None,
            )
        )
    staff_members_bulk_save(new=to_create, changed_by=changed_by)
    created = {
        staff.employee_number: staff for staff in StaffMember.objects.filter(employee_number__in=employee_numbers)
    }
    profiles = [StaffProfile(staff_member=created[CENSUS_EMPLOYEE_PREFIX + swe], swe_number=swe) for swe in missing]
    bulk_create_with_history(profiles, StaffProfile, default_user=changed_by)
    staff_by_swe.update({swe: created[CENSUS_EMPLOYEE_PREFIX + swe] for swe in missing})
    return staff_by_swe, len(to_create)


# HR extracts (docs/workforce.md, "HR extracts") -------------------------------------------------

EXTRACT_HAS_PROBLEMS = "The extract has problems and nothing was imported"
BATCH_NOT_PREVIEWED = "This upload has already been {status}"

STAFF_FIELDS = ["first_name", "last_name", "email", "job_title", "team", "started_on", "left_on"]


@dataclass
class ExtractImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    added_numbers: list = field(default_factory=list)
    updated_numbers: list = field(default_factory=list)


class ExtractImportError(Exception):
    def __init__(self, problems):
        super().__init__(EXTRACT_HAS_PROBLEMS)
        self.problems = problems


def hr_extract_import(*, extract, changed_by=None, dry_run=False):
    """Upserts a checked extract on the employee number, all or nothing.

    New employee numbers become staff members; a staff member whose row differs is updated; one
    whose row matches is not touched, so importing the same file again changes nothing (no rows,
    no history). With `dry_run` the result says what would change and nothing is written."""
    if not extract.is_valid:
        raise ExtractImportError(extract.problems)
    return _write_or_rehearse(lambda: _extract_upsert(extract, changed_by), dry_run=dry_run)


def _extract_upsert(extract, changed_by):
    result = ExtractImportResult(rows=len(extract.rows))
    numbers = [row["employee_number"] for row in extract.rows]
    existing = {staff.employee_number: staff for staff in StaffMember.objects.filter(employee_number__in=numbers)}
    new, changed, changed_numbers = [], [], set()
    for row in extract.rows:
        staff = existing.get(row["employee_number"])
        if staff is None:
            new.append(
                StaffMember(employee_number=row["employee_number"], **{name: row[name] for name in STAFF_FIELDS})
            )
        elif any(getattr(staff, name) != row[name] for name in STAFF_FIELDS):
            for name in STAFF_FIELDS:
                setattr(staff, name, row[name])
            changed.append(staff)
            changed_numbers.add(staff.employee_number)
    staff_members_bulk_save(new=new, changed=changed, changed_fields=STAFF_FIELDS, changed_by=changed_by)
    staff_by_number = {
        staff.employee_number: staff for staff in StaffMember.objects.filter(employee_number__in=numbers)
    }
    changed_numbers |= records.assignments_sync(extract.rows, staff_by_number, changed_by, timezone.localdate())
    if "swe_number" in extract.headers:
        changed_numbers |= _profiles_upsert(extract.rows, staff_by_number, changed_by)
    new_numbers = {staff.employee_number for staff in new}
    result.added_numbers = sorted(new_numbers)
    result.updated_numbers = sorted(changed_numbers - new_numbers)
    result.added, result.updated = len(result.added_numbers), len(result.updated_numbers)
    result.unchanged = result.rows - result.added - result.updated
    return result


def _profiles_upsert(rows, staff_by_number, changed_by):
    """The SWE number of each row; returns the employee numbers changed. Numbers given up by one
    person are cleared before they are given to another, so the unique constraint holds."""
    existing = {
        profile.staff_member_id: profile
        for profile in StaffProfile.objects.filter(staff_member__in=staff_by_number.values())
    }
    new, changed, numbers = [], [], set()
    for row in rows:
        staff = staff_by_number[row["employee_number"]]
        profile = existing.get(staff.pk)
        if profile is None:
            if row["swe_number"] is None:
                continue
            new.append(StaffProfile(staff_member=staff, swe_number=row["swe_number"]))
        elif profile.swe_number != row["swe_number"]:
            profile.swe_number = row["swe_number"]
            changed.append(profile)
        else:
            continue
        numbers.add(staff.employee_number)
    if changed:
        wanted = {profile.pk: profile.swe_number for profile in changed}
        for profile in changed:
            profile.swe_number = None
        StaffProfile.objects.filter(pk__in=wanted).update(swe_number=None)
        for profile in changed:
            profile.swe_number = wanted[profile.pk]
        bulk_update_with_history(changed, StaffProfile, ["swe_number"], default_user=changed_by)
    if new:
        bulk_create_with_history(new, StaffProfile, default_user=changed_by)
    return numbers


def import_batch_create(*, file_name, content, mapping=None, uploaded_by=None, extract):
    """Keeps an upload that read without problems, so that confirming imports exactly it."""
    preview = hr_extract_import(extract=extract, dry_run=True)
    return ImportBatch.objects.create(
        file_name=file_name[:255],
        content=content,
        mapping=mapping,
        mapping_name=mapping.name if mapping else "",
        mapping_columns=mapping.columns if mapping else {},
        uploaded_by=uploaded_by,
        rows=preview.rows,
        added=preview.added,
        updated=preview.updated,
        unchanged=preview.unchanged,
    )


def import_batch_confirm(*, batch, confirmed_by=None):
    """Reads the stored upload again (teams or staff may have changed since the preview) and
    imports it, all or nothing. A batch with problems now is marked refused, with its problems."""
    from .hr_import import extract_read

    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != ImportBatch.PREVIEWED:
            raise ExtractImportError([BATCH_NOT_PREVIEWED.format(status=batch.get_status_display().lower())])
        extract = extract_read(content=bytes(batch.content), file_name=batch.file_name, mapping=batch.mapping_columns)
        if not extract.is_valid:
            batch.status = ImportBatch.REFUSED
            batch.problems = [
                {"row": problem.row, "column": problem.column, "message": problem.message}
                for problem in extract.problems
            ]
            batch.save(update_fields=["status", "problems"])
            return batch
        result = hr_extract_import(extract=extract, changed_by=confirmed_by)
        batch.status = ImportBatch.IMPORTED
        batch.imported_at = timezone.now()
        batch.rows, batch.added, batch.updated, batch.unchanged = (
            result.rows,
            result.added,
            result.updated,
            result.unchanged,
        )
        batch.save()
    return batch


def column_mapping_save(*, mapping=None, name, columns, changed_by=None):
    """Creates a column mapping, or changes `mapping`; returns it. Batches keep the columns they
    were read with, so changing a mapping never changes what a past batch records."""
    mapping = mapping or ColumnMapping()
    mapping.name, mapping.columns = name, columns
    mapping._history_user = changed_by
    mapping.save()
    return mapping
