"""Reading learning files (docs/learning.md, "Imports"): one row per event, as a council's
records or a learning system export them. Every row is checked before anything is written;
`learning_file_read` never writes, and names the row and column of every problem. Rows are
numbered as a spreadsheet shows them: the header is row 1. The file is read as CSV or XLSX by
the reader every import uses (core.imports.reading)."""

from dataclasses import dataclass, field

from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import (
    TableError,
    columns_find,
    iso_date_parse,
    rows_numbered,
    table_read,
    whole_number_parse,
)

from . import reference
from .models import Topic

# (column, required, what it holds, example)
TEMPLATE = [
    ("title", True, "The event's title.", "Parental alienation: understanding the evidence"),
    ("kind", True, "One of: " + ", ".join(reference.EVENT_KIND_CODES) + ".", "course"),
    ("held_on", True, "The date of the event, as YYYY-MM-DD.", "2025-11-12"),
    ("service", True, "children, adults or joint.", "children"),
    ("topics", False, "Topic names or codes, separated by ;", "Parental alienation; Voice of the child"),
    ("booked", False, "Places booked: a whole number, or blank if not known.", "24"),
    ("attended", False, "People who attended: a whole number, or blank if not known.", "21"),
]
COLUMNS = [column for column, *_ in TEMPLATE]
REQUIRED_COLUMNS = [column for column, required, *_ in TEMPLATE if required]

NO_ROWS = "The file has a header row but no rows"
REQUIRED = "Enter the {column}"
TITLE_TOO_LONG = "The title must be 200 characters or fewer"
UNKNOWN_KIND = "Enter one of " + ", ".join(reference.EVENT_KIND_CODES) + ", not {value}"
UNKNOWN_SERVICE = "Enter children, adults or joint, not {value}"
BAD_DATE = "Enter the date as YYYY-MM-DD, like 2025-11-12, not {value}"
UNKNOWN_TOPIC = "No topic is called {value}: add it on the Topics page first"
BAD_COUNT = "Enter a whole number of 0 or more, or leave it blank, not {value}"
REPEATED_ROW = "Row {row} already gives this title, kind and date"


@dataclass
class LearningFile:
    rows: list = field(default_factory=list)  # dicts: row, title, kind, held_on, service, topics, booked, attended
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


def learning_file_read(*, content, file_name):
    """Reads and checks a whole learning file; every problem is collected, not just the first."""
    try:
        header, body = table_read(content=content, file_name=file_name)
    except TableError as error:
        return LearningFile(problems=[Problem(None, "", str(error))])
    positions, _sources, problems = columns_find(header=header, columns=COLUMNS, required=REQUIRED_COLUMNS)
    if problems:
        return LearningFile(problems=problems)
    if not body:
        return LearningFile(problems=[Problem(None, "", NO_ROWS)])
    topics = {}
    for topic in Topic.objects.all():
        topics[topic.name.casefold()] = topic
        topics[topic.code.casefold()] = topic
    result, seen = LearningFile(), {}
    for number, raw in rows_numbered(body, positions):
        values, row_problems = _row_check(number, raw, topics, seen)
        result.problems += [Problem(number, column, message) for column, message in row_problems]
        result.rows.append(values)
    if result.problems:
        result.rows = []
    return result


def _row_check(number, raw, topics, seen):
    problems = [
        (column, REQUIRED.format(column=column.replace("_", " "))) for column in REQUIRED_COLUMNS if not raw[column]
    ]
    values = {"row": number, "title": raw["title"]}
    if len(raw["title"]) > 200:
        problems.append(("title", TITLE_TOO_LONG))
    values["kind"] = raw["kind"].casefold()
    if raw["kind"] and values["kind"] not in reference.EVENT_KIND_CODES:
        problems.append(("kind", UNKNOWN_KIND.format(value=raw["kind"])))
    values["service"] = raw["service"].casefold()
    if raw["service"] and values["service"] not in reference.SERVICE_CODES:
        problems.append(("service", UNKNOWN_SERVICE.format(value=raw["service"])))
    values["held_on"] = None
    if raw["held_on"]:
        try:
            values["held_on"] = iso_date_parse(raw["held_on"])
        except ValueError:
            problems.append(("held_on", BAD_DATE.format(value=raw["held_on"])))
    values["topics"] = []
    for name in (part.strip() for part in raw.get("topics", "").split(";")):
        if not name:
            continue
        topic = topics.get(name.casefold())
        if topic is None:
            problems.append(("topics", UNKNOWN_TOPIC.format(value=name)))
        elif topic not in values["topics"]:
            values["topics"].append(topic)
    for column in ("booked", "attended"):
        text = raw.get(column, "")
        values[column] = whole_number_parse(text)
        if text and values[column] is None:
            problems.append((column, BAD_COUNT.format(value=text)))
    key = (raw["title"], values["kind"], values["held_on"])
    if all(key):
        first = seen.setdefault(key, number)
        if first != number:
            problems.append(("title", REPEATED_ROW.format(row=first)))
    return values, problems
