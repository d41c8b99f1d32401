"""What the workforce pages and the annual report show of each figure: its label and how it is
formatted."""

from decimal import Decimal

from django.utils.html import format_html

from pswhub.core.presenters import SUPPRESSED, govuk_date, number, percent

# (figure, label, format)
HEADLINES = [
    ("headcount_in_post", "Social workers in post (headcount)", "count"),
    ("fte_in_post", "Social workers in post (FTE)", "fte"),
    ("starters_headcount", "Starters in the year (headcount)", "count"),
    ("leavers_headcount", "Leavers in the year (headcount)", "count"),
    ("leavers_fte", "Leavers in the year (FTE)", "fte"),
    ("turnover_rate", "Turnover rate", "rate"),
    ("vacancy_fte", "Vacancies (FTE)", "fte"),
    ("vacancy_rate", "Vacancy rate", "rate"),
    ("agency_fte", "Agency workers (FTE)", "fte"),
    ("agency_rate", "Agency worker rate", "rate"),
    ("average_caseload", "Average caseload per case-holding FTE", "caseload"),
    ("absence_rate", "Absence rate", "rate"),
]

TREND = [
    ("fte_in_post", "FTE in post", "fte"),
    ("turnover_rate", "Turnover", "rate"),
    ("vacancy_rate", "Vacancy rate", "rate"),
    ("agency_rate", "Agency rate", "rate"),
    ("average_caseload", "Average caseload", "caseload"),
    ("absence_rate", "Absence rate", "rate"),
]


def figure_text(value, kind):
    if value is None:
        return "Not recorded"
    if kind == "rate":
        return percent(value)
    if kind == "count":
        return number(value)
    if kind == "caseload":
        return number(value, 1)
    return number(value, 1) if value != "c" else value


NOT_SHOWN = "not shown because it rests on a small number of people"


def figure_words(value, kind):
    """A figure in a sentence of the annual report: never a bare `c`."""
    if value == SUPPRESSED:
        return NOT_SHOWN
    return figure_text(value, kind).replace("Not recorded", "not recorded")


def report_cell(value, kind):
    """A table cell of the annual report as DfE publishes it: FTE, rates and caseloads to one
    decimal place (10.0, not 10), headcounts whole. Written out here so the published JSON keeps
    the places."""
    if kind == "count" or value is None or value == SUPPRESSED:
        return value
    return f"{value:,.1f}"


def json_figure(value):
    """A figure as a report section keeps it: Decimals become floats so that it keeps as JSON; `c`
    and None stay as they are."""
    return float(value) if isinstance(value, Decimal) else value


def headline_rows(latest, previous):
    return [
        {
            "label": label,
            "latest": figure_text(latest[name], kind),
            "previous": figure_text(previous[name], kind) if previous else "",
        }
        for name, label, kind in HEADLINES
    ]


CHECK_PROBLEM_HEAD = ["SWE number", "Field", "Problem"]
AUTHORITY_LEVEL = "Authority"


def check_problem_rows(problems):
    """The pre-submission check problems as rows of the error report: worker, field, message. A
    problem with the year's authority-level answers has no worker."""
    return [[problem.swe_number or AUTHORITY_LEVEL, problem.field, problem.message] for problem in problems]


def csv_cell(value):
    """A cell a spreadsheet will not run as a formula: SWE numbers come from imported files, and
    one that fails the checks may start with anything."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def table_view(table):
    """A dashboard table (`dashboard.FigureTable`) as the page shows it: every figure formatted, a
    rate on a small base with its note."""
    small = getattr(table, "small", set())
    rows = [
        [
            row[0],
            *(
                value if kind == "text" else cell_view(figure_text(value, kind), (index, column) in small)
                for column, (value, kind) in enumerate(row[1:], start=1)
            ),
        ]
        for index, row in enumerate(table.rows)
    ]
    return {"key": table.key, "caption": table.caption, "head": table.head, "rows": rows}


def establishment_row(line):
    """One line of the establishment table: FTE to two places, the vacancy rate to one."""
    return {
        "team": line.team.name if line.team else "Total",
        "service": line.team.service.name if line.team else "",
        **{name: number(getattr(line, name), 2) for name in ESTABLISHMENT_FTE},
        "vacancy_rate": percent(line.vacancy_rate) if line.vacancy_rate is not None else "No posts",
    }


def establishment_rows(lines):
    return [establishment_row(line) for line in lines]


ESTABLISHMENT_FTE = ["funded_fte", "filled_fte", "vacancy_fte", "agency_fte", "agency_cover_fte"]


def establishment_recorded_rows(rows):
    return [
        [
            row.team.name,
            row.get_org_role_display() or "Whole team",
            govuk_date(row.starts_on),
            number(row.funded_fte, 2),
        ]
        for row in rows
    ]


# Small bases ----------------------------------------------------------------------------------

# A rate worked out on fewer people than this says so beside it on the dashboards (docs/workforce.md,
# "Small bases"): 1 leaver among 1 in post is a turnover of 100%, which says little.
SMALL_BASE = 5
SMALL_BASE_NOTE = f"based on fewer than {SMALL_BASE} people"

# Each rate and average of the figures, and the headcounts of the people it is worked out on.
RATE_BASES = {
    "turnover_rate": ["headcount_in_post"],
    "vacancy_rate": ["headcount_in_post"],
    "absence_rate": ["headcount_in_post"],
    "agency_rate": ["headcount_in_post", "agency_headcount"],
    "average_caseload": ["headcount_in_post", "agency_headcount"],
    "agency_cover_rate": ["agency_headcount"],
    "retention_rate": ["in_post_at_start"],
}


def small_base(figures, name):
    """True when `name` is a rate (or average) that is shown (not `c`, not None) and rests on fewer
    than `SMALL_BASE` people; False when its base is not known or is suppressed."""
    value = figures.get(name)
    if name not in RATE_BASES or value is None or value == SUPPRESSED:
        return False
    bases = [figures.get(base) for base in RATE_BASES[name]]
    if any(base is None or base == SUPPRESSED for base in bases):
        return False
    return sum(bases) < SMALL_BASE


def cell_view(text, small=False):
    """A table cell of a figure: its text, and the small-base note when it rests on few people."""
    if not small:
        return text
    html = format_html('{} <span class="app-small-base">{}</span>', text, SMALL_BASE_NOTE)
    return {"text": text, "note": SMALL_BASE_NOTE, "html": html}


# Figures at a date ----------------------------------------------------------------------------

# (figure, label, format) of the figures at a date: the census's headlines over the 12 months to
# the date, with the absence rate named for what it counts (sickness only).
AT_DATE = [
    ("headcount_in_post", "Social workers in post (headcount)", "count"),
    ("fte_in_post", "Social workers in post (FTE)", "fte"),
    ("starters_headcount", "Starters in the 12 months (headcount)", "count"),
    ("leavers_headcount", "Leavers in the 12 months (headcount)", "count"),
    ("leavers_fte", "Leavers in the 12 months (FTE)", "fte"),
    ("turnover_rate", "Turnover rate", "rate"),
    ("vacancy_fte", "Vacancies (FTE)", "fte"),
    ("vacancy_rate", "Vacancy rate", "rate"),
    ("agency_fte", "Agency workers (FTE)", "fte"),
    ("agency_rate", "Agency worker rate", "rate"),
    ("average_caseload", "Average caseload per case-holding FTE", "caseload"),
    ("absence_rate", "Sickness absence rate", "rate"),
    ("retention_rate_all", "Retention over the 12 months", "rate"),
]
AT_DATE_BASES = {"retention_rate_all": "retention_rate"}

# The month-by-month table: (figure, label, format).
MONTHLY = [
    ("headcount_in_post", "In post (headcount)", "count"),
    ("fte_in_post", "In post (FTE)", "fte"),
    ("starters_headcount", "Starters, 12 months", "count"),
    ("leavers_headcount", "Leavers, 12 months", "count"),
    ("turnover_rate", "Turnover", "rate"),
    ("vacancy_rate", "Vacancy rate", "rate"),
    ("agency_rate", "Agency rate", "rate"),
    ("average_caseload", "Average caseload", "caseload"),
]


def _at_date_small(figures, name):
    if name == "retention_rate_all":
        return False  # its base (those in post a year before) is not among the figures
    return small_base(figures, name)


def at_date_rows(columns):
    """Rows of the side-by-side table: [label, cell per column], each column the figures at a date
    of one service (`selectors.workforce_figures_on`)."""
    return [
        [label, *(cell_view(figure_text(figures[name], kind), _at_date_small(figures, name)) for figures in columns)]
        for name, label, kind in AT_DATE
    ]


def monthly_rows(trend):
    """Rows of the month-by-month table: [month end, cell per figure]."""
    return [
        [
            govuk_date(figures["reference_date"]),
            *(cell_view(figure_text(figures[name], kind), small_base(figures, name)) for name, _, kind in MONTHLY),
        ]
        for figures in trend
    ]
