"""Reading an uploaded table: a CSV or XLSX file becomes a header row and rows of text cells, the
one reader every import uses. Then the helpers each import checks its cells with: matching the
file's headers to the import's columns (with a council's own names mapped to ours), and parsing
dates, whole numbers and decimals.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first row under it row 2.
Rows whose every cell is blank are left out before numbering.

Every file is held to the limits of `limits` before it is parsed (its size; for XLSX how far it
unpacks and how far its sheets reach) and as it is read, a row at a time (how many rows, how many
columns, how long a cell is, no NUL character): each refused with a message saying the limit."""

import csv
import io
import re
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from . import limits
from .problems import Problem
from .progress import rows_estimate, rows_read

NOT_A_TABLE = "The file could not be read as CSV or XLSX: {detail}"
NOT_TEXT = "its text is neither UTF-8 nor Windows-1252"
BINARY = "it holds binary data"
DAMAGED_WORKBOOK = "the workbook is damaged or not a spreadsheet"
EMPTY_FILE = "The file has no header row"
MISSING_COLUMN = "The file has no {column} column"
REPEATED_HEADER = "The column {header} appears more than once"
MAPPING_UNKNOWN_COLUMN = "The mapping sends {header} to {column}, which is not a template column"

XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
ZIP_SIGNATURE = b"PK\x03\x04"

# Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); serials 1 to 2958465
# are 1899-12-31 to 9999-12-31. Anything else in a date column is not a serial.
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_SERIAL_MAX = 2958465

_SERIAL = re.compile(r"^\d{1,7}(\.0+)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHOLE_NUMBER = re.compile(r"^\d+$")


class TableError(Exception):
    """The file cannot be read as a table at all; the message says why, for the uploader."""


def text_decode(content):
    """The file's text: UTF-8 (with or without a byte-order mark), else Windows-1252, which is
    what Excel on Windows saves. Raises TableError when it is neither."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError as error:
            raise TableError(NOT_A_TABLE.format(detail=NOT_TEXT)) from error


def table_read(*, content, file_name):
    """The file's cells as text: (header row, rows under it). XLSX when the name or the bytes say
    so, CSV otherwise. Raises TableError when the file is not a table, has no header row or goes
    beyond a limit (limits.py), saying which."""
    try:
        limits.size_check(len(content))
        if file_name.lower().endswith(XLSX_SUFFIXES) or content[:4] == ZIP_SIGNATURE:
            rows, total = _xlsx_rows(content)
        else:
            rows, total = _csv_iter(content), rows_estimate(content)
        table = _table_limited(rows, total)
        limits.cells_check(table)
    except limits.LimitError as error:
        raise TableError(str(error)) from error
    if not table:
        raise TableError(EMPTY_FILE)
    return table[0], table[1:]


def _table_limited(rows, total=None):
    """The rows that are not blank, read one at a time and refused past the row and column limits,
    saying how far it has got (progress.rows_read) of about `total` rows under the header."""
    most = limits.max_rows() + 1  # the header and the rows under it
    table = []
    for row in rows:
        if len(row) > limits.MAX_COLUMNS and any(cell.strip() for cell in row[limits.MAX_COLUMNS :]):
            raise limits.LimitError(limits.TOO_MANY_COLUMNS.format(limit=limits.MAX_COLUMNS))
        if any(cell.strip() for cell in row):
            table.append(row)
            if len(table) > most:
                raise limits.LimitError(limits.TOO_MANY_ROWS.format(limit=most - 1))
            rows_read(len(table) - 1, total)
    read = max(len(table) - 1, 0)
    rows_read(read, read, done=True)
    return table


def csv_rows(content):
    """Every row of a CSV file as lists of text cells, blank rows included."""
    return list(_csv_iter(content))


def _csv_iter(content):
    """The rows of a CSV file, one at a time."""
    text = text_decode(content)
    if "\x00" in text:
        raise TableError(NOT_A_TABLE.format(detail=BINARY))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        yield from reader
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise TableError(
                limits.CELL_TOO_LONG_NEAR.format(line=reader.line_num, limit=limits.MAX_CELL_CHARS)
            ) from error
        raise TableError(NOT_A_TABLE.format(detail=str(error))) from error


def _delimiter(text):
    """The character separating the cells: a comma, unless the header row has more semicolons or
    tabs than commas (Excel saves "CSV" with semicolons where the comma is the decimal mark)."""
    header = text.split("\n", 1)[0]
    counts = {separator: header.count(separator) for separator in (",", ";", "\t")}
    best = max(counts, key=lambda separator: counts[separator])
    return best if counts[best] > counts[","] else ","


def _xlsx_rows(content):
    """The rows of an XLSX workbook's first sheet, one at a time, once the workbook has passed
    limits.workbook_check (so it is neither a zip bomb nor a sheet stretched over a million rows),
    and how many rows it reaches under its first (the header)."""
    from python_calamine import CalamineWorkbook

    if not content.startswith(ZIP_SIGNATURE):
        raise TableError(NOT_A_TABLE.format(detail=limits.NOT_AN_XLSX))
    try:
        limits.workbook_check(content)
    except limits.LimitError:
        raise
    except limits.DamagedArchive as error:
        raise TableError(NOT_A_TABLE.format(detail=DAMAGED_WORKBOOK)) from error
    except ValueError as error:
        raise TableError(NOT_A_TABLE.format(detail=str(error))) from error
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        rows = sheet.iter_rows()
        leading = [""] * sheet.start[1] if sheet.start else []
    except Exception as error:  # calamine raises its own error types for every kind of damage
        raise TableError(NOT_A_TABLE.format(detail=DAMAGED_WORKBOOK)) from error
    return (leading + [cell_text(cell) for cell in row] for row in rows), max(sheet.height - 1, 0)


def cell_text(cell):
    """A spreadsheet cell as the text a CSV would hold: dates as ISO dates, whole numbers without
    a decimal point, booleans as TRUE and FALSE."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return str(cell)


def header_key(text):
    """A header as it is matched: case, spaces around it and the difference between spaces,
    hyphens and underscores inside it do not matter ("Employee Number" is employee_number)."""
    return re.sub(r"[\s_\-]+", "_", text.strip().casefold())


def columns_find(*, header, columns, required, mapping=None):
    """Which position of the header holds each of the import's `columns`.

    `mapping` maps a council's own header to one of ours; a header it does not name is read as
    one of ours if it is one. Headers matching neither are ignored. A column in `required` that no
    header gives, a header given twice and a mapping onto a column that does not exist are
    problems of the whole file. Returns (position by column, the file's header by column,
    problems)."""
    problems = []
    mapped = {}
    for source, column in (mapping or {}).items():
        if column not in columns:
            problems.append(Problem(None, source, MAPPING_UNKNOWN_COLUMN.format(header=source, column=column)))
        mapped[header_key(source)] = column
    positions, sources = {}, {}
    for position, text in enumerate(header):
        key = header_key(text)
        column = mapped.get(key, key)
        if column not in columns:
            continue
        if column in sources:
            problems.append(Problem(None, text.strip(), REPEATED_HEADER.format(header=text.strip())))
            continue
        positions[column], sources[column] = position, text.strip()
    problems += [
        Problem(None, column, MISSING_COLUMN.format(column=column)) for column in required if column not in sources
    ]
    return positions, sources, problems


def row_cells(cells, positions):
    """One row's cells by column, stripped; a short row's missing cells are blank."""
    return {column: cells[position].strip() if position < len(cells) else "" for column, position in positions.items()}


def rows_numbered(body, positions):
    """The rows under the header as (row number, cells by column), numbered from 2."""
    return [(number, row_cells(cells, positions)) for number, cells in enumerate(body, start=2)]


def date_parse(value):
    """A date from an ISO date, a day-first UK date (02/09/2024), an ISO date and midnight, or an
    Excel serial number. Raises ValueError for anything else."""
    value = value.strip()
    if _SERIAL.match(value):
        return excel_date(int(value.split(".")[0]))
    match = _DAY_FIRST.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day)
    if len(value) == 19 and value[10] in " T":  # a date and midnight, as some systems write dates
        value = value[:10]
    return date.fromisoformat(value)


def excel_date(serial):
    """The date an Excel serial number stands for (1 is 1899-12-31; 45536 is 2024-09-01).
    Raises ValueError outside 1 to 9999-12-31."""
    if not 1 <= serial <= EXCEL_SERIAL_MAX:
        raise ValueError(serial)
    return EXCEL_EPOCH + timedelta(days=serial)


def iso_date_parse(value):
    """A date written exactly as YYYY-MM-DD. Raises ValueError for anything else."""
    if not _ISO_DATE.match(value):
        raise ValueError(value)
    return date.fromisoformat(value)


# The largest whole number a database integer column holds (PostgreSQL's integer).
WHOLE_NUMBER_MAX = 2_147_483_647


def whole_number_parse(value, *, maximum=WHOLE_NUMBER_MAX):
    """A whole number from 0 to `maximum` (what an integer column holds) written in digits only,
    or None."""
    if not _WHOLE_NUMBER.match(value) or len(value.lstrip("0")) > len(str(maximum)):
        return None
    number = int(value)
    return number if number <= maximum else None


def decimal_parse(value, *, places, max_digits=None):
    """A finite decimal with at most `places` decimal places (and, given `max_digits`, no more
    digits before the point than a column of that many digits holds), or None."""
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return None
    if not number.is_finite() or -number.as_tuple().exponent > places:
        return None
    if max_digits is not None and abs(number) >= Decimal(10) ** (max_digits - places):
        return None
    return number


def template_csv(template):
    """A file template as CSV: the header row and one example row. `template` holds (column, ...,
    example) tuples, the example last."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column for column, *_rest in template])
    writer.writerow([example for *_rest, example in template])
    return out.getvalue()
