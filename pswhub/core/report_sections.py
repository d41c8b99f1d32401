"""The report-section contract: the one interface through which a capability contributes a section
to the annual report. It lives in `core`, beside the attention, demo and retention registries, so
that each app depends on `core` only and `reporting` depends on no domain app.

A section is any object with a `key`, a `title`, an `order` and a `build(period, services)`
method returning `SectionData` (a section may also take `options`, the choices the PSW made
for the report, as a keyword: `build(period, services, options=None)`). An app registers its
sections in its AppConfig.ready:

    from pswhub.core.report_sections import register
    register(WorkforceSection())

`build` reads figures only through the app's own selectors, and returns plain values (str, int,
float, None, lists and dicts of them) so that the published report can keep them as JSON and
reproduce every output exactly. docs/reporting.md describes the contract in full."""

import inspect
from dataclasses import asdict, dataclass, field, fields
from typing import Protocol, runtime_checkable

from .periods import Period
from .presenters import SUPPRESSED, number

SERVICES = {
    "children": "Children's services",
    "adults": "Adults' services",
    "all": "Children's and adults' services",
}


@dataclass
class Chart:
    """A bar chart: one bar per series in each category. Values may be `c` (suppressed): no bar
    is drawn and the label says so. `description` is the chart's alt text."""

    title: str
    description: str
    categories: list
    series: list  # [{"name": str, "values": [int | float | "c"]}]
    unit: str = ""
    places: int | None = None  # decimal places of the bar labels, as in the table


@dataclass
class Table:
    """A table of the same data as the chart (or the section's figures), with a header row."""

    caption: str
    head: list
    rows: list
    numeric_columns: list = field(default_factory=list)


@dataclass
class SectionData:
    """What a section contributes: its headline figures (by a stable name, as the selectors gave
    them, `c` where suppressed), the sentence comparing them with the previous period, a chart
    and a table of the same data, notes (definitions, suppression) and the default narrative the
    PSW edits.

    Added for the report's frame (all optional, so a section written before them still works):

    - `headline`: the one sentence the summary of the year takes from the section. Without it
      the summary takes `comparison`.
    - `basis`: whom the figures count and on what day or over what period: "Children's and adults'
      social workers employed by the council on 31 March 2026."
    - `counts`: the figures the section gives that another section may give too (counts of
      people and of work, and the rates worked out from them), each made with `shared_figure`
      under a name from SHARED_FIGURES: `{"name": str, "population": str, "on": "YYYY-MM-DD" or
      "YYYY-MM-DD/YYYY-MM-DD", "value": int | float | "c" | None}`, so that the report can check
      that no two sections give different numbers for the same thing on the same day or over
      the same period.
    - `missing`: when the section has nothing to show for the period, one sentence saying what is
      missing ("No case file audits were completed in 2025/26."). The report then shows that
      sentence alone: no chart, no table, no figures of zero."""

    key: str
    title: str
    figures: dict
    comparison: str
    narrative: str = ""
    chart: Chart | None = None
    table: Table | None = None
    notes: list = field(default_factory=list)
    headline: str = ""
    basis: str = ""
    counts: list = field(default_factory=list)
    missing: str = ""

    def as_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        """From a snapshot, whichever version of the contract wrote it: fields it lacks take their
        defaults, fields this version does not know are left aside."""
        known = {item.name for item in fields(cls)}
        data = {name: value for name, value in dict(data).items() if name in known}
        data["chart"] = Chart(**data["chart"]) if data.get("chart") else None
        data["table"] = Table(**data["table"]) if data.get("table") else None
        return cls(**data)


@runtime_checkable
class ReportSection(Protocol):
    key: str
    title: str
    order: int

    def build(self, period: Period, services: str) -> SectionData: ...


_sections = {}


def register(section):
    if not isinstance(section, ReportSection):
        raise TypeError(f"{section!r} does not have key, title, order and build(period, services)")
    _sections[section.key] = section


def registered_sections():
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def takes_options(section):
    """True when the section's build accepts the report's options."""
    try:
        return "options" in inspect.signature(section.build).parameters
    except (TypeError, ValueError):
        return False


def build_section(section, period, services, options=None):
    if takes_options(section):
        return section.build(period, services, options=options or {})
    return section.build(period, services)


def build_sections(period, services, options=None):
    return [build_section(section, period, services, options) for section in registered_sections()]


# --- What the report's frame reads besides sections ----------------------------------------------
# The frame (pswhub/reporting/frame.py) needs two things from the work plan that are not sections:
# the committee meetings the report may go to, and next year's priorities. Like sections, they
# reach it through core: the capability that holds them registers a function in its ready().
#
# - "committee_meetings": f() -> meetings, newest first, each with `pk`, `committee`, `held_on`
#   (a date), `agenda_item` and `service` ("children", "adults" or "all").
# - "priorities": f(year_start=int, services=str) -> priorities in the plan's order, each with
#   `title`, `description`, `measures` and `owner` (a user or None).

_frame_sources = {}


def register_frame_source(name, function):
    _frame_sources[name] = function


def frame_source(name):
    """The registered function, or one returning nothing when no capability offers it."""
    return _frame_sources.get(name, lambda **kwargs: [])


# --- Figures more than one section gives ---------------------------------------------------------
# The report must never give two numbers for the same thing. A section declares, in `counts`, each
# figure it gives that another section may give too, under one of these shared names, so that the
# coherence check (reporting/frame.py, `counts_disagreeing`) compares like with like. A name not
# in this list is refused: a misspelt name would silently take the figure out of the check.

SHARED_FIGURES = {
    "children_social_workers_headcount": "children's social workers in post (headcount)",
    "children_social_workers_fte": "children's social workers in post (FTE)",
    "adults_social_workers_headcount": "adults' social workers in post (headcount)",
    "adults_social_workers_fte": "adults' social workers in post (FTE)",
    "children_turnover_rate": "turnover rate of children's social workers (%)",
    "children_vacancy_rate": "vacancy rate of children's social work posts (%)",
    "children_agency_rate": "agency worker rate of children's social workers (%)",
    "children_average_caseload": "average caseload of children's social workers per case-holding FTE",
    "children_absence_rate": "absence rate of children's social workers (%)",
    "england_turnover_rate": "England's turnover rate of children's social workers (%)",
    "england_vacancy_rate": "England's vacancy rate of children's social work posts (%)",
    "england_agency_rate": "England's agency worker rate of children's social workers (%)",
    "england_average_caseload": "England's average caseload of children's social workers per case-holding FTE",
    "england_absence_rate": "England's absence rate of children's social workers (%)",
    "schwartz_rounds_held": "Schwartz Rounds held",
}


def shared_figure(name, *, value, on=None, period=None):
    """One entry of a section's `counts`: the figure named `name` (a key of SHARED_FIGURES) with
    its value as the section gives it (`c` where suppressed), on a day (`on`, a date) or over a
    period (`period`, with `start` and `end`)."""
    if name not in SHARED_FIGURES:
        raise ValueError(f"{name!r} is not a shared figure: add it to core.report_sections.SHARED_FIGURES")
    if (on is None) == (period is None):
        raise ValueError("A shared figure is given either on a day or over a period")
    when = on.isoformat() if on is not None else f"{period.start.isoformat()}/{period.end.isoformat()}"
    if value is not None and not isinstance(value, (int, str)):
        value = float(value)
    return {"name": name, "population": SHARED_FIGURES[name], "on": when, "value": value}


# --- Helpers for writing sections ---------------------------------------------------------------

SUPPRESSION_NOTE = "Counts from 1 to {top} are shown as c, as is any figure from which one could be worked out."


def suppression_note():
    from .disclosure import threshold

    return SUPPRESSION_NOTE.format(top=threshold() - 1)


def disclosure_note(subject):
    """The note saying how a section's figures are disclosure-controlled, by their subject
    (core.disclosure): "Counts of audits at council or service level: shown." """
    from .disclosure import rule

    return f"{rule(subject)}."


def say(value, unit=""):
    """A figure in a sentence: `c` becomes words, so a sentence never shows a bare letter."""
    if value == SUPPRESSED:
        return f"a small number of {unit}".strip() if unit else "a small number"
    return f"{number(value)} {unit}".strip()


def compare(*, current, previous, previous_label, unit="", what=""):
    """ "180 staff in post, compared with 172 in 2024/25": the sentence every section uses to
    set a figure beside the previous period's."""
    lead = f"{say(current, unit)} {what}".strip()
    if previous is None:
        return f"{lead[0].upper()}{lead[1:]}; there is no figure for {previous_label} to compare with."
    return f"{lead[0].upper()}{lead[1:]}, compared with {say(previous, unit)} in {previous_label}."
