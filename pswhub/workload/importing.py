"""Reading caseload files (docs/workload.md, "Importing caseloads"): a CSV as case management
systems export it, one row per worker, date, case type and complexity. Every row is checked
before anything is written; `caseload_file_read` never writes, and names the row and column of
every problem. Rows are numbered as a spreadsheet shows them: the header is row 1.

The file is read by the reader every import uses (core.imports.reading): UTF-8 (with or without
a byte-order mark), then Windows-1252, or XLSX."""

from dataclasses import dataclass, field
from datetime import date

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
from pswhub.core.imports.reading import (
    template_csv as _template_csv,
)
from pswhub.core.models import StaffMember

from . import reference
from .models import CaseType, ComplexityLevel

# (column, required, what it holds, example)
TEMPLATE = [
    ("worker", True, "The worker's employee number, as the HR system and PSW Hub hold it.", "E1001"),
    ("date", True, "The date the caseload was counted, as YYYY-MM-DD.", "2026-09-30"),
    ("case_type", True, "The case type's code (listed below).", "child_protection"),
    ("count", True, "How many cases of that type the worker held: a whole number, 0 or more.", "3"),
    ("complexity", False, "standard, complex or highly_complex. Blank means standard.", "complex"),
]
COLUMNS = [column for column, *_ in TEMPLATE]
REQUIRED_COLUMNS = [column for column, required, *_ in TEMPLATE if required]

NO_ROWS = "The file has a header row but no rows"
REQUIRED = "Enter the {column}"
UNKNOWN_WORKER = "No staff member has the employee number {value}"
BAD_DATE = "Enter the date as YYYY-MM-DD, like 2026-09-30, not {value}"
FUTURE_DATE = "The date {value} is in the future"
UNKNOWN_CASE_TYPE = "No case type has the code {value}"
UNKNOWN_COMPLEXITY = "Enter standard, complex or highly_complex, not {value}"
BAD_COUNT = "Enter the count as a whole number of 0 or more, not {value}"
REPEATED_ROW = "Row {row} already gives this worker, date, case type and complexity"


@dataclass
class CaseloadFile:
    rows: list = field(default_factory=list)  # dicts: row, staff_member, date, case_type, complexity, count
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


def caseload_file_read(*, content, file_name, today=None):
    """Reads and checks a whole caseload file; every problem is collected, not just the first."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return CaseloadFile(problems=[Problem(None, "", str(error))])
    positions, _sources, problems = columns_find(header=header, columns=COLUMNS, required=REQUIRED_COLUMNS)
    if problems:
        return CaseloadFile(problems=problems)
    if not body:
        return CaseloadFile(problems=[Problem(None, "", NO_ROWS)])
    raw_rows = rows_numbered(body, positions)
    checker = _Checker.build(raw_rows, today=today or timezone.localdate())
    result = CaseloadFile()
    for number, raw in raw_rows:
        values, row_problems = checker.check(number, raw)
        result.problems += [Problem(number, column, message) for column, message in row_problems]
        result.rows.append(values)
    if result.problems:
        result.rows = []
    return result


@dataclass
class _Checker:
    staff: dict  # employee number -> StaffMember
    case_types: dict  # code -> CaseType
    complexities: dict  # code -> ComplexityLevel
    today: date
    seen: dict = field(default_factory=dict)  # (worker, date, case type, complexity) -> row

    @classmethod
    def build(cls, raw_rows, *, today):
        numbers = {raw["worker"] for _number, raw in raw_rows if raw["worker"]}
        staff = {member.employee_number: member for member in StaffMember.objects.filter(employee_number__in=numbers)}
        return cls(
            staff=staff,
            case_types={case_type.code: case_type for case_type in CaseType.objects.all()},
            complexities={level.code: level for level in ComplexityLevel.objects.all()},
            today=today,
        )

    def check(self, number, raw):
        problems, values = [], {"row": number}
        for column in REQUIRED_COLUMNS:
            if not raw[column]:
                problems.append((column, REQUIRED.format(column=column.replace("_", " "))))

        values["staff_member"] = self.staff.get(raw["worker"])
        if raw["worker"] and values["staff_member"] is None:
            problems.append(("worker", UNKNOWN_WORKER.format(value=raw["worker"])))

        values["date"] = None
        if raw["date"]:
            try:
                values["date"] = iso_date_parse(raw["date"])
            except ValueError:
                problems.append(("date", BAD_DATE.format(value=raw["date"])))
            else:
                if values["date"] > self.today:
                    problems.append(("date", FUTURE_DATE.format(value=raw["date"])))

        code = raw["case_type"].casefold()
        values["case_type"] = self.case_types.get(code)
        if code and values["case_type"] is None:
            problems.append(("case_type", UNKNOWN_CASE_TYPE.format(value=raw["case_type"])))

        level = raw.get("complexity", "").casefold().replace(" ", "_") or reference.STANDARD
        values["complexity"] = self.complexities.get(level)
        if values["complexity"] is None:
            problems.append(("complexity", UNKNOWN_COMPLEXITY.format(value=raw["complexity"])))

        values["count"] = whole_number_parse(raw["count"])
        if raw["count"] and values["count"] is None:
            problems.append(("count", BAD_COUNT.format(value=raw["count"])))

        key = (raw["worker"], values["date"], code, level)
        if None not in key[1:] and raw["worker"]:
            first = self.seen.setdefault(key, number)
            if first != number:
                problems.append(("worker", REPEATED_ROW.format(row=first)))
        return values, problems


def template_csv():
    return _template_csv(TEMPLATE)
