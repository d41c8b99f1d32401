"""What the benchmarking page, the report section and the workforce dashboard show of each
value: figures as DfE publishes them (rates and FTE to one decimal place, headcounts whole), and
a missing value as the reason it is missing, never a blank or a zero.

`comparison_rows` is the presenter the workforce dashboard can use beside its own figures, with
the template include `benchmarking/_comparison.html`."""

from pswhub.core.presenters import number, percent

from . import dfe
from .selectors import rank_text

# The figures a short comparison (the report, the dashboard) shows.
HEADLINE = ["turnover_rate_fte", "vacancy_rate_fte", "agency_rate_fte", "caseload_fte", "absence_rate_fte"]
HEADLINE_WORDS = {
    "turnover_rate_fte": "turnover rate",
    "vacancy_rate_fte": "vacancy rate",
    "agency_rate_fte": "agency worker rate",
    "caseload_fte": "average caseload",
    "absence_rate_fte": "absence rate",
}


def value_text(value, kind):
    """A Value as a table cell: "15.1%", "1,737", or "Not available" with DfE's reason."""
    if value.number is None:
        return value.reason[:1].upper() + value.reason[1:]
    if kind == "rate":
        return percent(value.number)
    if kind == "count":
        return number(int(value.number))
    return number(value.number, 1)


def value_words(value, kind):
    """A Value in a sentence: the figure, or "not available (…)" in words."""
    if value.number is None:
        return f"not shown ({value.reason})"
    return value_text(value, kind)


def comparison_rows(data, figures=None):
    """Rows for a table of `benchmark` data: label, council, region, England, rank and one cell per
    comparator council."""
    wanted = set(figures) if figures else None
    rows = []
    for figure in data["figures"]:
        if wanted and figure["figure"] not in wanted:
            continue
        kind = figure["kind"]
        rows.append(
            {
                "figure": figure["figure"],
                "label": figure["label"],
                "council": value_text(figure["council"], kind),
                "region": value_text(figure["region"], kind),
                "england": value_text(figure["england"], kind),
                "rank": rank_text(figure["rank"]) if figure["ranked"] else "Not ranked",
                "comparators": [value_text(value, kind) for value in figure["comparators"]],
                "missing": figure["council"].number is None,
            }
        )
    return rows


def headline_sentence(data, column):
    """ "The turnover rate was 15.1%, against 16.5% across London and 15.9% in England: the 40th
    lowest of 151 councils." for one figure of `benchmark` data."""
    figure = next(item for item in data["figures"] if item["figure"] == column)
    kind, words = figure["kind"], HEADLINE_WORDS.get(column, figure["label"].lower())
    council = value_words(figure["council"], kind)
    region_name = data["region"]["name"]
    region = f"{value_words(figure['region'], kind)} across {region_name}" if region_name else ""
    england = f"{value_words(figure['england'], kind)} in England"
    against = f"{region} and {england}" if region else england
    sentence = f"The {words} was {council}, against {against}"
    rank = rank_text(figure["rank"])
    return f"{sentence}: the {rank} councils." if rank else f"{sentence}."


def source_note(data):
    return f"{dfe.CREDIT} {'; '.join(data['sources'])}." if data["sources"] else dfe.CREDIT
