"""Problems by row and column: kept on an upload as JSON, printed by a command one to a line, and
shown as table rows, with a problem of the whole file (no row) said as such."""

from pathlib import Path

import pytest
from django.core.management.base import CommandError

from pswhub.core.imports import CANNOT_READ, command_file_read
from pswhub.core.imports.problems import Problem, problem_line, problem_rows, problems_stored

PROBLEMS = [
    Problem(None, "", "The file has no header row"),
    Problem(None, "team", "The file has no team column"),
    Problem(3, "fte", "FTE must be from 0 to 1, not 1.5"),
]


def test_problems_are_kept_as_row_column_and_message():
    assert problems_stored(PROBLEMS) == [
        {"row": None, "column": "", "message": "The file has no header row"},
        {"row": None, "column": "team", "message": "The file has no team column"},
        {"row": 3, "column": "fte", "message": "FTE must be from 0 to 1, not 1.5"},
    ]


def test_a_command_prints_a_problem_by_row_and_column_or_as_the_files():
    lines = [
        "The file: The file has no header row",
        "The file, column team: The file has no team column",
        "Row 3, column fte: FTE must be from 0 to 1, not 1.5",
    ]
    assert [problem_line(problem) for problem in PROBLEMS] == lines
    assert [problem_line(problem) for problem in problems_stored(PROBLEMS)] == lines


def test_a_page_shows_a_problem_of_the_whole_file_as_such():
    assert problem_rows(problems_stored(PROBLEMS)) == [
        ["Whole file", "", "The file has no header row"],
        ["Whole file", "team", "The file has no team column"],
        ["3", "fte", "FTE must be from 0 to 1, not 1.5"],
    ]
    assert problem_rows(PROBLEMS[:1], whole_file="The return")[0][0] == "The return"


def test_a_command_reads_the_bytes_of_its_file(tmp_path):
    path = tmp_path / "file.csv"
    path.write_bytes(b"a,b\r\n")
    assert command_file_read(path) == b"a,b\r\n"


def test_a_command_says_why_it_cannot_read_its_file(tmp_path):
    path = Path(tmp_path / "absent.csv")
    with pytest.raises(CommandError) as refused:
        command_file_read(path)
    assert str(refused.value) == CANNOT_READ.format(path=path, reason="No such file or directory")
