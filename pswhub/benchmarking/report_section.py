"""The benchmarking section of the annual report: the council's census figures for the census
year whose 30 September falls in the period, beside its region, England and its comparator
councils, with its rank among councils. DfE publishes these figures for every council, so
none is suppressed (core.disclosure, DFE_PUBLISHED)."""

from datetime import date

from pswhub.core import disclosure
from pswhub.core.report_sections import Chart, SectionData, Table, disclosure_note, shared_figure

from . import presenters, selectors
from .presenters import HEADLINE, value_text

ADULTS_ONLY = (
    "DfE's workforce census counts children's social workers only, so a report on adults' services alone "
    "has no benchmarks."
)
NO_CENSUS_DATE = "No 30 September falls in this period, so there is no census year to compare."
NOT_PUBLISHED = (
    "DfE's figures for {year} are not held yet: the PSW adds them on the Benchmarking page when DfE "
    "publishes them, so there is nothing to compare with."
)


# The figures the workforce section gives too, by their shared names (core.report_sections).
SHARED = {
    "turnover_rate_fte": "turnover_rate",
    "vacancy_rate_fte": "vacancy_rate",
    "agency_rate_fte": "agency_rate",
    "caseload_fte": "average_caseload",
    "absence_rate_fte": "absence_rate",
}


def shared_counts(data, headline):
    """The council's figures and England's the section gives, on the census day, for the report's
    coherence check. A figure with no number (DfE's `x`, `c`, not held) gives nothing to compare."""
    on = date(data["year"], 9, 30)
    return [
        shared_figure(f"{side}_{SHARED[figure['figure']]}", value=_number(figure[column]), on=on)
        for figure in headline
        if figure["figure"] in SHARED
        for side, column in (("children", "council"), ("england", "england"))
        if figure[column].number is not None
    ]


def _number(value):
    return float(value.number) if value.number is not None else None


class BenchmarkingSection:
    key = "benchmarking"
    title = "Benchmarks: the council beside its region and England"
    order = 21

    def build(self, period, services):
        from pswhub.core.selectors import authority_get
        from pswhub.workforce import selectors as workforce

        if services == "adults":
            return SectionData(key=self.key, title=self.title, figures={}, comparison=ADULTS_ONLY)
        year = workforce.census_year_number_in_period(start=period.start, end=period.end)
        if year is None:
            return SectionData(key=self.key, title=self.title, figures={}, comparison=NO_CENSUS_DATE)
        data = selectors.benchmark(authority=authority_get(), year=year)
        if data is None:
            return SectionData(key=self.key, title=self.title, figures={}, comparison=NOT_PUBLISHED.format(year=year))
        return section_from(self, data)


def section_from(section, data):
    year, region = data["year"], data["region"]["name"] or "the region"
    headline = [figure for figure in data["figures"] if figure["figure"] in HEADLINE]
    figures = {"census_year": year, "region": data["region"]["name"], "councils": data["councils"]}
    for figure in headline:
        name = figure["figure"]
        figures |= {
            f"council_{name}": _number(figure["council"]),
            f"region_{name}": _number(figure["region"]),
            f"england_{name}": _number(figure["england"]),
            f"rank_{name}": figure["rank"][0] if figure["rank"] else None,
        }
    sentences = [presenters.headline_sentence(data, name) for name in HEADLINE]
    comparators = data["comparators"]
    rows = presenters.comparison_rows(data, HEADLINE)
    table = Table(
        caption=f"Children's social work workforce at 30 September {year}: the council, {region}, England"
        + (" and comparator councils" if comparators else ""),
        head=[
            "Figure",
            data["council"]["name"],
            region,
            "England",
            "Rank among councils",
            *(c["name"] for c in comparators),
        ],
        rows=[
            [row["label"], row["council"], row["region"], row["england"], row["rank"], *row["comparators"]]
            for row in rows
        ],
        numeric_columns=[1, 2, 3],
    )
    rates = [figure for figure in headline if figure["kind"] == "rate"]
    chart = Chart(
        title=f"Workforce rates at 30 September {year}: the council, {region} and England",
        description=" ".join(
            f"{figure['label']}: the council {value_text(figure['council'], 'rate')}, {region} "
            f"{value_text(figure['region'], 'rate')}, England {value_text(figure['england'], 'rate')}."
            for figure in rates
        ),
        categories=[figure["label"].replace(" (FTE, %)", "") for figure in rates],
        series=[
            {"name": name, "values": [_number(figure[side]) for figure in rates]}
            for name, side in (("This council", "council"), (region, "region"), ("England", "england"))
        ],
        unit="%",
        places=1,
    )
    return SectionData(
        key=section.key,
        title=section.title,
        figures=figures,
        comparison=sentences[0],
        narrative=" ".join(sentences[1:]),
        chart=chart,
        table=table,
        notes=[
            presenters.source_note(data),
            "Rank 1 is the lowest value among councils; councils with the same value share a rank.",
            disclosure_note(disclosure.DFE_PUBLISHED),
        ],
        counts=shared_counts(data, headline),
    )
