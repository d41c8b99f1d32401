"""The limits every uploaded file is held to before any of it is parsed (docs/adr/0014-import-limits.md):
its size, and for a spreadsheet (a zip archive of XML parts) how much its parts unpack to, how
many times smaller than their contents they are compressed, and how many rows and columns its
sheets reach. Then, as it is read, how many rows it has and how long a cell is.

A spreadsheet's parts are judged by the sizes its zip index declares (Python's zip reader never
returns more than a part's declared size, so the index cannot lie about what is read), and its
sheets' extent by scanning the cell references in their XML, a piece at a time: the spreadsheet
reader lays a sheet out as a grid from its first cell to its last, so two cells a million rows
apart would otherwise ask for gigabytes of memory.

Each limit can be changed in the settings (`PSWHUB_IMPORT_MAX_MB`, `PSWHUB_IMPORT_MAX_ROWS`);
each refusal says the limit."""

import io
import re
import zipfile

from django.conf import settings

MAX_UPLOAD_MB = 20
MAX_ROWS = 100_000
MAX_COLUMNS = 500
# The most a spreadsheet cell holds (Excel's own limit).
MAX_CELL_CHARS = 32_767
# What a spreadsheet may unpack to, all parts together, and how many times smaller than its
# contents a large part may be compressed (sheet XML compresses ten to thirty times; a zip bomb
# a thousand times or more).
MAX_EXPANDED_MB = 300
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM = 1024 * 1024
MAX_PARTS = 2000

FILE_TOO_BIG = "The file is {size} MB; a file may be at most {limit} MB. Split it into smaller files and import each"
TOO_MANY_ROWS = "The file has more than {limit:,} rows, the most one import takes. Split it into smaller files"
TOO_MANY_COLUMNS = "The file has more than {limit:,} columns, the most one import takes"
CELL_TOO_LONG = "Row {row}, column {column}: the cell holds {length:,} characters; a cell may hold at most {limit:,}"
CELL_TOO_LONG_NEAR = "A cell near line {line} holds more than {limit:,} characters; a cell may hold at most {limit:,}"
CELL_HAS_NUL = "Row {row}, column {column}: the cell holds a NUL character (code 0), which cannot be stored"
EXPANDS_TOO_MUCH = (
    "The workbook unpacks to more than {limit} MB, or one of its parts is compressed more than {ratio} times, "
    "so it is not read. Save it again from the spreadsheet program, or save it as CSV"
)
SHEET_TOO_LARGE = (
    "The workbook's sheet reaches row {rows:,} and column {columns:,}; an import reads at most {row_limit:,} rows "
    "and {column_limit:,} columns. Delete the stray cells far below or to the right of the table, or save it as CSV"
)
NOT_AN_XLSX = "the file is not an XLSX workbook: save it from the spreadsheet program as XLSX or CSV"

_CELL_REFERENCE = re.compile(rb'\sr="([A-Z]{0,3})([0-9]{1,9})"')
_SCAN_CHUNK = 1024 * 1024


class LimitError(ValueError):
    """A file goes beyond a limit; the message says which, for the uploader."""


class DamagedArchive(Exception):
    """A zip archive that cannot be unpacked (damaged, encrypted or in a method not supported)."""


def max_upload_bytes():
    return int(getattr(settings, "PSWHUB_IMPORT_MAX_MB", MAX_UPLOAD_MB)) * 1024 * 1024


def max_rows():
    return int(getattr(settings, "PSWHUB_IMPORT_MAX_ROWS", MAX_ROWS))


def size_check(size):
    """Refuses a file of more than the upload limit (PSWHUB_IMPORT_MAX_MB, 20 MB by default)."""
    limit = max_upload_bytes()
    if size > limit:
        raise LimitError(FILE_TOO_BIG.format(size=_megabytes(size), limit=limit // (1024 * 1024)))


def _megabytes(size):
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def archive_parts(content, *, expanded_mb=MAX_EXPANDED_MB, ratio=MAX_COMPRESSION_RATIO):
    """The parts of a zip archive, by its index, once they are known to unpack to no more than
    `expanded_mb` and no large part is compressed more than `ratio` times. Raises LimitError
    beyond those, and zipfile.BadZipFile for a damaged archive."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = archive.infolist()
    expands_too_much = LimitError(EXPANDS_TOO_MUCH.format(limit=expanded_mb, ratio=ratio))
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > expanded_mb * 1024 * 1024:
        raise expands_too_much
    for part in parts:
        if part.file_size > RATIO_CHECKED_FROM and part.file_size > ratio * max(part.compress_size, 1):
            raise expands_too_much
    return parts


def workbook_check(content):
    """Refuses, before the workbook is opened, an XLSX file that unpacks too far (archive_parts)
    or whose sheets reach beyond MAX_ROWS rows or MAX_COLUMNS columns. Raises LimitError, or
    ValueError(NOT_AN_XLSX) for a zip archive that is not an XLSX workbook, and DamagedArchive
    for one that cannot be unpacked."""
    try:
        parts = archive_parts(content)
        if "xl/workbook.xml" not in {part.filename for part in parts}:
            raise ValueError(NOT_AN_XLSX)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with archive.open(part) as sheet:
                        _sheet_extent_check(sheet)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        raise DamagedArchive from error


def _sheet_extent_check(sheet):
    """Scans a sheet's XML a megabyte at a time for the furthest row and column its cells name."""
    row_limit, column_limit = max_rows() + 1, MAX_COLUMNS  # the header row is one more
    furthest_row = furthest_column = 0
    tail = b""
    while chunk := sheet.read(_SCAN_CHUNK):
        text = tail + chunk
        for letters, digits in _CELL_REFERENCE.findall(text):
            furthest_row = max(furthest_row, int(digits))
            if letters:
                furthest_column = max(furthest_column, column_number(letters.decode()))
        if furthest_row > row_limit or furthest_column > column_limit:
            raise LimitError(
                SHEET_TOO_LARGE.format(
                    rows=furthest_row, columns=furthest_column, row_limit=row_limit - 1, column_limit=column_limit
                )
            )
        tail = text[-32:]


def column_number(letters):
    """A spreadsheet column's number from its letters: A is 1, Z 26, AA 27, XFD 16,384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def cells_check(table):
    """Refuses a table (header row first) with a cell longer than MAX_CELL_CHARS or holding a NUL
    character, naming its row and column (by the header's text where it has one)."""
    header = table[0] if table else []
    for number, row in enumerate(table, start=1):
        for position, cell in enumerate(row):
            if len(cell) > MAX_CELL_CHARS or "\x00" in cell:
                column = header[position].strip() if position < len(header) and header[position].strip() else ""
                column = column[:60] or column_letters(position + 1)
                if "\x00" in cell:
                    raise LimitError(CELL_HAS_NUL.format(row=number, column=column))
                raise LimitError(
                    CELL_TOO_LONG.format(row=number, column=column, length=len(cell), limit=MAX_CELL_CHARS)
                )


def column_letters(number):
    """A column's letters from its number: 1 is A, 27 AA."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
