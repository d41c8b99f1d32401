"""Importing agency engagements from a CSV or XLSX file through the shared import pipeline
(core.imports; docs/agency.md, "Importing engagements"). Every row is checked before anything is
written; a file with any problem imports nothing, naming the row and column.

An engagement is matched on its agency, its worker (the employee number, or else the worker's
name) and its start date: a row matching one held updates it when anything differs, so importing
the same file again changes nothing."""

from dataclasses import dataclass, field
from decimal import Decimal

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.imports import Importer, write_or_rehearse
from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import (
    TableError,
    columns_find,
    date_parse,
    decimal_parse,
    rows_numbered,
    table_read,
    whole_number_parse,
)
from pswhub.core.models import StaffMember, Team
from pswhub.workforce import codes

from .models import CoverReason, Engagement, EngagementUpload

# (column, required, what it holds, example)
TEMPLATE = [
    ("agency", True, "The agency's name.", "Meridian Locums"),
    ("employee_number", False, "The worker's employee number, when they have a staff record in PSW Hub.", ""),
    (
        "worker_name",
        False,
        "The worker's name, when they have no staff record. One of the two is needed.",
        "Ola Okafor",
    ),
    ("team", True, "The team they cover in, as PSW Hub names it.", "Assessment North"),
    ("cover_reason", True, "vacancy, maternity, sickness or project.", "vacancy"),
    ("starts_on", True, "First day: 2026-01-05, 05/01/2026 or an Excel date.", "2026-01-05"),
    ("ends_on", False, "Last day; blank while it continues.", ""),
    ("fte", False, "From 0.01 to 1; blank is 1.", "1"),
    ("hourly_rate", True, "The agency's charge an hour in pounds, such as 44.50.", "44.50"),
    ("years_qualified", False, "Years since qualifying, a whole number.", "4"),
    (
        "org_role",
        False,
        "The census role code: 1 senior manager, 2 middle manager, 3 first line manager, 4 senior practitioner, "
        "5 case holder, 6 qualified without cases; blank is 5.",
        "5",
    ),
]
ROLE_CODES = {code for code, _ in codes.ORG_ROLE}
COLUMNS = [column for column, *_ in TEMPLATE]
REQUIRED = [column for column, required, *_ in TEMPLATE if required]
OPTIONAL_HEADERS = {"employee_number", "worker_name", "ends_on", "fte", "years_qualified", "org_role"}
FIELDS = ["agency", "staff_member", "worker_name", "team", "cover_reason", "starts_on", "ends_on", "fte",
          "hourly_rate", "years_qualified", "org_role"]  # fmt: skip

NO_ROWS = "The file has a header row but no rows"
ENTER = "Enter the {column}"
NAME_OR_NUMBER = "Enter the worker's employee number or their name"
UNKNOWN_EMPLOYEE = "No staff record has the employee number {value}"
UNKNOWN_TEAM = "There is no team called {value} in PSW Hub"
AMBIGUOUS_TEAM = "More than one team is called {value}; rename one in PSW Hub first"
BAD_REASON = "The cover reason must be one of vacancy, maternity, sickness or project, not {value}"
BAD_DATE = "Enter a date such as 2026-01-05 or 05/01/2026, not {value}"
END_BEFORE_START = "The last day {ends_on} is before the first day {starts_on}"
BAD_FTE = "Enter the FTE as a number from 0.01 to 1, such as 0.6, not {value}"
BAD_RATE = "Enter the hourly rate in pounds with at most 2 decimal places, such as 44.50, not {value}"
BAD_YEARS = "Enter the years since qualifying as a whole number, not {value}"
BAD_ROLE = "The census role must be a code from 1 to 6 (5 is a case holder), not {value}"
REPEATED = "This engagement repeats row {row}"
TOO_LONG = "Use at most {limit} characters"


@dataclass
class EngagementFile:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


@dataclass
class EngagementImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


def engagement_file_read(*, content, file_name):
    """Reads and checks a whole file; every problem is collected, not just the first."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return EngagementFile(problems=[Problem(None, "", str(error))])
    required_headers = [column for column in COLUMNS if column not in OPTIONAL_HEADERS]
    positions, sources, problems = columns_find(header=header, columns=COLUMNS, required=required_headers)
    if problems:
        return EngagementFile(problems=problems)
    if not body:
        return EngagementFile(problems=[Problem(None, "", NO_ROWS)])
    raw_rows = rows_numbered(body, positions)
    teams = {}
    for team in Team.objects.all():
        teams.setdefault(team.name.casefold(), []).append(team)
    numbers = {raw.get("employee_number") for _, raw in raw_rows} - {"", None}
    staff = {member.employee_number: member for member in StaffMember.objects.filter(employee_number__in=numbers)}
    checked, seen = EngagementFile(), {}
    for row_number, raw in raw_rows:
        values, row_problems = _row_clean(raw, teams=teams, staff=staff)
        if not row_problems:
            key = _key(values)
            if key in seen:
                row_problems.append(("starts_on", REPEATED.format(row=seen[key])))
            seen.setdefault(key, row_number)
        checked.problems += [
            Problem(row_number, sources.get(column, column), message) for column, message in row_problems
        ]
        checked.rows.append(values)
    if checked.problems:
        checked.rows = []
    return checked


def _row_clean(raw, *, teams, staff):
    problems, values = [], {}
    limits = {"agency": 200, "worker_name": 200}
    for column in REQUIRED:
        if not raw.get(column):
            problems.append((column, ENTER.format(column=column.replace("_", " "))))
    for column, limit in limits.items():
        values[column] = raw.get(column, "")
        if len(values[column]) > limit:
            problems.append((column, TOO_LONG.format(limit=limit)))
    values["staff_member"] = None
    if raw.get("employee_number"):
        values["staff_member"] = staff.get(raw["employee_number"])
        if values["staff_member"] is None:
            problems.append(("employee_number", UNKNOWN_EMPLOYEE.format(value=raw["employee_number"])))
    elif not values["worker_name"]:
        problems.append(("worker_name", NAME_OR_NUMBER))
    values["team"] = None
    if raw.get("team"):
        matches = teams.get(raw["team"].casefold(), [])
        if not matches:
            problems.append(("team", UNKNOWN_TEAM.format(value=raw["team"])))
        elif len(matches) > 1:
            problems.append(("team", AMBIGUOUS_TEAM.format(value=raw["team"])))
        else:
            values["team"] = matches[0]
    values["cover_reason"] = raw.get("cover_reason", "").strip().casefold()
    if values["cover_reason"] and values["cover_reason"] not in CoverReason.values:
        problems.append(("cover_reason", BAD_REASON.format(value=raw["cover_reason"])))
    for column in ("starts_on", "ends_on"):
        values[column] = None
        if raw.get(column):
            try:
                values[column] = date_parse(raw[column])
            except ValueError:
                problems.append((column, BAD_DATE.format(value=raw[column])))
    if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
        problems.append(("ends_on", END_BEFORE_START.format(ends_on=values["ends_on"], starts_on=values["starts_on"])))
    values["fte"] = Decimal("1")
    if raw.get("fte"):
        fte = decimal_parse(raw["fte"], places=2)
        if fte is None or not Decimal("0.01") <= fte <= 1:
            problems.append(("fte", BAD_FTE.format(value=raw["fte"])))
        else:
            values["fte"] = fte
    values["hourly_rate"] = None
    if raw.get("hourly_rate"):
        rate = decimal_parse(raw["hourly_rate"].lstrip("£"), places=2)
        if rate is None or rate < 0 or rate >= 100000:
            problems.append(("hourly_rate", BAD_RATE.format(value=raw["hourly_rate"])))
        else:
            values["hourly_rate"] = rate
    values["years_qualified"] = None
    if raw.get("years_qualified"):
        years = whole_number_parse(raw["years_qualified"])
        if years is None or years > 60:
            problems.append(("years_qualified", BAD_YEARS.format(value=raw["years_qualified"])))
        else:
            values["years_qualified"] = years
    values["org_role"] = codes.CASE_HOLDER
    if raw.get("org_role"):
        values["org_role"] = raw["org_role"].strip()
        if values["org_role"] not in ROLE_CODES:
            problems.append(("org_role", BAD_ROLE.format(value=raw["org_role"])))
    return values, problems


def _key(values):
    worker = values["staff_member"].pk if values["staff_member"] else values["worker_name"].casefold()
    return (values["agency"].casefold(), worker, values["starts_on"])


def _held_key(engagement):
    worker = engagement.staff_member_id or engagement.worker_name.casefold()
    return (engagement.agency.casefold(), worker, engagement.starts_on)


def engagements_import(*, engagement_file, changed_by=None, dry_run=False):
    """Adds and updates the file's engagements, all or nothing; with `dry_run` writes nothing."""
    return write_or_rehearse(lambda: _upsert(engagement_file, changed_by), dry_run=dry_run)


def _upsert(engagement_file, changed_by):
    result = EngagementImportResult(rows=len(engagement_file.rows))
    starts = {values["starts_on"] for values in engagement_file.rows}
    held = {_held_key(engagement): engagement for engagement in Engagement.objects.filter(starts_on__in=starts)}
    new, changed = [], []
    for values in engagement_file.rows:
        engagement = held.get(_key(values))
        if engagement is None:
            new.append(Engagement(**{name: values[name] for name in FIELDS}))
        elif any(getattr(engagement, name) != values[name] for name in FIELDS):
            for name in FIELDS:
                setattr(engagement, name, values[name])
            changed.append(engagement)
    if new:
        bulk_create_with_history(new, Engagement, default_user=changed_by)
    if changed:
        bulk_update_with_history(changed, Engagement, FIELDS, default_user=changed_by)
    result.added, result.updated = len(new), len(changed)
    result.unchanged = result.rows - result.added - result.updated
    return result


ENGAGEMENTS = Importer(
    model=EngagementUpload,
    read=engagement_file_read,
    write=lambda checked, *, changed_by=None, dry_run=False: engagements_import(
        engagement_file=checked, changed_by=changed_by, dry_run=dry_run
    ),
)
