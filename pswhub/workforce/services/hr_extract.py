"""Importing an HR extract (docs/workforce.md, "HR extracts"): the rows read by
hr_import.extract_read upsert staff members on their employee number, with their assignments and
SWE numbers, all or nothing and with history for every row."""

from dataclasses import dataclass, field

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.imports import write_or_rehearse
from pswhub.core.models import Service, StaffMember, Team
from pswhub.core.services import staff_members_bulk_save

from .. import records
from ..models import StaffProfile
from .hr_changes import ADDED, ADOPTED, UPDATED, ChangeList

EXTRACT_HAS_PROBLEMS = "The extract has problems and nothing was imported"

STAFF_FIELDS = ["first_name", "last_name", "email", "job_title", "team", "started_on", "left_on"]


@dataclass
class ExtractImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0  # adopted records included
    unchanged: int = 0
    adopted: int = 0  # records a census return made, taken on by an HR row with the same SWE number
    teams_added: int = 0
    dry_run: bool = False
    added_numbers: list = field(default_factory=list)
    updated_numbers: list = field(default_factory=list)
    adopted_numbers: list = field(default_factory=list)
    new_teams: list = field(default_factory=list)  # "Team (service)" for each team added
    changes: list = field(default_factory=list)  # hr_changes.ChangeList.result


class ExtractImportError(Exception):
    def __init__(self, problems):
        super().__init__(EXTRACT_HAS_PROBLEMS)
        self.problems = problems


def hr_extract_import(*, extract, changed_by=None, dry_run=False):
    """Upserts a checked extract on the employee number, all or nothing.

    New employee numbers become staff members; a staff member whose row differs is updated; one
    whose row matches is not touched, so importing the same file again changes nothing (no rows,
    no history). A row whose SWE number is on a record a census return made adopts that record
    (matching.py): it takes the row's employee number and values, and stays the same person. Teams
    the extract was read to add (`new_team`) are added first. With `dry_run` the result says what
    would change and nothing is written."""
    if not extract.is_valid:
        raise ExtractImportError(extract.problems)
    return write_or_rehearse(lambda: _extract_upsert(extract, changed_by), dry_run=dry_run)


def _staff_fields(extract):
    """The staff fields the file gives: an e-mail column the file leaves out leaves the addresses
    held as they are."""
    return [name for name in STAFF_FIELDS if name != "email" or "email" in extract.headers]


def _teams_add(rows, changed_by):
    """Adds the teams rows name that PSW Hub does not have; returns the rows with their team set,
    and the teams added."""
    wanted = {}
    for row in rows:
        if row.get("new_team"):
            kind, name = row["new_team"]
            wanted.setdefault((kind, name.casefold()), name)
    if not wanted:
        return rows, []
    services = {service.kind: service for service in Service.objects.filter(kind__in={kind for kind, _ in wanted})}
    teams = {}
    for (kind, key), name in wanted.items():
        team = Team(service=services[kind], name=name)
        team._history_user = changed_by
        team.save()
        teams[(kind, key)] = team
    rows = [
        row | {"team": teams[(row["new_team"][0], row["new_team"][1].casefold())]} if row.get("new_team") else row
        for row in rows
    ]
    return rows, list(teams.values())


def _extract_upsert(extract, changed_by):
    result = ExtractImportResult(rows=len(extract.rows))
    rows, teams = _teams_add(extract.rows, changed_by)
    result.new_teams = [f"{team.name} ({team.service.get_kind_display()})" for team in teams]
    result.teams_added = len(teams)
    fields = _staff_fields(extract)
    numbers = [row["employee_number"] for row in rows]
    existing = {staff.employee_number: staff for staff in StaffMember.objects.filter(employee_number__in=numbers)}
    census_made = {
        staff.employee_number: staff
        for staff in StaffMember.objects.filter(
            employee_number__in=[row["adopts"] for row in rows if row.get("adopts")]
        )
    }
    held = {
        row["employee_number"]: existing.get(row["employee_number"]) or census_made.get(row.get("adopts"))
        for row in rows
    }
    change_list = ChangeList(rows, held, extract.headers)
    new, changed, changed_numbers, adopted = [], [], set(), set()
    for row in rows:
        staff = existing.get(row["employee_number"])
        if staff is None and row.get("adopts"):
            staff = census_made[row["adopts"]]
            change_list.person(row, staff, fields, action=ADOPTED, was=staff.employee_number)
            staff.employee_number = row["employee_number"]
            for name in fields:
                setattr(staff, name, row[name])
            changed.append(staff)
            adopted.add(row["employee_number"])
            continue
        change_list.person(row, staff, fields, action=UPDATED if staff else ADDED)
        if staff is None:
            new.append(StaffMember(employee_number=row["employee_number"], **{name: row[name] for name in fields}))
        elif any(getattr(staff, name) != row[name] for name in fields):
            for name in fields:
                setattr(staff, name, row[name])
            changed.append(staff)
            changed_numbers.add(staff.employee_number)
    changed_fields = [*fields, "employee_number"] if adopted else fields
    staff_members_bulk_save(new=new, changed=changed, changed_fields=changed_fields, changed_by=changed_by)
    staff_by_number = {
        staff.employee_number: staff for staff in StaffMember.objects.filter(employee_number__in=numbers)
    }
    changed_numbers |= records.assignments_sync(rows, staff_by_number, changed_by, timezone.localdate())
    if "swe_number" in extract.headers:
        changed_numbers |= _profiles_upsert(rows, staff_by_number, changed_by)
    new_numbers = {staff.employee_number for staff in new}
    result.added_numbers = sorted(new_numbers)
    result.adopted_numbers = sorted(adopted)
    result.updated_numbers = sorted((changed_numbers | adopted) - new_numbers)
    result.added, result.updated = len(result.added_numbers), len(result.updated_numbers)
    result.adopted = len(adopted)
    result.unchanged = result.rows - result.added - result.updated
    result.changes = change_list.result(new_numbers, adopted, changed_numbers - new_numbers, staff_by_number)
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
