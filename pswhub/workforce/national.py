"""England's published CSWW figures, shipped with PSW Hub as data (`data/england_csww.json`), each
value with the year, the figure's name as `selectors.workforce_figures` names it, and its source.

Only figures DfE published (or that were reported from its release, marked medium confidence) are
held; a year or figure not in the file has no national value, and nothing is estimated."""

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

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


def england_value(*, figure, year):
    """England's published value of a figure for a census year, or None if none is held."""
    return england_series().values.get((figure, year))


def comparison_with_england(figures):
    """For each compared figure: the council's value (as given: it may be `c`), England's value
    for the same census year (or None) and England's source. Both sides use DfE's definitions."""
    rows = []
    for name, label in COMPARED:
        national = england_value(figure=name, year=figures["year"])
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
