"""The workforce dashboard's tables as files: one CSV (every figure as a row: table, row, column,
value) and one XLSX workbook (one table per sheet, numbers as numbers, a notes sheet with the
definitions and England's sources, no merged cells). Suppressed figures are `c`, as on the page."""

import csv
import io

import xlsxwriter

from pswhub.core.figures import round_half_up

from . import national
from .dashboard import DEFINITIONS
from .presenters import csv_cell

PLACES = {"fte": 2, "rate": 1, "caseload": 1}
XLSX_FORMATS = {"count": "#,##0", "fte": "#,##0.00", "rate": "0.0", "caseload": "0.0"}
CSV_HEAD = ["Table", "Row", "Column", "Value"]
SUPPRESSION_NOTE = "c: a count from 1 to {limit} (or a figure worked out from one) is not shown."
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_value(value, kind):
    """A figure as a file holds it: FTE to two places, rates and caseloads to one, counts whole;
    `c` as it is and no figure as blank."""
    if value is None or isinstance(value, str):
        return value or ""
    if kind in PLACES:
        return round_half_up(value, PLACES[kind])
    return value


def figures_csv(tables):
    """One row per figure, so the file reads straight into a spreadsheet or a statistics package."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEAD)
    for table in tables:
        for row in table.rows:
            for column, (value, kind) in zip(table.head[1:], row[1:], strict=True):
                cells = [table.caption, row[0], column, export_value(value, kind)]
                writer.writerow([csv_cell(cell) for cell in cells])
    return out.getvalue()


SHEETS = {
    "headlines": "Headline figures",
    "england": "Council and England",
    "trend": "Trend",
    "by_team": "By team",
    "by_role": "By role",
    "retention": "Retention",
    "leavers_reason": "Leavers by reason",
    "leavers_destination": "Leavers by destination",
    "starters_origin": "Starters by origin",
    "nqsw_age": "Newly qualified by age",
    "nqsw_sex": "Newly qualified by sex",
    "equality_age": "Equality, age",
    "equality_sex": "Equality, sex",
    "equality_ethnicity": "Equality, ethnicity",
}


def figures_xlsx(tables, *, suppression_limit, suppressed):
    """The workbook: a notes sheet first (what the figures are, where England's come from), then
    each table on its own sheet under a header row."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    formats = {kind: book.add_format({"num_format": pattern}) for kind, pattern in XLSX_FORMATS.items()}
    notes = book.add_worksheet("Notes")
    notes.set_column(0, 0, 40)
    notes.set_column(1, 1, 100)
    line = 0
    notes.write_row(line, 0, ["Item", "Definition or source"], bold)
    for item, text in DEFINITIONS:
        line += 1
        notes.write_row(line, 0, [item, text], wrap)
    for table in tables:
        line += 1
        notes.write_row(line, 0, [f"Sheet: {SHEETS[table.key]}", table.caption], wrap)
    series = national.england_series()
    for source in national.england_sources():
        line += 1
        notes.write_row(line, 0, ["England's figures: source", f"{source['title']} ({source['url']})"], wrap)
    for text in series.notes:
        line += 1
        notes.write_row(line, 0, ["England's figures: note", text], wrap)
    if suppressed:
        line += 1
        notes.write_row(line, 0, ["Small numbers", SUPPRESSION_NOTE.format(limit=suppression_limit - 1)], wrap)
    for table in tables:
        sheet = book.add_worksheet(SHEETS[table.key])
        sheet.write_row(0, 0, table.head, bold)
        sheet.set_column(0, 0, 45)
        sheet.set_column(1, len(table.head), 16)
        for index, row in enumerate(table.rows, start=1):
            sheet.write_string(index, 0, row[0])
            for column, (value, kind) in enumerate(row[1:], start=1):
                shown = export_value(value, kind)
                if isinstance(shown, str):
                    sheet.write_string(index, column, shown)
                else:
                    sheet.write_number(index, column, float(shown), formats[kind])
    book.close()
    return out.getvalue()
