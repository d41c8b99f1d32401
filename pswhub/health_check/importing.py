"""Results of a health check run elsewhere, one row per response, in PSW Hub's template: the
columns `service` (children or adults), `team` (may be blank) and one per current question, named
`s<standard number>_<question code>` (such as `s5_regular_supervision`). An answer is 1 to 5
(1 strongly disagree, 5 strongly agree), the answer's words, or blank or `n/a`.

Every row is checked before anything is written; one bad cell refuses the whole file, with its
row (the header is row 1) and column. The file (CSV or XLSX) is read by the one import pipeline
(`pswhub.core.imports`), within limits set before parsing."""

from dataclasses import dataclass, field

from pswhub.core.imports import Problem, TableError, table_read

from .models import Question, ResponseService
from .scoring import CHOICE_WORDS, NOT_APPLICABLE

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 50_000
MAX_FIELD = 200

TOO_BIG = "The file is larger than 20 MB"
TOO_MANY_ROWS = "The file has more than 50,000 rows"
MISSING_COLUMN = "The file has no {column} column: start from the template (manage.py health_check_template)"
UNKNOWN_COLUMN = "{column} is not a question of the current question set"
BAD_SERVICE = "Enter children or adults"
BAD_ANSWER = "Enter 1 to 5, the answer's words (such as Agree), or leave blank or n/a"
TOO_LONG = "This value is longer than 200 characters"
NO_ROWS = "The file has no responses"

WORDS = {words.lower(): choice for choice, words in CHOICE_WORDS.items()}


@dataclass
class Checked:
    rows: list = field(default_factory=list)  # {"service", "team", "choices": {code: 1..5 or None}}
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


def template_columns():
    """The template's header: service, team, then one column per current question."""
    questions = Question.objects.filter(is_current=True).order_by("standard_id", "order", "code")
    return ["service", "team"] + [question.column for question in questions]


def answer_parse(value):
    """1 to 5 or None (blank, n/a); ValueError for anything else."""
    text = value.strip().lower()
    if text in ("", NOT_APPLICABLE, "na", "not applicable"):
        return None
    if text in ("1", "2", "3", "4", "5"):
        return int(text)
    if text in WORDS:
        return WORDS[text]
    raise ValueError(BAD_ANSWER)


def responses_check(raw, *, file_name="responses.csv"):
    """Checks a file's bytes; returns Checked with the rows or the problems."""
    checked = Checked()
    if len(raw) > MAX_BYTES:
        checked.problems.append(Problem(None, "", TOO_BIG))
        return checked
    try:
        header, rows = table_read(content=raw, file_name=file_name)
    except TableError as error:
        checked.problems.append(Problem(None, "", str(error)))
        return checked
    if len(rows) > MAX_ROWS:
        checked.problems.append(Problem(None, "", TOO_MANY_ROWS))
        return checked
    header = [column.strip() for column in header]
    columns = set(template_columns())
    by_column = {q.column: q.code for q in Question.objects.all()}
    for column in ("service", "team"):
        if column not in header:
            checked.problems.append(Problem(1, column, MISSING_COLUMN.format(column=column)))
    for column in header:
        if column not in ("service", "team") and (column not in columns or column not in by_column):
            checked.problems.append(Problem(1, column, UNKNOWN_COLUMN.format(column=column)))
    if checked.problems:
        return checked
    for number, cells in enumerate(rows, start=2):
        checked.rows.append(_row_check(number, dict(zip(header, cells, strict=False)), by_column, checked.problems))
    if not checked.rows and not checked.problems:
        checked.problems.append(Problem(None, "", NO_ROWS))
    return checked


def _row_check(number, values, by_column, problems):
    row = {"service": "", "team": "", "choices": {}}
    for column, value in values.items():
        if len(value) > MAX_FIELD:
            problems.append(Problem(number, column, TOO_LONG))
            continue
        if column == "service":
            row["service"] = value.strip().lower()
            if row["service"] not in ResponseService.values:
                problems.append(Problem(number, column, BAD_SERVICE))
        elif column == "team":
            row["team"] = value.strip()
        else:
            try:
                row["choices"][by_column[column]] = answer_parse(value)
            except ValueError as error:
                problems.append(Problem(number, column, str(error)))
    return row
