"""Historic audits from a council's spreadsheet (CSV). Every row is checked before anything is
written; one bad row refuses the whole file, with a message naming its row and field. Rows are
numbered as a spreadsheet shows them: the header is row 1, the first audit row 2.

Columns: case_reference, audit_type (full, dip_sample, themed), team (its name), completed_on
(YYYY-MM-DD), overall_grade (outstanding, good, requires_improvement, inadequate); optionally
auditor (username or e-mail address of a PSW Hub account), worker (the staff member's employee
number), themes (learning theme codes or names separated by semicolons), strengths,
areas_for_development, and service (children or adults, for teams created by --create-teams).

An audit already held (same case reference, type and completion date) is skipped, so importing
the same file twice adds nothing the second time.

Files are read by the reader every import shares (core.imports.reading): CSV in UTF-8 or
Windows-1252, or XLSX; headers in any case."""

import re
from dataclasses import dataclass, field

from django.db.models.functions import Lower
from django.utils import timezone

from pswhub.core.imports import reading
from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import TableError, columns_find, iso_date_parse, rows_numbered
from pswhub.core.models import Service, StaffMember, Team, User

from .models import Audit, AuditType, Case, CaseType, Grade, LearningTheme
from .reference import OFSTED_SCALE

REQUIRED_COLUMNS = ["case_reference", "audit_type", "team", "completed_on", "overall_grade"]
OPTIONAL_COLUMNS = ["auditor", "worker", "themes", "strengths", "areas_for_development", "service"]
CASE_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{0,39}$")

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
    """What checking a file found: `problems` by row and field (a problem of the file as a whole
    is on row 1, the header), as the pages show them, and the same as `errors`, "Row N, field:
    message" lines, as the command prints them."""

    problems: list = field(default_factory=list)
    file_name: str = ""
    rows: int = 0

    def error(self, row, column, message):
        self.problems.append(Problem(row, column, message))

    @property
    def errors(self):
        return [f"Row {problem.row}, {problem.column}: {problem.message}" for problem in self.problems]

    @property
    def is_valid(self):
        return not self.problems


@dataclass
class ImportPlan(_Checked):
    audits: list = field(default_factory=list)  # (Audit, [theme ids], team name to create or None)
    new_teams: dict = field(default_factory=dict)  # team name -> Service
    skipped: int = 0
    batch: object = None  # the AuditImportBatch, once written

    @property
    def audit_count(self):
        return len(self.audits)

    @property
    def team_names(self):
        return [name for name, _service in self.new_teams.values()]


# The file's own problems as this import has always said them.
_FILE_MESSAGES = {
    reading.EMPTY_FILE: EMPTY_FILE,
    reading.NOT_A_TABLE.format(detail=reading.NOT_TEXT): NOT_DECODABLE,
}


def _rows_read(content, file_name, plan, required, optional):
    """The file's rows as (row number, values by column), or None with the file's problems on
    `plan` (a file that cannot be read, a required column missing)."""
    try:
        header, body = reading.table_read(content=content, file_name=file_name)
    except TableError as error:
        plan.error(1, "file", _FILE_MESSAGES.get(str(error), str(error)))
        return None
    positions, _sources, problems = columns_find(header=header, columns=[*required, *optional], required=required)
    for problem in problems:
        plan.error(1, problem.column, problem.message)
    if plan.problems:
        return None
    numbered = rows_numbered(body, positions)
    plan.rows = len(numbered)
    return numbered


def _lookup(queryset, key_field, values):
    return {getattr(obj, key_field).lower(): obj for obj in queryset.filter(**{f"{key_field}__in": values})}


def _past_date(plan, number, row, column, today):
    """The row's date in `column` (blank gives None), noting on the plan a date that is not a date
    or is after today."""
    if not row.get(column):
        return None
    try:
        day = iso_date_parse(row[column])
    except ValueError:
        plan.error(number, column, BAD_DATE)
        return None
    if day > today:
        plan.error(number, column, FUTURE_DATE)
    return day


def audits_import_plan(raw, *, file_name="audits.csv", create_teams=False, today=None, unknown_team=UNKNOWN_TEAM):
    """Checks every row of a file (bytes) and returns what would be written, or the problems."""
    today = today or timezone.localdate()
    plan = ImportPlan(file_name=file_name)
    numbered = _rows_read(raw, file_name, plan, REQUIRED_COLUMNS, OPTIONAL_COLUMNS)
    if numbered is None:
        return plan
    rows = [row for _number, row in numbered]

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

    for number, row in numbered:
        errors_before = len(plan.problems)
        for column in REQUIRED_COLUMNS:
            if not row.get(column):
                plan.error(number, column, MISSING_VALUE)
        reference = row.get("case_reference", "")
        if reference and not CASE_REFERENCE.match(reference):
            plan.error(number, "case_reference", BAD_CASE_REFERENCE)
        audit_type = row.get("audit_type", "").lower()
        if audit_type and audit_type not in AuditType.values:
            plan.error(number, "audit_type", BAD_AUDIT_TYPE)
        completed_on = _past_date(plan, number, row, "completed_on", today)
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

        if len(plan.problems) > errors_before:
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

    @property
    def added(self):
        return len(self.new)

    @property
    def updated(self):
        return len(self.changed)


def cases_import_plan(raw, *, file_name="cases.csv", today=None):
    """Checks every row of a case list (bytes) and returns the cases to add and to update, or the
    problems."""
    today = today or timezone.localdate()
    plan = CaseImportPlan(file_name=file_name)
    numbered = _rows_read(raw, file_name, plan, CASE_REQUIRED_COLUMNS, CASE_OPTIONAL_COLUMNS)
    if numbered is None:
        return plan
    rows = [row for _number, row in numbered]
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
    for number, row in numbered:
        errors_before = len(plan.problems)
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
        opened_on = _past_date(plan, number, row, "opened_on", today)
        if len(plan.problems) > errors_before:
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
