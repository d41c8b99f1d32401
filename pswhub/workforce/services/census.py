"""Importing a past census return (docs/workforce.md, "Past census returns"): the return read by
csww.census_return_read replaces its own collection year's lines, all or nothing, with history
for every row."""

from dataclasses import dataclass

from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.imports import write_or_rehearse
from pswhub.core.models import Authority, Service, StaffMember
from pswhub.core.services import staff_members_bulk_save

# Staff records made for people first met in a census return are named after their SWE number
# until an HR import adopts them (matching.py).
from ..matching import CENSUS_EMPLOYEE_PREFIX, CENSUS_FIRST_NAME
from ..models import CensusWorker, CensusYear, StaffProfile

WRONG_AUTHORITY = "This return is for local authority {found}, but PSW Hub holds {name} ({expected})"
NO_AUTHORITY_CODE = (
    "The return has no Header/Source/LEA and PSW Hub holds no authority yet, so it cannot say whose it is"
)
RETURN_HAS_PROBLEMS = "The return has problems and was not imported"
BUILT_YEAR = (
    "PSW Hub builds the {year} census year from its own records, so a return for it is not imported: "
    "its lines would replace the built ones"
)


class CensusImportError(Exception):
    pass


@dataclass
class CensusImportResult:
    year: int
    authority: Authority
    rows: int = 0  # worker lines in the return
    authority_created: bool = False
    service_created: bool = False  # the children's service, made when the authority had none
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
                self.service_created,
                self.year_created,
                self.year_changed,
                self.staff_created,
                self.created,
                self.updated,
                self.deleted,
            )
        )


def census_return_import(*, census_return, changed_by=None, dry_run=False):
    """Imports a census return that has been read without problems, all or nothing.

    The return replaces that collection year's lines and nothing else: other years are never
    touched. Lines are matched on SWE number and their order within the return, so importing the
    same return again changes nothing (no rows, no history). With `dry_run` everything is worked
    out and rolled back, and the result says what would have changed."""
    if not census_return.is_valid:
        raise CensusImportError(RETURN_HAS_PROBLEMS)
    return write_or_rehearse(lambda: _import(census_return, changed_by), dry_run=dry_run)


def _import(census_return, changed_by):
    authority, authority_created = _authority_for(census_return.la_code)
    result = CensusImportResult(
        year=census_return.year,
        authority=authority,
        authority_created=authority_created,
        rows=len(census_return.workers),
    )
    if census_built_year_problem(census_return.year):
        raise CensusImportError(census_built_year_problem(census_return.year))
    result.service_created = _children_service_for(authority, changed_by)
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


def census_authority_problem(la_code):
    """Why a return with this LA code cannot be PSW Hub's, or "" when it can: PSW Hub holds one
    authority, and a return names it in Header/Source/LEA (or, with none held yet, must)."""
    authority = Authority.objects.order_by("pk").first()
    if authority is None:
        return "" if la_code else NO_AUTHORITY_CODE
    if la_code and authority.la_code != la_code:
        return WRONG_AUTHORITY.format(found=la_code, name=authority.name, expected=authority.la_code)
    return ""


def census_built_year_problem(year):
    """Why a return for `year` is not imported, or "": a year built from PSW Hub's records keeps them."""
    if CensusYear.objects.filter(year=year, source=CensusYear.BUILT).exists():
        return BUILT_YEAR.format(year=year)
    return ""


def _authority_for(la_code):
    problem = census_authority_problem(la_code)
    if problem:
        raise CensusImportError(problem)
    authority = Authority.objects.order_by("pk").first()
    if authority is None:
        return Authority.objects.create(name=f"Local authority {la_code}", la_code=la_code), True
    return authority, False


def _children_service_for(authority, changed_by):
    """Makes the children's service a census return is about when the authority has none, so the
    teams of later imports (historic audits with --create-teams, say) have a service to join.
    Returns whether it was made."""
    if authority.services.filter(kind=Service.CHILDREN).exists():
        return False
    service = Service(authority=authority, kind=Service.CHILDREN, name=dict(Service.KIND_CHOICES)[Service.CHILDREN])
    service._history_user = changed_by
    service.save()
    return True


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
