"""The report-section contract: the one interface through which a capability contributes a section
to the annual report. It lives in `core`, beside the attention, demo and retention registries, so
that each app depends on `core` only and `reporting` depends on no domain app.

A section is any object with a `key`, a `title`, an `order` and a `build(period, services)`
method returning `SectionData`. An app registers its sections in its AppConfig.ready:

    from pswhub.core.report_sections import register
    register(WorkforceSection())

`build` reads figures only through the app's own selectors, and returns plain values (str, int,
float, None, lists and dicts of them) so that the published report can keep them as JSON and
reproduce every output exactly. docs/reporting.md describes the contract in full."""

from dataclasses import asdict, dataclass, field
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
    PSW edits."""

    key: str
    title: str
    figures: dict
    comparison: str
    narrative: str = ""
    chart: Chart | None = None
    table: Table | None = None
    notes: list = field(default_factory=list)

    def as_dict(self):
        return asdict(self)

    @classmethod
    def from_dict(cls, data):
        data = dict(data)
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


def build_sections(period, services):
    return [section.build(period, services) for section in registered_sections()]


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
