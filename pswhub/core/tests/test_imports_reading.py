"""Reading an uploaded table, the one reader every import uses: CSV in UTF-8 or Windows-1252,
XLSX with its dates, headers matched whatever their case and spacing, a council's own headers
mapped to ours, and the cell parsers."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
import xlsxwriter
from hypothesis import assume, given
from hypothesis import strategies as st

from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import (
    BINARY,
    DAMAGED_WORKBOOK,
    EMPTY_FILE,
    MAPPING_UNKNOWN_COLUMN,
    MISSING_COLUMN,
    NOT_A_TABLE,
    NOT_TEXT,
    REPEATED_HEADER,
    TableError,
    cell_text,
    columns_find,
    date_parse,
    decimal_parse,
    excel_date,
    header_key,
    iso_date_parse,
    rows_numbered,
    table_read,
    template_csv,
    whole_number_parse,
)

COLUMNS = ["employee_number", "first_name", "team"]


def csv_bytes(*rows, encoding="utf-8"):
    return ("\r\n".join(",".join(cells) for cells in rows) + "\r\n").encode(encoding)


def xlsx_bytes(rows):
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = workbook.add_worksheet("Sheet")
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for r, cells in enumerate(rows):
        for c, cell in enumerate(cells):
            if isinstance(cell, date):
                sheet.write_datetime(r, c, datetime(cell.year, cell.month, cell.day), date_format)
            else:
                sheet.write(r, c, cell)
    workbook.close()
    return out.getvalue()


# Encodings and file kinds ------------------------------------------------------------------------


def test_utf8_with_a_byte_order_mark_reads_without_the_mark():
    header, body = table_read(content=b"\xef\xbb\xbf" + csv_bytes(["name"], ["Zoë"]), file_name="a.csv")
    assert (header, body) == (["name"], [["Zoë"]])


def test_windows_1252_reads_when_the_bytes_are_not_utf8():
    # 0x92 is a right single quote in Windows-1252 and cannot start a UTF-8 character.
    _header, body = table_read(content=b"name\r\nO\x92Brien\r\n", file_name="a.csv")
    assert body == [["O\u2019Brien"]]


def test_bytes_neither_utf8_nor_windows_1252_are_not_a_table():
    # 0x81 is undefined in Windows-1252 and invalid alone in UTF-8.
    with pytest.raises(TableError) as refused:
        table_read(content=b"name\r\n\x81\r\n", file_name="a.csv")
    assert str(refused.value) == NOT_A_TABLE.format(detail=NOT_TEXT)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", EMPTY_FILE),
        (b"\r\n ,  \r\n", EMPTY_FILE),
        (b"\x00\x01\x02binary", NOT_A_TABLE.format(detail=BINARY)),
        (b"PK\x03\x04 not really a workbook", NOT_A_TABLE.format(detail=DAMAGED_WORKBOOK)),
    ],
)
def test_a_file_that_is_not_a_table_says_why(content, message):
    with pytest.raises(TableError) as refused:
        table_read(content=content, file_name="a.csv")
    assert str(refused.value) == message


def test_an_unterminated_quote_is_not_a_table():
    with pytest.raises(TableError) as refused:
        table_read(content=b'name,team\n"unterminated', file_name="a.csv")
    assert str(refused.value).startswith(NOT_A_TABLE.split("{")[0])


def test_blank_rows_are_left_out_and_the_rest_keep_their_cells():
    header, body = table_read(content=csv_bytes(["a", "b"], ["", ""], ["1", " 2 "]), file_name="a.csv")
    assert (header, body) == (["a", "b"], [["1", " 2 "]])


def test_a_workbook_reads_dates_as_iso_and_whole_numbers_without_a_point():
    content = xlsx_bytes([["started_on", "fte", "count"], [date(2024, 9, 2), 0.6, 3]])
    header, body = table_read(content=content, file_name="staff.xlsx")
    assert (header, body) == (["started_on", "fte", "count"], [["2024-09-02", "0.6", "3"]])


def test_a_workbook_is_recognised_by_its_bytes_whatever_its_name():
    content = xlsx_bytes([["name"], ["Ann"]])
    assert table_read(content=content, file_name="upload.csv") == (["name"], [["Ann"]])


def _is_utf8(content):
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


CP1252_TEXT = st.text(
    alphabet=st.characters(codec="cp1252", exclude_characters='\r\n",\x00', exclude_categories=["Cc"]), max_size=30
)


@given(st.lists(st.lists(CP1252_TEXT, min_size=3, max_size=3), min_size=1, max_size=5))
def test_any_windows_1252_text_reads_back_as_written(rows):
    """Windows-1252 bytes that also happen to be valid UTF-8 (such as "Â" then a non-breaking
    space) are read as UTF-8, as a file saved as UTF-8 is far likelier; those are left out."""
    content = csv_bytes(COLUMNS, *rows, encoding="cp1252")
    assume(content.isascii() or not _is_utf8(content))
    read_header, body = table_read(content=content, file_name="staff.csv")
    assert read_header == COLUMNS
    assert body == [cells for cells in rows if any(cell.strip() for cell in cells)]


@given(st.lists(st.one_of(st.none(), st.integers(-(10**9), 10**9), st.text(max_size=10), st.dates()), max_size=6))
def test_every_spreadsheet_cell_becomes_text(cells):
    assert all(isinstance(cell_text(cell), str) for cell in cells)


def test_spreadsheet_cells_read_as_a_csv_would_hold_them():
    assert [cell_text(cell) for cell in [None, 3.0, 0.25, True, datetime(2024, 9, 2, 0, 0), date(2025, 1, 31)]] == [
        "", "3", "0.25", "TRUE", "2024-09-02", "2025-01-31"
    ]  # fmt: skip


# Headers and mappings ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["employee_number", "Employee Number", "  EMPLOYEE_NUMBER ", "employee-number"])
def test_a_header_matches_whatever_its_case_spaces_and_underscores(text):
    assert header_key(text) == "employee_number"


def test_columns_are_found_by_position_and_named_by_the_files_own_header():
    positions, sources, problems = columns_find(
        header=["Notes", "Team", "Employee Number", "first_name"], columns=COLUMNS, required=COLUMNS
    )
    assert positions == {"team": 1, "employee_number": 2, "first_name": 3}
    assert sources == {"team": "Team", "employee_number": "Employee Number", "first_name": "first_name"}
    assert problems == []


def test_a_required_column_missing_and_a_header_given_twice_are_problems_of_the_file():
    _, _, problems = columns_find(header=["team", "Team"], columns=COLUMNS, required=["employee_number", "team"])
    assert problems == [
        Problem(None, "Team", REPEATED_HEADER.format(header="Team")),
        Problem(None, "employee_number", MISSING_COLUMN.format(column="employee_number")),
    ]


def test_an_optional_column_may_be_left_out():
    positions, _, problems = columns_find(header=["employee_number"], columns=COLUMNS, required=["employee_number"])
    assert (positions, problems) == ({"employee_number": 0}, [])


def test_a_mapping_reads_a_councils_own_headers_as_ours():
    mapping = {"Emp No": "employee_number", "Forename": "first_name"}
    positions, sources, problems = columns_find(
        header=["EMP NO", "Forename", "team"], columns=COLUMNS, required=COLUMNS, mapping=mapping
    )
    assert positions == {"employee_number": 0, "first_name": 1, "team": 2}
    assert sources["employee_number"] == "EMP NO"
    assert problems == []


def test_a_mapping_onto_a_column_we_do_not_have_is_named():
    _, _, problems = columns_find(header=COLUMNS, columns=COLUMNS, required=COLUMNS, mapping={"Grade": "salary_grade"})
    assert problems == [Problem(None, "Grade", MAPPING_UNKNOWN_COLUMN.format(header="Grade", column="salary_grade"))]


def test_rows_are_numbered_as_a_spreadsheet_shows_them_and_short_rows_padded():
    assert rows_numbered([["E1", " Ann "], ["E2"]], {"employee_number": 0, "first_name": 1}) == [
        (2, {"employee_number": "E1", "first_name": "Ann"}),
        (3, {"employee_number": "E2", "first_name": ""}),
    ]


# Cell parsers ------------------------------------------------------------------------------------


def test_excel_serials_count_from_excels_epoch():
    # Worked by hand: serial 1 is 31 December 1899; 45537 days after 30 December 1899 is
    # 2 September 2024 (2024-01-01 is serial 45292, plus 245 days to 2 September).
    assert excel_date(1) == date(1899, 12, 31)
    assert excel_date(45292) == date(2024, 1, 1)
    assert date_parse("45537") == date(2024, 9, 2)
    assert date_parse("45537.0") == date(2024, 9, 2)


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_an_excel_serial_reads_as_the_date_excel_shows(day):
    serial = (day - date(1899, 12, 30)).days
    assert date_parse(str(serial)) == day
    assert date_parse(f"{serial}.0") == day


@given(st.dates(min_value=date(1000, 1, 1)))
def test_iso_and_day_first_dates_read_back_as_written(day):
    assert date_parse(day.isoformat()) == day
    assert date_parse(day.strftime("%d/%m/") + f"{day.year:04d}") == day


def test_an_iso_date_and_midnight_reads_as_the_date():
    assert date_parse("2024-09-02 00:00:00") == date(2024, 9, 2)


@given(st.text(alphabet="abcxyz-/ ", min_size=1))
def test_text_that_is_not_a_date_is_refused(text):
    with pytest.raises(ValueError):
        date_parse(text)


@pytest.mark.parametrize("serial", ["0", "2958466"])
def test_a_serial_outside_excels_dates_is_not_a_date(serial):
    with pytest.raises(ValueError):
        date_parse(serial)


@pytest.mark.parametrize("text", ["02/09/2024", "2024-9-2", "45537", ""])
def test_a_strict_iso_date_takes_only_yyyy_mm_dd(text):
    with pytest.raises(ValueError):
        iso_date_parse(text)


def test_a_strict_iso_date_reads():
    assert iso_date_parse("2026-09-30") == date(2026, 9, 30)


@pytest.mark.parametrize(
    ("text", "number"), [("0", 0), ("17", 17), ("007", 7), ("-1", None), ("1.0", None), ("", None)]
)
def test_a_whole_number_is_digits_only(text, number):
    assert whole_number_parse(text) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [("0.25", Decimal("0.25")), (" 1 ", Decimal("1")), ("0.125", None), ("NaN", None), ("abc", None), ("inf", None)],
)
def test_a_decimal_has_at_most_its_places(text, number):
    assert decimal_parse(text, places=2) == number


def test_a_template_is_its_header_and_one_example_row():
    template = [("worker", True, "Employee number", "E1001"), ("count", True, "Cases", "3")]
    assert template_csv(template) == "worker,count\r\nE1001,3\r\n"


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_file_saved_with_semicolons_or_tabs_reads_as_a_comma_file_would(separator):
    # Excel saves "CSV" with semicolons where the comma is the decimal mark.
    rows = [["employee_number", "fte", "job_title"], ["E1", "0,5", "Social worker, senior"]]
    content = "\r\n".join(separator.join(row) for row in rows).encode()
    assert table_read(content=content, file_name="staff.csv") == (rows[0], [rows[1]])


def test_commas_inside_a_comma_file_stay_in_their_quoted_cell():
    content = b'employee_number,job_title\r\nE1,"Senior; lead"\r\n'
    assert table_read(content=content, file_name="staff.csv") == (
        ["employee_number", "job_title"],
        [["E1", "Senior; lead"]],
    )
