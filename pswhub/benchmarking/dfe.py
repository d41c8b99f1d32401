"""DfE's published Children's Social Work Workforce indicators file: its columns, its symbols and
how a row of it is read. Pure functions, no database: the loading migration, the upload and the
tests all read the file through `rows_read`.

A value is kept as DfE wrote it (text), so that a symbol stays a symbol: `value_of` turns it into
a Decimal, or None with the reason DfE gives (`z`, `x`, `c`, `u`, `low`), never a zero."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import TableError, table_read

BUNDLED_PATH = Path(__file__).resolve().parent / "data" / "csww_indicators_2017_to_2023.csv"
BUNDLED_SOURCE = (
    "Department for Education, Children's social work workforce: indicators file 2017 to 2023 "
    "(Open Government Licence v3.0), bundled with PSW Hub"
)
CREDIT = "Source: Department for Education, Children's social work workforce."

NATIONAL, REGIONAL, LOCAL_AUTHORITY = "National", "Regional", "Local authority"
LEVELS = (NATIONAL, REGIONAL, LOCAL_AUTHORITY)
ENGLAND_CODE = "E92000001"
LONDON_CODE = "E12000007"
# DfE lists London's councils under Inner and Outer London; their region is London.
REGION_OF_SUBREGION = {"E13000001": LONDON_CODE, "E13000002": LONDON_CODE}

# (column, label, kind, ranked). Counts depend on a council's size, so only rates and the
# caseload are ranked among councils.
FIGURES = [
    ("inpost_fte", "Social workers in post (FTE)", "fte", False),
    ("inpost_headcount", "Social workers in post (headcount)", "count", False),
    ("starters_fte", "Starters (FTE)", "fte", False),
    ("starters_headcount", "Starters (headcount)", "count", False),
    ("leavers_fte", "Leavers (FTE)", "fte", False),
    ("leavers_headcount", "Leavers (headcount)", "count", False),
    ("turnover_rate_fte", "Turnover rate (FTE, %)", "rate", True),
    ("turnover_rate_headcount", "Turnover rate (headcount, %)", "rate", True),
    ("agency_fte", "Agency workers (FTE)", "fte", False),
    ("agency_headcount", "Agency workers (headcount)", "count", False),
    ("agency_rate_fte", "Agency worker rate (FTE, %)", "rate", True),
    ("agency_rate_headcount", "Agency worker rate (headcount, %)", "rate", True),
    ("agency_cover_fte", "Agency workers covering vacancies (FTE)", "fte", False),
    ("agency_cover_rate_fte", "Agency workers covering vacancies (% of agency FTE)", "rate", True),
    ("vacancy_fte", "Vacancies (FTE)", "fte", False),
    ("vacancy_rate_fte", "Vacancy rate (FTE, %)", "rate", True),
    ("vacancy_agency_cover_rate_fte", "Vacancies covered by agency workers (%)", "rate", True),
    ("case_holders_fte", "Social workers holding cases (FTE)", "fte", False),
    ("cases", "Cases held", "count", False),
    ("caseload_fte", "Average caseload per case-holding FTE", "caseload", True),
    ("working_days_lost_fte", "Working days lost to sickness absence (FTE)", "fte", False),
    ("absence_rate_fte", "Absence rate (FTE, %)", "rate", True),
]
FIGURE_COLUMNS = [column for column, _, _, _ in FIGURES]
LABELS = {column: label for column, label, _, _ in FIGURES}
KINDS = {column: kind for column, _, kind, _ in FIGURES}
RANKED = [column for column, _, _, ranked in FIGURES if ranked]
AREA_COLUMNS = ["time_period", "geographic_level", "region_code", "region_name", "old_la_code", "la_name"]
REQUIRED_COLUMNS = AREA_COLUMNS + FIGURE_COLUMNS

# DfE's symbols in place of a number, and what a page says instead.
SYMBOLS = {
    "z": "not applicable",
    "x": "not available",
    "c": "not published by DfE, to protect confidentiality",
    "u": "not published by DfE: too unreliable",
    "low": "too small to show once rounded",
}
NOT_PUBLISHED = "not published by DfE"

MISSING_COLUMN = "The file has no {column} column, so it is not DfE's CSWW indicators file"
BAD_YEAR = "{value!r} is not a census year like 2024"
BAD_LEVEL = "{value!r} is not National, Regional or Local authority"
NO_CODE = "A {level} row needs its {column}"
BAD_VALUE = "{value!r} is neither a number nor one of DfE's symbols (z, x, c, u, low)"
REPEATED_AREA = "{name} {year} appears more than once (first on row {first})"
NO_ROWS = "The file has a header row but no figures"


@dataclass(frozen=True)
class Row:
    """One area's figures for one census year, as DfE published them (text)."""

    year: int
    level: str
    code: str  # England's ONS code, the region's ONS code, or the council's DfE code(s)
    name: str
    region_code: str
    region_name: str
    values: dict  # column -> text as published ("15.1", "c", "")


@dataclass
class Read:
    rows: list
    problems: list

    @property
    def is_valid(self):
        return not self.problems and bool(self.rows)


def value_of(text):
    """(Decimal or None, why there is no number): "15.1" -> (15.1, ""), "c" -> (None, reason)."""
    text = (text or "").strip()
    if text == "":
        return None, NOT_PUBLISHED
    if text.lower() in SYMBOLS:
        return None, SYMBOLS[text.lower()]
    try:
        return Decimal(text.replace(",", "")), ""
    except InvalidOperation:
        return None, NOT_PUBLISHED


def _valid_value(text):
    text = text.strip()
    if text == "" or text.lower() in SYMBOLS:
        return True
    try:
        Decimal(text.replace(",", ""))
    except InvalidOperation:
        return False
    return True


def la_codes(code):
    """The DfE codes of a council row: "940 / 941" -> ["940", "941"]."""
    return [part.strip() for part in code.split("/") if part.strip()]


def rows_read(*, content, file_name="csww_indicators.csv"):
    """Every row of a DfE indicators file (CSV or XLSX), checked: a file with any problem gives
    its problems by row and column and no rows are used."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return Read([], [Problem(None, "", str(error))])
    header = [cell.strip() for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        return Read([], [Problem(None, column, MISSING_COLUMN.format(column=column)) for column in missing])
    index = {column: header.index(column) for column in REQUIRED_COLUMNS}
    rows, problems, seen = [], [], {}
    for number, cells in enumerate(body, start=2):
        cells = cells + [""] * (len(header) - len(cells))

        def cell(column, cells=cells):
            return cells[index[column]].strip()

        row_problems = []
        year_text, level = cell("time_period"), cell("geographic_level")
        if not (year_text.isdigit() and 2000 <= int(year_text) <= 2100):
            row_problems.append(Problem(number, "time_period", BAD_YEAR.format(value=year_text)))
        if level not in LEVELS:
            row_problems.append(Problem(number, "geographic_level", BAD_LEVEL.format(value=level)))
        code = {NATIONAL: ENGLAND_CODE, REGIONAL: cell("region_code"), LOCAL_AUTHORITY: cell("old_la_code")}.get(level)
        code_column = "region_code" if level == REGIONAL else "old_la_code"
        if level in (REGIONAL, LOCAL_AUTHORITY) and not code:
            row_problems.append(Problem(number, code_column, NO_CODE.format(level=level.lower(), column=code_column)))
        for column in FIGURE_COLUMNS:
            if not _valid_value(cell(column)):
                row_problems.append(Problem(number, column, BAD_VALUE.format(value=cell(column))))
        if row_problems:
            problems.extend(row_problems)
            continue
        name = {NATIONAL: "England", REGIONAL: cell("region_name"), LOCAL_AUTHORITY: cell("la_name")}[level]
        key = (int(year_text), level, code)
        if key in seen:
            problems.append(
                Problem(number, code_column, REPEATED_AREA.format(name=name, year=year_text, first=seen[key]))
            )
            continue
        seen[key] = number
        rows.append(
            Row(
                year=int(year_text),
                level=level,
                code=code,
                name=name,
                region_code=cell("region_code"),
                region_name=cell("region_name"),
                values={column: cell(column) for column in FIGURE_COLUMNS},
            )
        )
    if not rows and not problems:
        problems.append(Problem(None, "", NO_ROWS))
    return Read(rows, problems)


def bundled_rows():
    """The rows of the file bundled with PSW Hub (2017 to 2023)."""
    return rows_read(content=BUNDLED_PATH.read_bytes(), file_name=BUNDLED_PATH.name).rows
