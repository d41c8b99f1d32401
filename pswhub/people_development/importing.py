"""Reading past spreadsheets of placements, early career records and progression (docs/
people_development.md, "Imports"). Every row is checked before anything is written; a reader never
writes, and names the row and column of every problem (the header is row 1). CSV (UTF-8, then
Windows-1252) and XLSX are read by the shared import pipeline (`pswhub.core.imports`). People are
named by employee number; an unknown one is a problem."""

from dataclasses import dataclass, field
from datetime import date

from pswhub.core.imports import Problem, TableError, table_read
from pswhub.core.models import StaffMember, Team
from pswhub.core.periods import year_label_parse

from . import reference
from .models import (
    OPEN_OUTCOMES,
    Outcome,
    PlacementKind,
    PlacementOutcome,
    PracticeEducator,
    ProgressionOutcome,
)

NO_ROWS = "The file has a header row but no rows"
MISSING_COLUMN = "The file has no {column} column"
REPEATED_HEADER = "The column {header} appears more than once"
REQUIRED = "Enter the {column}"
BAD_DATE = "Enter the date as YYYY-MM-DD, like 2021-09-01, not {value}"
BAD_YEAR = "Enter the academic year like 2020/21, not {value}"
BAD_CHOICE = "Enter one of {choices}, not {value}"
BAD_NUMBER = "Enter a whole number of 0 or more, not {value}"
UNKNOWN_PERSON = "No staff member has the employee number {value}"
UNKNOWN_TEAM = "No team is called {value}"
AMBIGUOUS_TEAM = "More than one team is called {value}"
NOT_AN_EDUCATOR = "{value} is not recorded as a practice educator"
ENDS_BEFORE_START = "The end date is before the start date"
OPEN_WITH_END = "A programme in progress or extended has no completed_on"
ENDED_WITHOUT_END = "Enter completed_on for a passed, failed or withdrawn programme"
SAME_LEVEL = "to_level must differ from from_level"
PROGRAMME_NOT_YET = "This programme starts on {day}: use asye for an earlier start"
REPEATED_ROW = "Row {row} already gives this {what}"

ROUTE_CODES = [code for code, _name, _order in reference.ROUTES]
PROGRAMME_CODES = [code for code, *_rest in reference.PROGRAMMES]
LEVEL_CODES = [code for code, _name, _order in reference.PROGRESSION_LEVELS]
DECISIONS = [value for value in ProgressionOutcome.values if value != ProgressionOutcome.WAITING]


@dataclass
class ImportFile:
    rows: list = field(default_factory=list)  # checked values by column, and "row"
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


# --- Parsers: each returns the value or raises ValueError with the message -------------------


def _date(text, _context):
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(BAD_DATE.format(value=text)) from None


def _academic_year(text, _context):
    try:
        return year_label_parse(text)
    except ValueError:
        raise ValueError(BAD_YEAR.format(value=text)) from None


def _choice(choices):
    def parse(text, _context):
        code = text.strip().casefold()
        if code not in choices:
            raise ValueError(BAD_CHOICE.format(choices=", ".join(choices), value=text))
        return code

    return parse


def _whole_number(text, _context):
    if not text.isdigit():
        raise ValueError(BAD_NUMBER.format(value=text))
    return int(text)


def _person(text, context):
    staff = context["staff"].get(text)
    if staff is None:
        raise ValueError(UNKNOWN_PERSON.format(value=text))
    return staff


def _educator(text, context):
    staff = _person(text, context)
    educator = context["educators"].get(staff.pk)
    if educator is None:
        raise ValueError(NOT_AN_EDUCATOR.format(value=text))
    return educator


def _team(text, context):
    matches = context["teams"].get(text.casefold(), [])
    if not matches:
        raise ValueError(UNKNOWN_TEAM.format(value=text))
    if len(matches) > 1:
        raise ValueError(AMBIGUOUS_TEAM.format(value=text))
    return matches[0]


def _text(text, _context):
    return text


# (column, required, parser, what it holds, example)
PLACEMENT_COLUMNS = [
    ("academic_year", True, _academic_year, "The academic year, like 2020/21.", "2020/21"),
    ("student_reference", True, _text, "The student's reference, never their name.", "NS200123"),
    ("university", True, _text, "The university.", "University of Northshire"),
    ("route", True, _choice(ROUTE_CODES), "One of " + ", ".join(ROUTE_CODES) + ".", "degree"),
    ("placement", True, _choice(PlacementKind.values), "first, final or other.", "final"),
    ("team", True, _team, "The team's name, as PSW Hub holds it.", "Assessment North"),
    ("days", True, _whole_number, "Placement days.", "100"),
    ("outcome", True, _choice(PlacementOutcome.values), "passed, failed, withdrawn or in_progress.", "passed"),
    ("practice_educator", False, _educator, "The practice educator's employee number.", "E100123"),
    ("hired_employee_number", False, _person, "The employee number if the council later employed them.", ""),
    ("started_on", False, _date, "YYYY-MM-DD.", "2021-01-11"),
    ("ended_on", False, _date, "YYYY-MM-DD.", "2021-05-28"),
]
EARLY_CAREER_COLUMNS = [
    ("employee_number", True, _person, "The worker's employee number.", "E100123"),
    ("programme", True, _choice(PROGRAMME_CODES), "asye or early_career.", "asye"),
    ("started_on", True, _date, "YYYY-MM-DD.", "2020-09-07"),
    ("outcome", True, _choice(Outcome.values), "in_progress, passed, failed, extended or withdrawn.", "passed"),
    ("completed_on", False, _date, "YYYY-MM-DD; needed unless in progress or extended.", "2021-09-06"),
    ("assessor", False, _person, "The assessor's employee number.", "E100456"),
]
PROGRESSION_COLUMNS = [
    ("employee_number", True, _person, "The applicant's employee number.", "E100123"),
    ("panel_on", True, _date, "The panel's date, YYYY-MM-DD.", "2021-06-15"),
    ("from_level", True, _choice(LEVEL_CODES), "One of " + ", ".join(LEVEL_CODES) + ".", "social_worker"),
    ("to_level", True, _choice(LEVEL_CODES), "The level applied for.", "experienced_social_worker"),
    ("outcome", True, _choice(DECISIONS), "progressed, not_yet or withdrawn.", "progressed"),
    ("applied_on", False, _date, "YYYY-MM-DD.", "2021-05-01"),
]


def _context(raw_rows, columns):
    people_columns = {"employee_number", "assessor", "practice_educator", "hired_employee_number"}
    numbers = {raw[column] for _n, raw in raw_rows for column in people_columns if raw.get(column)}
    staff = {member.employee_number: member for member in StaffMember.objects.filter(employee_number__in=numbers)}
    teams = {}
    if any(column == "team" for column, *_rest in columns):
        for team in Team.objects.all():
            teams.setdefault(team.name.casefold(), []).append(team)
    educators = {educator.staff_member_id: educator for educator in PracticeEducator.objects.all()}
    return {"staff": staff, "teams": teams, "educators": educators}


def file_read(*, content, file_name, columns, row_check, key):
    """Reads and checks a whole file against `columns`; `row_check(values)` adds the checks that
    span columns, as (column, message) pairs; `key(values)` names a row so a repeat is a problem."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return ImportFile(problems=[Problem(None, "", str(error))])
    names = [column for column, *_rest in columns]
    positions, problems = {}, []
    for position, text in enumerate(header):
        name = text.strip().casefold()
        if name in names:
            if name in positions:
                problems.append(Problem(None, name, REPEATED_HEADER.format(header=name)))
            positions[name] = position
    problems += [
        Problem(None, column, MISSING_COLUMN.format(column=column))
        for column, required, *_rest in columns
        if required and column not in positions
    ]
    if problems:
        return ImportFile(problems=problems)
    if not body:
        return ImportFile(problems=[Problem(None, "", NO_ROWS)])
    raw_rows = [
        (number, {name: (cells[pos].strip() if pos < len(cells) else "") for name, pos in positions.items()})
        for number, cells in enumerate(body, start=2)
    ]
    context = _context(raw_rows, columns)
    result, seen = ImportFile(), {}
    for number, raw in raw_rows:
        values, row_problems = {"row": number}, []
        for column, required, parse, *_rest in columns:
            text = raw.get(column, "")
            values[column] = None
            if not text:
                if required:
                    row_problems.append((column, REQUIRED.format(column=column.replace("_", " "))))
                continue
            try:
                values[column] = parse(text, context)
            except ValueError as error:
                row_problems.append((column, str(error)))
        if not row_problems:
            row_problems += row_check(values)
            first = seen.setdefault(key(values), number)
            if first != number:
                row_problems.append(("", REPEATED_ROW.format(row=first, what="record")))
        result.problems += [Problem(number, column, message) for column, message in row_problems]
        result.rows.append(values)
    if result.problems:
        result.rows = []
    return result


def _placement_check(values):
    start, end = values["started_on"], values["ended_on"]
    return [("ended_on", ENDS_BEFORE_START)] if start and end and end < start else []


AVAILABLE_FROM = {code: available_from for code, *_rest, available_from in reference.PROGRAMMES}


def _early_career_check(values):
    completed, outcome = values["completed_on"], values["outcome"]
    available_from = AVAILABLE_FROM[values["programme"]]
    if available_from and values["started_on"] < available_from:
        return [("started_on", PROGRAMME_NOT_YET.format(day=available_from.isoformat()))]
    if outcome in OPEN_OUTCOMES and completed:
        return [("completed_on", OPEN_WITH_END)]
    if outcome not in OPEN_OUTCOMES and not completed:
        left_on = values["employee_number"].left_on
        if outcome == Outcome.WITHDRAWN and left_on:
            values["completed_on"] = left_on  # leaving dates come from the staff record
            return []
        return [("completed_on", ENDED_WITHOUT_END)]
    if completed and completed < values["started_on"]:
        return [("completed_on", ENDS_BEFORE_START)]
    return []


def _progression_check(values):
    return [("to_level", SAME_LEVEL)] if values["from_level"] == values["to_level"] else []


def placements_file_read(*, content, file_name):
    return file_read(
        content=content,
        file_name=file_name,
        columns=PLACEMENT_COLUMNS,
        row_check=_placement_check,
        key=lambda v: (v["academic_year"], v["student_reference"], v["placement"]),
    )


def early_careers_file_read(*, content, file_name):
    return file_read(
        content=content,
        file_name=file_name,
        columns=EARLY_CAREER_COLUMNS,
        row_check=_early_career_check,
        key=lambda v: (v["employee_number"].pk, v["programme"], v["started_on"]),
    )


def progression_file_read(*, content, file_name):
    return file_read(
        content=content,
        file_name=file_name,
        columns=PROGRESSION_COLUMNS,
        row_check=_progression_check,
        key=lambda v: (v["employee_number"].pk, v["panel_on"], v["to_level"]),
    )
