"""Reading renewal files (docs/registrations.md, "Imports"): one row per worker and renewal year,
from HR or the PSW's own records. Every row is checked before anything is written;
`renewal_file_read` never writes, and names the row and column of every problem. Rows are
numbered as a spreadsheet shows them: the header is row 1. The file is read as CSV or XLSX by
the reader every import uses (core.imports.reading)."""

import re
from dataclasses import dataclass, field

from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import (
    TableError,
    columns_find,
    iso_date_parse,
    rows_numbered,
    table_read,
    whole_number_parse,
)

from .models import Registration, renewal_deadline, renewal_window_opens

# (column, required, what it holds, example)
TEMPLATE = [
    ("employee_number", True, "The worker's employee number, as the HR system and PSW Hub hold it.", "E1001"),
    ("renewal_year", True, "The year of the 30 November deadline, as four digits.", "2025"),
    ("renewed_on", False, "The date the renewal was completed, as YYYY-MM-DD; blank if not yet.", "2025-10-02"),
    ("cpd_entries", True, "CPD entries recorded for the year: a whole number, 0 or more.", "3"),
    ("peer_reflection", True, "yes if one of the entries is a peer reflection, otherwise no.", "yes"),
]
COLUMNS = [column for column, *_ in TEMPLATE]
REQUIRED_COLUMNS = [column for column, required, *_ in TEMPLATE if required]

NO_ROWS = "The file has a header row but no rows"
REQUIRED = "Enter the {column}"
NO_REGISTRATION = "No staff member with the employee number {value} has a Social Work England registration in PSW Hub"
BAD_YEAR = "Enter the renewal year as four digits, like 2025, not {value}"
BAD_DATE = "Enter the date as YYYY-MM-DD, like 2025-10-02, not {value}"
OUTSIDE_WINDOW = "The renewal date must be between 1 September and 30 November {year}, not {value}"
BAD_COUNT = "Enter the number of CPD entries as a whole number of 0 or more, not {value}"
BAD_YES_NO = "Enter yes or no, not {value}"
REPEATED_ROW = "Row {row} already gives this worker's {year} renewal"

_YEAR = re.compile(r"^(20\d\d|2100)$")


@dataclass
class RenewalFile:
    rows: list = field(default_factory=list)  # dicts: row, registration, year, renewed_on, cpd_entries, peer_reflection
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


def renewal_file_read(*, content, file_name):
    """Reads and checks a whole renewal file; every problem is collected, not just the first."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return RenewalFile(problems=[Problem(None, "", str(error))])
    positions, _sources, problems = columns_find(header=header, columns=COLUMNS, required=REQUIRED_COLUMNS)
    if problems:
        return RenewalFile(problems=problems)
    if not body:
        return RenewalFile(problems=[Problem(None, "", NO_ROWS)])
    registrations = {
        registration.staff_member.employee_number: registration
        for registration in Registration.objects.select_related("staff_member")
    }
    result, seen = RenewalFile(), {}
    for number, cells in rows_numbered(body, positions):
        raw = {column: cells.get(column, "") for column in COLUMNS}
        values, row_problems = _row_check(number, raw, registrations, seen)
        result.problems += [Problem(number, column, message) for column, message in row_problems]
        result.rows.append(values)
    if result.problems:
        result.rows = []
    return result


def _row_check(number, raw, registrations, seen):
    problems = [
        (column, REQUIRED.format(column=column.replace("_", " "))) for column in REQUIRED_COLUMNS if not raw[column]
    ]
    values = {"row": number, "registration": registrations.get(raw["employee_number"])}
    if raw["employee_number"] and values["registration"] is None:
        problems.append(("employee_number", NO_REGISTRATION.format(value=raw["employee_number"])))
    values["year"] = int(raw["renewal_year"]) if _YEAR.match(raw["renewal_year"]) else None
    if raw["renewal_year"] and values["year"] is None:
        problems.append(("renewal_year", BAD_YEAR.format(value=raw["renewal_year"])))
    values["renewed_on"] = None
    if raw["renewed_on"]:
        try:
            values["renewed_on"] = iso_date_parse(raw["renewed_on"])
        except ValueError:
            problems.append(("renewed_on", BAD_DATE.format(value=raw["renewed_on"])))
        else:
            year = values["year"]
            if year and not renewal_window_opens(year) <= values["renewed_on"] <= renewal_deadline(year):
                problems.append(("renewed_on", OUTSIDE_WINDOW.format(year=year, value=raw["renewed_on"])))
    values["cpd_entries"] = whole_number_parse(raw["cpd_entries"])
    if raw["cpd_entries"] and values["cpd_entries"] is None:
        problems.append(("cpd_entries", BAD_COUNT.format(value=raw["cpd_entries"])))
    answer = raw["peer_reflection"].casefold()
    values["peer_reflection"] = {"yes": True, "no": False}.get(answer)
    if answer and values["peer_reflection"] is None:
        problems.append(("peer_reflection", BAD_YES_NO.format(value=raw["peer_reflection"])))
    key = (raw["employee_number"], values["year"])
    if all(key):
        first = seen.setdefault(key, number)
        if first != number:
            problems.append(("employee_number", REPEATED_ROW.format(row=first, year=values["year"])))
    return values, problems
