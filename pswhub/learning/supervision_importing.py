"""Reading supervision files (docs/learning.md, "Imports"): one row per supervision session, as a
case management or HR system exports them. Every row is checked before anything is written;
`supervision_file_read` never writes, and names the row and column of every problem. Rows are
numbered as a spreadsheet shows them: the header is row 1. The file is read as CSV or XLSX by
the reader every import uses (core.imports.reading)."""

from dataclasses import dataclass, field

from django.utils import timezone

from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import (
    TableError,
    columns_find,
    iso_date_parse,
    rows_numbered,
    table_read,
    whole_number_parse,
)
from pswhub.core.models import StaffMember

from .models import SupervisionKind

MAX_MINUTES = 600

# (column, required, what it holds, example)
TEMPLATE = [
    ("employee_number", True, "The supervised worker's employee number, as PSW Hub holds it.", "E1001"),
    ("held_on", True, "The date of the session, as YYYY-MM-DD.", "2025-11-12"),
    ("kind", True, "individual or group.", "individual"),
    ("minutes", True, f"The session's length in minutes: a whole number from 1 to {MAX_MINUTES}.", "90"),
    ("supervisor", False, "The supervisor's employee number, or blank if not recorded.", "E0042"),
]
COLUMNS = [column for column, *_ in TEMPLATE]
REQUIRED_COLUMNS = [column for column, required, *_ in TEMPLATE if required]

NO_ROWS = "The file has a header row but no rows"
REQUIRED = "Enter the {column}"
UNKNOWN_WORKER = "No staff member has the employee number {value}"
UNKNOWN_SUPERVISOR = "No staff member has the employee number {value} to be the supervisor"
OWN_SUPERVISOR = "A worker cannot be their own supervisor"
BAD_DATE = "Enter the date as YYYY-MM-DD, like 2025-11-12, not {value}"
IN_FUTURE = "The session cannot be after today, {today}: {value} is"
UNKNOWN_KIND = "Enter individual or group, not {value}"
BAD_MINUTES = f"Enter the length as a whole number of minutes from 1 to {MAX_MINUTES}, not {{value}}"
REPEATED_ROW = "Row {row} already gives this worker's {kind} session on this date"


@dataclass
class SupervisionFile:
    rows: list = field(default_factory=list)  # dicts: row, staff_member, held_on, kind, minutes, supervisor
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


def supervision_file_read(*, content, file_name, today=None):
    """Reads and checks a whole supervision file; every problem is collected, not just the first."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return SupervisionFile(problems=[Problem(None, "", str(error))])
    positions, _sources, problems = columns_find(header=header, columns=COLUMNS, required=REQUIRED_COLUMNS)
    if problems:
        return SupervisionFile(problems=problems)
    if not body:
        return SupervisionFile(problems=[Problem(None, "", NO_ROWS)])
    numbers = set()
    for _number, cells in rows_numbered(body, positions):
        numbers |= {cells.get("employee_number", ""), cells.get("supervisor", "")}
    staff = {member.employee_number: member for member in StaffMember.objects.filter(employee_number__in=numbers)}
    today = today or timezone.localdate()
    result, seen = SupervisionFile(), {}
    for number, cells in rows_numbered(body, positions):
        raw = {column: cells.get(column, "") for column in COLUMNS}
        values, row_problems = _row_check(number, raw, staff, seen, today)
        result.problems += [Problem(number, column, message) for column, message in row_problems]
        result.rows.append(values)
    if result.problems:
        result.rows = []
    return result


def _row_check(number, raw, staff, seen, today):
    problems = [
        (column, REQUIRED.format(column=column.replace("_", " "))) for column in REQUIRED_COLUMNS if not raw[column]
    ]
    values = {"row": number, "staff_member": staff.get(raw["employee_number"])}
    if raw["employee_number"] and values["staff_member"] is None:
        problems.append(("employee_number", UNKNOWN_WORKER.format(value=raw["employee_number"])))
    values["held_on"] = None
    if raw["held_on"]:
        try:
            values["held_on"] = iso_date_parse(raw["held_on"])
        except ValueError:
            problems.append(("held_on", BAD_DATE.format(value=raw["held_on"])))
        else:
            if values["held_on"] > today:
                problems.append(("held_on", IN_FUTURE.format(today=today.isoformat(), value=raw["held_on"])))
    values["kind"] = raw["kind"].casefold()
    if raw["kind"] and values["kind"] not in SupervisionKind.values:
        problems.append(("kind", UNKNOWN_KIND.format(value=raw["kind"])))
    values["minutes"] = whole_number_parse(raw["minutes"])
    if raw["minutes"] and not (values["minutes"] and values["minutes"] <= MAX_MINUTES):
        problems.append(("minutes", BAD_MINUTES.format(value=raw["minutes"])))
    values["supervisor"] = staff.get(raw["supervisor"]) if raw["supervisor"] else None
    if raw["supervisor"] and values["supervisor"] is None:
        problems.append(("supervisor", UNKNOWN_SUPERVISOR.format(value=raw["supervisor"])))
    elif raw["supervisor"] and raw["supervisor"] == raw["employee_number"]:
        problems.append(("supervisor", OWN_SUPERVISOR))
    key = (raw["employee_number"], values["held_on"], values["kind"])
    if all(key):
        first = seen.setdefault(key, number)
        if first != number:
            problems.append(("held_on", REPEATED_ROW.format(row=first, kind=values["kind"])))
    return values, problems
