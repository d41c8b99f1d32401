"""England's published CSWW figures, each value with the year, the figure's name as
`selectors.workforce_figures` names it, and its source.

Two sources, read together: DfE's figures for every council, region and England as the
benchmarking app holds them (bundled with PSW Hub, and each later year's file uploaded by the PSW
or HR officer, read through `core.national_figures`, docs/benchmarking.md), and the series shipped
as data (`data/england_csww.json`) for what DfE's indicators file does not give (England's FTE in
post, and 2024's figures reported from DfE's release, marked medium confidence). Where both hold a
value, DfE's file wins. Only published figures are held; a year or figure neither holds has no
national value, and nothing is estimated."""

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from pswhub.core import national_figures

# Where DfE publishes the CSWW statistics, for a source known only by its title.
DFE_RELEASE_URL = "https://explore-education-statistics.service.gov.uk/find-statistics/children-s-social-work-workforce"
ONE_PLACE = Decimal("0.1")

SERIES_PATH = Path(__file__).resolve().parent / "data" / "england_csww.json"

# The figures England has a published value for, in the order pages show them.
COMPARED = [
    ("turnover_rate", "Turnover rate"),
    ("vacancy_rate", "Vacancy rate"),
    ("agency_rate", "Agency worker rate"),
    ("average_caseload", "Average caseload per case-holding FTE"),
    ("absence_rate", "Absence rate"),
]


@dataclass(frozen=True)
class NationalValue:
    year: int
    figure: str
    value: Decimal
    source: str  # the source's title
    confidence: str


@dataclass(frozen=True)
class Series:
    title: str
    notes: list
    sources: dict
    values: dict  # (figure, year) -> NationalValue


@cache
def england_series():
    """The national series, read once per process."""
    raw = json.loads(SERIES_PATH.read_text(encoding="utf-8"))
    sources = raw["sources"]
    values = {}
    for item in raw["values"]:
        source = sources[item["source"]]
        values[(item["figure"], item["year"])] = NationalValue(
            year=item["year"],
            figure=item["figure"],
            value=Decimal(item["value"]),
            source=source["title"],
            confidence=source["confidence"],
        )
    return Series(title=raw["title"], notes=raw["notes"], sources=sources, values=values)


def england_values():
    """Every England value held, {(figure, year): NationalValue}, in one read: DfE's file as the
    benchmarking app holds it over the shipped series."""
    values = dict(england_series().values)
    for (figure, year), (value, source) in national_figures.england_values().items():
        values[(figure, year)] = NationalValue(
            year=year, figure=figure, value=value.quantize(ONE_PLACE), source=source, confidence="high"
        )
    return values


def england_value(*, figure, year, values=None):
    """England's published value of a figure for a census year, or None if none is held. Pass
    `values` (from `england_values`) when asking for many, to read them once."""
    return (england_values() if values is None else values).get((figure, year))


def england_sources(values=None):
    """The sources of the England values held, each {"title", "url"}, for the notes of a page or a
    download: the shipped series' sources, then any other source a value comes from."""
    sources = [{"title": source["title"], "url": source["url"]} for source in england_series().sources.values()]
    titles = {source["title"] for source in sources}
    for value in (england_values() if values is None else values).values():
        if value.source not in titles:
            titles.add(value.source)
            sources.append({"title": value.source, "url": DFE_RELEASE_URL})
    return sources


def comparison_with_england(figures):
    """For each compared figure: the council's value (as given: it may be `c`), England's value
    for the same census year (or None) and England's source. Both sides use DfE's definitions."""
    rows = []
    values = england_values()
    for name, label in COMPARED:
        national = england_value(figure=name, year=figures["year"], values=values)
        rows.append(
            {
                "figure": name,
                "label": label,
                "council": figures[name],
                "england": national.value if national else None,
                "source": national.source if national else "",
            }
        )
    return rows
