"""A problem found in an uploaded file, by row and column: how it is kept on an upload, printed by
a command and shown as a table row. A problem of the file as a whole (it cannot be read, a column
is missing) has no row."""

from dataclasses import dataclass

WHOLE_FILE = "Whole file"
PROBLEM_HEAD = ["Row", "Column", "Problem"]


@dataclass(frozen=True)
class Problem:
    row: int | None  # the row in the file, the header being row 1; None for the file as a whole
    column: str
    message: str

    def __str__(self):
        return problem_line(self)


def _parts(problem):
    if isinstance(problem, dict):
        return problem["row"], problem["column"], problem["message"]
    return problem.row, problem.column, problem.message


def problems_stored(problems):
    """Problems as they are kept on an upload (JSON: row, column and message)."""
    return [dict(zip(("row", "column", "message"), _parts(problem), strict=True)) for problem in problems]


def problem_line(problem):
    """One problem, stored or not, as a line of a command's output: "Row 3, column fte: ...", or
    "The file, column team: ..." and "The file: ..." for the file as a whole."""
    row, column, message = _parts(problem)
    where = f"Row {row}" if row else "The file"
    return f"{where}, column {column}: {message}" if column else f"{where}: {message}"


def problem_rows(problems, *, whole_file=WHOLE_FILE):
    """Problems, stored or not, as table rows (row, column, message); a problem of the whole
    file is marked `whole_file` in the row cell."""
    rows = []
    for problem in problems:
        row, column, message = _parts(problem)
        rows.append([str(row) if row else whole_file, column or "", message])
    return rows
