"""Reading HR extracts (docs/workforce.md, "HR extracts"): a CSV or XLSX file becomes rows of
strings under the PSW Hub template's columns (core.imports.reading, with a council's column
mapping), and each row is checked before anything is written.

Reading never writes. `extract_read` returns an `Extract` whose `problems` name the row and column
of every fault; `services.hr_extract_import` refuses an extract with any problem."""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from pswhub.core.imports import reading
from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import TableError, columns_find, date_parse, rows_numbered, table_read
from pswhub.core.models import Authority, Service, StaffMember, Team

from . import codes
from .matching import is_census_record
from .models import SWE_NUMBER_PATTERN, StaffProfile

# (column, required, what it holds, example)
TEMPLATE = [
    ("employee_number", True, "The employee number in the HR system. Rows are matched on it.", "E1001"),
    ("first_name", True, "First name.", "Amina"),
    ("last_name", True, "Last name.", "Khan"),
    ("email", False, "Work e-mail address.", "amina.khan@example.gov.uk"),
    ("job_title", False, "Job title as the HR system holds it.", "Senior social worker"),
    ("team", False, "The team's name exactly as PSW Hub shows it. Blank for no team.", "North locality"),
    ("started_on", False, "Start date: 2024-09-02, 02/09/2024 or an Excel date.", "2024-09-02"),
    ("left_on", False, "Leaving date, blank while in post. Not before the start date.", ""),
    ("fte", False, "Full-time equivalent from 0 to 1, such as 0.6.", "1"),
    (
        "contract_type",
        False,
        "One of: " + ", ".join(code for code, _label in codes.CONTRACT_TYPE) + ".",
        "permanent",
    ),
    (
        "swe_number",
        False,
        "Social Work England number, SW and up to 10 digits. The column may be left out.",
        "SW123456",
    ),
    (
        "census_role",
        False,
        "The census role code: "
        + ", ".join(f"{code} {label.lower()}" for code, label in codes.ORG_ROLE)
        + ". The column may be left out.",
        "5",
    ),
    (
        "start_origin",
        False,
        "Where a starter came from: the census origin code, 1 to 10. Kept on their first assignment. "
        "The column may be left out; a blank cell leaves what is held.",
        "2",
    ),
    (
        "reason_leave",
        False,
        "A leaver's census reason for leaving, 1 to 10, with the leaving date. Kept on their last assignment. "
        "The column may be left out.",
        "",
    ),
    (
        "leaver_destination",
        False,
        "A leaver's census destination, 1 to 9, with the leaving date. Kept on their last assignment. "
        "The column may be left out.",
        "",
    ),
    (
        "service",
        False,
        "Only for teams added with the option to add teams: children or adults. Blank or left out: children.",
        "children",
    ),
    (
        "effective_on",
        False,
        "The date from which the row's team, job, role, FTE and contract hold. Blank or left out: the import date.",
        "2024-09-02",
    ),
]
TEMPLATE_COLUMNS = [column for column, *_ in TEMPLATE]
REQUIRED_COLUMNS = [column for column, required, *_ in TEMPLATE if required]
# Columns a file may leave out altogether; what PSW Hub holds for them is then left as it is.
OPTIONAL_HEADERS = {
    "email",
    "swe_number",
    "census_role",
    "start_origin",
    "reason_leave",
    "leaver_destination",
    "effective_on",
    "service",
}
REQUIRED_HEADERS = [column for column in TEMPLATE_COLUMNS if column not in OPTIONAL_HEADERS]
# Optional columns holding census codes, with the code list each is checked against.
CODE_COLUMNS = {
    "census_role": codes.ORG_ROLE,
    "start_origin": codes.START_ORIGIN,
    "reason_leave": codes.REASON_LEAVE,
    "leaver_destination": codes.LEAVER_DESTINATION,
}

NO_ROWS = "The file has a header row but no rows"
REQUIRED = "Enter the {column}"
DUPLICATE_EMPLOYEE = "Employee number {number} is also on row {row}"
DUPLICATE_SWE = "SWE number {number} is also on row {row}"
SWE_HELD_BY_OTHER = "SWE number {number} belongs to employee {other} in PSW Hub"
CENSUS_RECORD_AND_EMPLOYEE = (
    "SWE number {number} is on {other}, the record a census return made, and employee {employee} is also held "
    "in PSW Hub: clear the SWE number from one of the two records before importing"
)
BAD_DATE = "Enter a date such as 2024-09-02 or 02/09/2024, not {value}"
BAD_FTE = "Enter the FTE as a number from 0 to 1, such as 0.6, not {value}"
FTE_OUT_OF_RANGE = "FTE must be from 0 to 1, not {value}"
END_BEFORE_START = "The leaving date {left_on} is before the start date {started_on}"
UNKNOWN_CONTRACT = "The contract type must be one of {allowed}, not {value}"
UNKNOWN_TEAM = (
    "There is no team called {value} in PSW Hub: check the name, or have the import add the teams the "
    "extract names (tick “Add teams not in PSW Hub” when uploading, or run import_workforce --create-teams)"
)
BAD_SERVICE = "The service must be children or adults, not {value}"
NO_AUTHORITY = (
    "PSW Hub holds no council yet, so no team can be added: enter the council's name and DfE code on the "
    "Organisation page (or import a past census return) first, then import the extract again"
)
NO_SERVICE = (
    "There is no {kind} service to add the extract's teams to ({value}): add the service on the Organisation "
    "page first, then import the extract again"
)
AMBIGUOUS_TEAM = "More than one team is called {value}; rename one in PSW Hub first"
BAD_EMAIL = "Enter an e-mail address such as name@example.gov.uk, not {value}"
UNKNOWN_CODE = "The {column} must be a census code, one of {allowed}, not {value}"
LEAVING_WITHOUT_DATE = "A {column} needs a leaving date in left_on"
BAD_SWE = "Enter a Social Work England number: SW and up to 10 digits, not {value}"
TOO_LONG = "Use at most {limit} characters"

FTE_PLACES = 6


@dataclass
class Extract:
    rows: list = field(default_factory=list)  # cleaned values, keyed by template column
    problems: list = field(default_factory=list)
    headers: list = field(default_factory=list)  # the template columns the file gives

    @property
    def is_valid(self):
        return not self.problems


def fte_parse(value):
    """An FTE from 0 to 1 with at most six decimal places. Raises ValueError otherwise, with the
    message to show."""
    try:
        fte = Decimal(value.strip())
    except InvalidOperation as error:
        raise ValueError(BAD_FTE.format(value=value)) from error
    if not fte.is_finite():
        raise ValueError(BAD_FTE.format(value=value))
    if fte < 0 or fte > 1:
        raise ValueError(FTE_OUT_OF_RANGE.format(value=value))
    rounded = fte.quantize(Decimal(1).scaleb(-FTE_PLACES))
    if rounded != fte:
        raise ValueError(BAD_FTE.format(value=value))
    return rounded.normalize() if rounded != 0 else Decimal("0")


def extract_read(*, content, file_name, mapping=None, create_teams=False):
    """Reads and checks a whole extract. Every problem is collected, not just the first.

    With `create_teams`, a team the extract names that PSW Hub does not have is not a problem: the
    row's `team` is left None and `new_team` holds (service kind, name) for the import to add."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return Extract(problems=[Problem(None, "", str(error))])
    positions, sources, problems = columns_find(
        header=header, columns=TEMPLATE_COLUMNS, required=REQUIRED_HEADERS, mapping=mapping
    )
    if problems:
        return Extract(problems=problems)
    if not body:
        return Extract(problems=[Problem(None, "", NO_ROWS)])
    extract = Extract(headers=list(sources))
    raw_rows = rows_numbered(body, positions)
    context = _Context.build(raw_rows, create_teams=create_teams)
    if context.setup_problem:
        return Extract(problems=[Problem(None, "", context.setup_problem)])
    for row_number, raw in raw_rows:
        values, row_problems = row_clean(raw, context=context, row_number=row_number)
        extract.problems += [
            Problem(row_number, sources.get(column, column), message) for column, message in row_problems
        ]
        values["row"] = row_number
        extract.rows.append(values)
    if extract.problems:
        extract.rows = []
    return extract


@dataclass
class _Context:
    """What checking a row needs from the rest of the file and from the database."""

    teams: dict
    first_row_of_employee: dict
    first_row_of_swe: dict
    swe_holders: dict
    swe_in_file: dict  # employee number to the SWE number the file gives them
    held_numbers: set = field(default_factory=set)  # the file's employee numbers PSW Hub holds
    services: dict | None = None  # service kind to service, when teams may be added
    setup_problem: str = ""  # what must be done before any row can be read

    @classmethod
    def build(cls, raw_rows, *, create_teams=False):
        teams = {}
        for team in Team.objects.select_related("service"):
            teams.setdefault(team.name.strip().casefold(), []).append(team)
        first_row_of_employee, first_row_of_swe, swe_in_file = {}, {}, {}
        for row_number, raw in raw_rows:
            first_row_of_employee.setdefault(raw["employee_number"], row_number)
            if "swe_number" in raw:
                swe_in_file.setdefault(raw["employee_number"], _swe_normalise(raw["swe_number"]))
            if raw.get("swe_number"):
                first_row_of_swe.setdefault(_swe_normalise(raw["swe_number"]), row_number)
        swe_holders = dict(
            StaffProfile.objects.filter(swe_number__in=first_row_of_swe).values_list(
                "swe_number", "staff_member__employee_number"
            )
        )
        # A number held by someone whose own row gives it up may pass to another in the same file.
        swe_holders = {
            swe: holder
            for swe, holder in swe_holders.items()
            if holder not in swe_in_file or swe_in_file[holder] == swe
        }
        held_numbers = set(
            StaffMember.objects.filter(employee_number__in=first_row_of_employee).values_list(
                "employee_number", flat=True
            )
        )
        context = cls(teams, first_row_of_employee, first_row_of_swe, swe_holders, swe_in_file, held_numbers)
        if create_teams:
            context.services = {service.kind: service for service in Service.objects.all()}
            context.setup_problem = _setup_problem(raw_rows, teams, context.services)
        return context

    def adoptable(self, swe, number):
        """The census-made record an HR row may adopt for this SWE number (its employee number),
        or None: the row's employee number is new to PSW Hub and the record has no row of its own."""
        holder = self.swe_holders.get(swe)
        if holder is None or not is_census_record(holder, swe):
            return None
        if number in self.held_numbers or holder in self.first_row_of_employee:
            return None
        return holder


def row_clean(raw, *, context, row_number):
    """One row's values ready to store, and its problems as (column, message)."""
    problems, values = [], {}
    limits = {name: StaffMember._meta.get_field(name).max_length for name in TEMPLATE_COLUMNS[:6] if name != "team"}
    for column in ("employee_number", "first_name", "last_name", "email", "job_title"):
        value = raw.get(column, "")
        if column in REQUIRED_COLUMNS and not value:
            problems.append((column, REQUIRED.format(column=column.replace("_", " "))))
        elif len(value) > limits[column]:
            problems.append((column, TOO_LONG.format(limit=limits[column])))
        values[column] = value

    number = raw["employee_number"]
    first = context.first_row_of_employee.get(number)
    if number and first != row_number:
        problems.append(("employee_number", DUPLICATE_EMPLOYEE.format(number=number, row=first)))

    if raw.get("email"):
        try:
            validate_email(raw["email"])
        except ValidationError:
            problems.append(("email", BAD_EMAIL.format(value=raw["email"])))

    values["team"], values["new_team"] = None, None
    if raw["team"]:
        matches = context.teams.get(raw["team"].casefold(), [])
        if not matches and context.services is not None:
            values["new_team"], problem = _new_team(raw, context)
            if problem:
                problems.append(problem)
        elif not matches:
            problems.append(("team", UNKNOWN_TEAM.format(value=raw["team"])))
        elif len(matches) > 1:
            problems.append(("team", AMBIGUOUS_TEAM.format(value=raw["team"])))
        else:
            values["team"] = matches[0]

    for column in ("started_on", "left_on", "effective_on"):
        values[column] = None
        if column not in raw:
            continue
        if raw[column]:
            try:
                values[column] = date_parse(raw[column])
            except ValueError:
                problems.append((column, BAD_DATE.format(value=raw[column])))
    if values["started_on"] and values["left_on"] and values["left_on"] < values["started_on"]:
        problems.append(
            ("left_on", END_BEFORE_START.format(left_on=values["left_on"], started_on=values["started_on"]))
        )

    for column, choices in CODE_COLUMNS.items():
        values[column] = raw.get(column, "")
        allowed = [code for code, _label in choices]
        if values[column] and values[column] not in allowed:
            label = column.replace("_", " ")
            problems.append((column, UNKNOWN_CODE.format(column=label, allowed=", ".join(allowed), value=raw[column])))
        elif values[column] and column in ("reason_leave", "leaver_destination") and not values["left_on"]:
            problems.append((column, LEAVING_WITHOUT_DATE.format(column=column.replace("_", " "))))

    values["fte"] = None
    if raw["fte"]:
        try:
            values["fte"] = fte_parse(raw["fte"])
        except ValueError as error:
            problems.append(("fte", str(error)))

    allowed = [code for code, _label in codes.CONTRACT_TYPE]
    values["contract_type"] = raw["contract_type"].strip().lower().replace(" ", "_").replace("-", "_")
    if values["contract_type"] and values["contract_type"] not in allowed:
        problems.append(
            ("contract_type", UNKNOWN_CONTRACT.format(allowed=", ".join(allowed), value=raw["contract_type"]))
        )

    values["adopts"] = None
    if "swe_number" in raw:
        swe = _swe_normalise(raw["swe_number"])
        values["swe_number"] = swe or None
        if swe:
            if not re.match(SWE_NUMBER_PATTERN, swe):
                problems.append(("swe_number", BAD_SWE.format(value=raw["swe_number"])))
            elif context.first_row_of_swe.get(swe, row_number) != row_number:
                problems.append(("swe_number", DUPLICATE_SWE.format(number=swe, row=context.first_row_of_swe[swe])))
            elif context.swe_holders.get(swe, number) != number:
                values["adopts"] = context.adoptable(swe, number)
                holder = context.swe_holders[swe]
                if values["adopts"] is None and is_census_record(holder, swe) and number in context.held_numbers:
                    message = CENSUS_RECORD_AND_EMPLOYEE.format(number=swe, other=holder, employee=number)
                    problems.append(("swe_number", message))
                elif values["adopts"] is None:
                    problems.append(("swe_number", SWE_HELD_BY_OTHER.format(number=swe, other=holder)))
    return values, problems


def _setup_problem(raw_rows, teams, services):
    """What must be set up before the teams an extract names can be added, said once for the file
    rather than on every row: the council, or the service the teams would join."""
    unknown = {}  # service kind to the names of teams to add to it
    for _, raw in raw_rows:
        if raw.get("team") and raw["team"].casefold() not in teams:
            kind = (raw.get("service") or Service.CHILDREN).strip().casefold()
            unknown.setdefault(kind, set()).add(raw["team"])
    if unknown and not Authority.objects.exists():
        return NO_AUTHORITY
    missing = sorted(kind for kind in unknown if kind in dict(Service.KIND_CHOICES) and kind not in services)
    if missing:
        names = sorted(name for kind in missing for name in unknown[kind])
        return NO_SERVICE.format(kind=" or ".join(missing), value=", ".join(names))
    return ""


def _new_team(raw, context):
    """The (service kind, name) of a team to add for a row, or a problem as (column, message)."""
    kind = (raw.get("service") or Service.CHILDREN).strip().casefold()
    if kind not in dict(Service.KIND_CHOICES):
        return None, ("service", BAD_SERVICE.format(value=raw["service"]))
    if kind not in context.services:
        return None, ("team", NO_SERVICE.format(kind=kind, value=raw["team"]))
    return (kind, raw["team"].strip()), None


def _swe_normalise(value):
    return value.upper().replace(" ", "")


def template_csv():
    """The documented template: the header row and one example row."""
    return reading.template_csv(TEMPLATE)
