"""Historic audits from a council's spreadsheet (CSV). Every row is checked before anything is
written; one bad row refuses the whole file, with a message naming its row and field. Rows are
numbered as a spreadsheet shows them: the header is row 1, the first audit row 2.

Columns: case_reference, audit_type (full, dip_sample, themed), team (its name), completed_on
(YYYY-MM-DD), overall_grade (outstanding, good, requires_improvement, inadequate); optionally
auditor (username or e-mail address of a PSW Hub account), worker (the staff member's employee
number), themes (learning theme codes or names separated by semicolons), strengths,
areas_for_development, and service (children or adults, for teams created by --create-teams).

An audit already held (same case reference, type and completion date) is skipped, so importing
the same file twice adds nothing the second time."""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models.functions import Lower
from django.utils import timezone

from pswhub.core.models import Service, StaffMember, Team, User

from .models import Audit, AuditType, Case, CaseType, Grade, LearningTheme
from .reference import OFSTED_SCALE

REQUIRED_COLUMNS = ["case_reference", "audit_type", "team", "completed_on", "overall_grade"]
OPTIONAL_COLUMNS = ["auditor", "worker", "themes", "strengths", "areas_for_development", "service"]
CASE_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{0,39}$")

MISSING_COLUMN = "The file has no {column} column"
EMPTY_FILE = "The file is empty: it needs a header row with the column names"
NOT_DECODABLE = "The file is not text in UTF-8 or Windows-1252: save it from your spreadsheet as CSV"
MISSING_VALUE = "Enter a value"
BAD_CASE_REFERENCE = (
    "Enter the case reference from the case management system: letters, numbers and - / _ . only, never a name"
)
BAD_AUDIT_TYPE = "Enter full, dip_sample or themed"
BAD_DATE = "Enter a date as YYYY-MM-DD, like 2024-06-30"
FUTURE_DATE = "The date cannot be in the future"
BAD_GRADE = "Enter outstanding, good, requires_improvement or inadequate"
UNKNOWN_TEAM = "No team is called {name}: check the name, or import with --create-teams to add it"
UNKNOWN_TEAM_ON_PAGE = 'No team is called {name}: check the name, or choose "Add teams not in PSW Hub"'
AMBIGUOUS_TEAM = "More than one team is called {name}"
UNKNOWN_AUDITOR = "No PSW Hub account has the username or e-mail address {value}"
UNKNOWN_WORKER = "No staff member has the employee number {value}"
UNKNOWN_THEME = "No learning theme is called {value}"
REPEATED_ROW = "This audit repeats row {row}"
BAD_SERVICE = "Enter children or adults"
NO_SERVICE = "There is no {kind} service to add the team {name} to"


@dataclass
class _Checked:
    """What checking a file found: `errors` as "Row N, field: message" lines (the command prints
    them) and the same as (row, field, message) in `problems` (the pages show them as a table)."""

    errors: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def error(self, row, column, message):
        self.errors.append(f"Row {row}, {column}: {message}")
        self.problems.append((row, column, message))


@dataclass
class ImportPlan(_Checked):
    audits: list = field(default_factory=list)  # (Audit, [theme ids], team name to create or None)
    new_teams: dict = field(default_factory=dict)  # team name -> Service
    skipped: int = 0


def decode(raw):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _lookup(queryset, key_field, values):
    return {getattr(obj, key_field).lower(): obj for obj in queryset.filter(**{f"{key_field}__in": values})}


def audits_import_plan(raw, *, create_teams=False, today=None, unknown_team=UNKNOWN_TEAM):
    """Checks every row of a CSV file (bytes) and returns what would be written, or the errors."""
    today = today or timezone.localdate()
    plan = ImportPlan()
    text = decode(raw)
    if text is None:
        plan.error(1, "file", NOT_DECODABLE)
        return plan
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        plan.error(1, "file", EMPTY_FILE)
        return plan
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    for column in REQUIRED_COLUMNS:
        if column not in reader.fieldnames:
            plan.error(1, column, MISSING_COLUMN.format(column=column))
    if plan.errors:
        return plan
    rows = [{key: (value or "").strip() for key, value in row.items() if key} for row in reader]

    grades = {grade.code: grade for grade in Grade.objects.filter(scale__code=OFSTED_SCALE)}
    teams = {}
    for team in Team.objects.select_related("service"):
        teams.setdefault(team.name.lower(), []).append(team)
    services = {service.kind: service for service in Service.objects.all()}
    themes = {}
    for theme in LearningTheme.objects.all():
        themes[theme.code.lower()] = theme
        themes[theme.name.lower()] = theme
    auditor_keys = {row.get("auditor", "").lower() for row in rows} - {""}
    auditors = {}
    for user in User.objects.annotate(u=Lower("username"), e=Lower("email")).filter(
        u__in=auditor_keys
    ) | User.objects.annotate(u=Lower("username"), e=Lower("email")).filter(e__in=auditor_keys):
        auditors.setdefault(user.username.lower(), user)
        if user.email:
            auditors.setdefault(user.email.lower(), user)
    workers = {
        staff.employee_number.lower(): staff
        for staff in StaffMember.objects.filter(employee_number__in={row.get("worker", "") for row in rows} - {""})
    }
    existing = set(
        Audit.objects.filter(case_reference__in={row["case_reference"] for row in rows}).values_list(
            "case_reference", "audit_type", "completed_on"
        )
    )
    seen = {}

    for number, row in enumerate(rows, start=2):
        errors_before = len(plan.errors)
        for column in REQUIRED_COLUMNS:
            if not row.get(column):
                plan.error(number, column, MISSING_VALUE)
        reference = row.get("case_reference", "")
        if reference and not CASE_REFERENCE.match(reference):
            plan.error(number, "case_reference", BAD_CASE_REFERENCE)
        audit_type = row.get("audit_type", "").lower()
        if audit_type and audit_type not in AuditType.values:
            plan.error(number, "audit_type", BAD_AUDIT_TYPE)
        completed_on = None
        if row.get("completed_on"):
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["completed_on"]):
                    raise ValueError
                completed_on = date.fromisoformat(row["completed_on"])
            except ValueError:
                plan.error(number, "completed_on", BAD_DATE)
            else:
                if completed_on > today:
                    plan.error(number, "completed_on", FUTURE_DATE)
        grade = grades.get(row.get("overall_grade", "").lower())
        if row.get("overall_grade") and grade is None:
            plan.error(number, "overall_grade", BAD_GRADE)

        team, team_name = None, row.get("team", "")
        matches = teams.get(team_name.lower(), [])
        if len(matches) > 1:
            plan.error(number, "team", AMBIGUOUS_TEAM.format(name=team_name))
        elif matches:
            team = matches[0]
        elif team_name:
            if not create_teams:
                plan.error(number, "team", unknown_team.format(name=team_name))
            else:
                kind = (row.get("service") or Service.CHILDREN).lower()
                if kind not in dict(Service.KIND_CHOICES):
                    plan.error(number, "service", BAD_SERVICE)
                elif kind not in services:
                    plan.error(number, "team", NO_SERVICE.format(kind=kind, name=team_name))
                else:
                    plan.new_teams.setdefault(team_name.lower(), (team_name, services[kind]))

        auditor = None
        if row.get("auditor"):
            auditor = auditors.get(row["auditor"].lower())
            if auditor is None:
                plan.error(number, "auditor", UNKNOWN_AUDITOR.format(value=row["auditor"]))
        worker = None
        if row.get("worker"):
            worker = workers.get(row["worker"].lower())
            if worker is None:
                plan.error(number, "worker", UNKNOWN_WORKER.format(value=row["worker"]))
        theme_ids = []
        for value in filter(None, (part.strip() for part in row.get("themes", "").split(";"))):
            theme = themes.get(value.lower())
            if theme is None:
                plan.error(number, "themes", UNKNOWN_THEME.format(value=value))
            else:
                theme_ids.append(theme.pk)

        if len(plan.errors) > errors_before:
            continue
        key = (reference, audit_type, completed_on)
        if key in seen:
            plan.error(number, "case_reference", REPEATED_ROW.format(row=seen[key]))
            continue
        seen[key] = number
        if key in existing:
            plan.skipped += 1
            continue
        audit = Audit(
            audit_type=audit_type,
            case_reference=reference,
            team=team,
            worker=worker,
            auditor=auditor,
            status=Audit.Status.COMPLETED,
            completed_on=completed_on,
            overall_grade=grade,
            strengths=row.get("strengths", ""),
            areas_for_development=row.get("areas_for_development", ""),
        )
        plan.audits.append((audit, sorted(set(theme_ids)), None if team else team_name.lower()))
    return plan


# The case list from the case management system, for the audit programme. Same rules as above:
# every row checked first, one bad row refuses the file, errors as "Row N, field: message".
# A case reference already held is updated (team, worker, type, open date), so the monthly
# extract can be loaded again and again.

CASE_REQUIRED_COLUMNS = ["case_reference", "team", "case_type", "opened_on"]
CASE_OPTIONAL_COLUMNS = ["worker"]
BAD_CASE_TYPE = "Enter one of " + ", ".join(CaseType.values)
UNKNOWN_CASE_TEAM = "No team is called {name}: check the name against the teams in PSW Hub"
REPEATED_CASE = "This case repeats row {row}"


@dataclass
class CaseImportPlan(_Checked):
    new: list = field(default_factory=list)  # unsaved Case objects
    changed: list = field(default_factory=list)  # Case objects already held, with new values set
    unchanged: int = 0


def _read_rows(raw, plan, required):
    text = decode(raw)
    if text is None:
        plan.error(1, "file", NOT_DECODABLE)
        return None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        plan.error(1, "file", EMPTY_FILE)
        return None
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    for column in required:
        if column not in reader.fieldnames:
            plan.error(1, column, MISSING_COLUMN.format(column=column))
    if plan.errors:
        return None
    return [{key: (value or "").strip() for key, value in row.items() if key} for row in reader]


def _parse_date(value):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError
    return date.fromisoformat(value)


def cases_import_plan(raw, *, today=None):
    """Checks every row of a case list (CSV bytes) and returns the cases to add and to update, or
    the errors."""
    today = today or timezone.localdate()
    plan = CaseImportPlan()
    rows = _read_rows(raw, plan, CASE_REQUIRED_COLUMNS)
    if rows is None:
        return plan
    teams = {}
    for team in Team.objects.all():
        teams.setdefault(team.name.lower(), []).append(team)
    workers = {
        staff.employee_number.lower(): staff
        for staff in StaffMember.objects.filter(employee_number__in={row.get("worker", "") for row in rows} - {""})
    }
    held = {
        case.case_reference: case
        for case in Case.objects.filter(case_reference__in={r["case_reference"] for r in rows})
    }
    seen = {}
    for number, row in enumerate(rows, start=2):
        errors_before = len(plan.errors)
        for column in CASE_REQUIRED_COLUMNS:
            if not row.get(column):
                plan.error(number, column, MISSING_VALUE)
        reference = row.get("case_reference", "")
        if reference and not CASE_REFERENCE.match(reference):
            plan.error(number, "case_reference", BAD_CASE_REFERENCE)
        elif reference in seen:
            plan.error(number, "case_reference", REPEATED_CASE.format(row=seen[reference]))
        seen.setdefault(reference, number)
        team, team_name = None, row.get("team", "")
        matches = teams.get(team_name.lower(), [])
        if len(matches) > 1:
            plan.error(number, "team", AMBIGUOUS_TEAM.format(name=team_name))
        elif matches:
            team = matches[0]
        elif team_name:
            plan.error(number, "team", UNKNOWN_CASE_TEAM.format(name=team_name))
        worker = None
        if row.get("worker"):
            worker = workers.get(row["worker"].lower())
            if worker is None:
                plan.error(number, "worker", UNKNOWN_WORKER.format(value=row["worker"]))
        case_type = row.get("case_type", "").lower()
        if case_type and case_type not in CaseType.values:
            plan.error(number, "case_type", BAD_CASE_TYPE)
        opened_on = None
        if row.get("opened_on"):
            try:
                opened_on = _parse_date(row["opened_on"])
            except ValueError:
                plan.error(number, "opened_on", BAD_DATE)
            else:
                if opened_on > today:
                    plan.error(number, "opened_on", FUTURE_DATE)
        if len(plan.errors) > errors_before:
            continue
        values = {"team": team, "worker": worker, "case_type": case_type, "opened_on": opened_on}
        case = held.get(reference)
        if case is None:
            plan.new.append(Case(case_reference=reference, **values))
        elif any(getattr(case, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(case, name, value)
            plan.changed.append(case)
        else:
            plan.unchanged += 1
    return plan
