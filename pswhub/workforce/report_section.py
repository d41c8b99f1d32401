"""The workforce section of the annual report (docs/reporting.md): for a period ending on 30
September, the DfE CSWW census year it ends with, against the census year before. For any other
period (a financial year, say), the figures at its last day from the council's records, against a
year before (report_at_date.py), for the services whose records are held; where none are (a
council that has only imported past returns), the census year whose 30 September falls in the
period, as before.

Built in four steps: selection (`selected_years`: which census year, and the one before), the
figures with disclosure control (`published_figures`: the public read `workforce_figures`, shared
with the dashboard and the command, with the control councillors see, since a report is
published), formatting (the presenters) and prose (one small function per sentence). The census
counts children's social workers only, so a report on adults' services alone has no workforce
figures."""

from pswhub.core import disclosure
from pswhub.core.presenters import SUPPRESSED, govuk_date
from pswhub.core.report_sections import Chart, SectionData, Table, disclosure_note, say, shared_figure

from . import national, report_at_date, selectors
from .models import census_reference_date
from .presenters import NOT_SHOWN, figure_text, figure_words, json_figure, report_cell

# (figure, label in the table, format); the table's numbers are formatted by the outputs, so the
# label carries the unit.
FIGURES = [
    ("fte_in_post", "Social workers in post (FTE)", "fte"),
    ("headcount_in_post", "Social workers in post (headcount)", "count"),
    ("turnover_rate", "Turnover rate (%)", "rate"),
    ("vacancy_rate", "Vacancy rate (%)", "rate"),
    ("agency_rate", "Agency worker rate (%)", "rate"),
    ("average_caseload", "Average caseload per case-holding FTE", "caseload"),
    ("absence_rate", "Absence rate (%)", "rate"),
]
# The chart shows the rates only: one scale, in per cent.
CHART_FIGURES = [
    ("turnover_rate", "Turnover"),
    ("vacancy_rate", "Vacancies"),
    ("agency_rate", "Agency workers"),
    ("absence_rate", "Absence"),
]

ADULTS_ONLY = (
    "The DfE Children's Social Work Workforce census counts children's social workers only, so this "
    "report on adults' services has no workforce figures."
)
NO_CENSUS_DATE = (
    "There are no workforce figures for this period: the workforce census counts social workers at "
    "30 September, and no 30 September falls between {start} and {end}."
)
NO_RETURN = "There are no workforce figures for this period: PSW Hub holds no census return for {year}."
DEFINITIONS = (
    "Figures as the DfE Children's Social Work Workforce census defines them, for children's social workers "
    "employed by the council, at 30 September. Turnover is FTE leavers in the census year (1 October to "
    "30 September) divided by FTE in post. The vacancy rate is vacancy FTE divided by vacancy and in-post FTE; "
    "the agency worker rate is agency FTE divided by agency and in-post FTE. Average caseload is cases held "
    "divided by the FTE of social workers holding at least one case, agency workers included. The absence rate "
    "is working days lost divided by 253 days for each FTE in post."
)


# Selection and disclosure control ---------------------------------------------------------------


def selected_years(period, services):
    """(census year, the census year before or None, None) for the report's period, or (None,
    None, the sentence saying why there are no workforce figures)."""
    from pswhub.core.selectors import authority_get

    if services == "adults":
        return None, None, ADULTS_ONLY
    year = selectors.census_year_number_in_period(start=period.start, end=period.end)
    if year is None:
        return None, None, NO_CENSUS_DATE.format(start=govuk_date(period.start), end=govuk_date(period.end))
    authority = authority_get()
    census_year = selectors.census_year_in_period(authority=authority, start=period.start, end=period.end)
    if census_year is None:
        return None, None, NO_RETURN.format(year=year)
    return census_year, selectors.census_year_get(authority=authority, year=year - 1), None


def published_figures(census_year):
    """The section's figures for one census year as published: `workforce_figures` with the
    disclosure control councillors see (`workforce_figures_for_publication`), kept as JSON."""
    shown = selectors.workforce_figures_for_publication(selectors.workforce_figures(census_year=census_year))
    return {name: json_figure(shown[name]) for name, _, _ in FIGURES}


# Sentences -------------------------------------------------------------------------------------


def turnover_sentence(now, before, year):
    """The comparison: this year's turnover rate against the year before's."""
    current, at = now["turnover_rate"], f"at {govuk_date(census_reference_date(year))}"
    if current == SUPPRESSED:
        lead = f"The turnover rate {at} is {NOT_SHOWN}"
    elif current is None:
        lead = f"There is no turnover rate {at}, as no one was in post"
    else:
        lead = f"The turnover rate was {figure_text(current, 'rate')} {at}"
    if before is None:
        return f"{lead}; there is no census return for {year - 1} to compare with."
    previous = before["turnover_rate"]
    if previous == SUPPRESSED:
        return f"{lead}; the rate for {year - 1} is {NOT_SHOWN}."
    if previous is None:
        return f"{lead}; there is no turnover rate for {year - 1} to compare with."
    return f"{lead}, compared with {figure_text(previous, 'rate')} in {year - 1}."


def _staff(figures):
    people = say(figures["headcount_in_post"])
    fte = "" if figures["fte_in_post"] == SUPPRESSED else f" ({figure_words(figures['fte_in_post'], 'fte')} FTE)"
    return f"{people} children's social workers{fte}"


def in_post_sentence(now, before, year):
    """How many social workers the council employed at 30 September, against the year before."""
    sentence = f"At 30 September {year} the council employed {_staff(now)}"
    return sentence + (f", compared with {_staff(before)} in {year - 1}." if before else ".")


def _beside(now, before, year, name, kind):
    text = figure_words(now[name], kind)
    return f"{text} ({figure_words(before[name], kind)} in {year - 1})" if before else text


def rates_sentences(now, before, year):
    """The vacancy, agency worker and absence rates and the average caseload, each with the year
    before's beside it."""
    return (
        f"The vacancy rate was {_beside(now, before, year, 'vacancy_rate', 'rate')}, the agency worker rate "
        f"{_beside(now, before, year, 'agency_rate', 'rate')} and the absence rate "
        f"{_beside(now, before, year, 'absence_rate', 'rate')}. The average caseload was "
        f"{_beside(now, before, year, 'average_caseload', 'caseload')} cases for each case-holding FTE."
    )


def england_sentence(now, year):
    """The council against England's published figures for the same census year, for each figure
    England has a value for; None when it has none (the national figures are
    `national.england_values`)."""
    values = national.england_values()
    held = [
        (name, label, national.england_value(figure=name, year=year, values=values))
        for name, label in national.COMPARED
        if national.england_value(figure=name, year=year, values=values)
    ]
    if not held:
        return None
    parts = []
    for name, label, england in held:
        kind = "caseload" if name == "average_caseload" else "rate"
        council, nation = figure_words(now[name], kind), figure_text(england.value, kind)
        parts.append(f"{label[0].lower()}{label[1:]} {council} against {nation}")
    sources = "; ".join(dict.fromkeys(england.source for _, _, england in held))
    return (
        f"Against England's published figures for the same census year ({year}), the council's "
        f"{'; '.join(parts)}. Source of England's figures: {sources}."
    )


def narrative(now, before, year):
    """The section's paragraphs: staff in post, the rates, and England where it has figures."""
    paragraphs = [f"{in_post_sentence(now, before, year)}\n\n{rates_sentences(now, before, year)}"]
    paragraphs.append(england_sentence(now, year))
    return "\n\n".join(part for part in paragraphs if part)


def chart_description(held):
    """Every value of the chart in words, a suppressed one as "not shown"."""
    years_shown = " and ".join(name for name, _ in held)
    description = f"Bar chart of the workforce rates at 30 September, in per cent, {years_shown}. "
    return description + " ".join(
        f"{label}: " + " and ".join(f"{figure_words(figures[key], 'rate')} in {name}" for name, figures in held) + "."
        for key, label in CHART_FIGURES
    )


# The section -------------------------------------------------------------------------------------


def _chart(held):
    years_shown = " and ".join(name for name, _ in held)
    return Chart(
        title=f"Workforce rates at 30 September, {years_shown}",
        description=chart_description(held),
        categories=[label for _, label in CHART_FIGURES],
        series=[{"name": name, "values": [figures[key] for key, _ in CHART_FIGURES]} for name, figures in held],
        unit="%",
        places=1,
    )


def _table(held):
    return Table(
        caption=f"Children's social work workforce at 30 September, {' and '.join(name for name, _ in held)}",
        head=["Figure", *(name for name, _ in held)],
        rows=[[label, *(report_cell(figures[name], kind) for _, figures in held)] for name, label, kind in FIGURES],
        numeric_columns=list(range(1, len(held) + 1)),
    )


def _section_figures(now, before, year):
    figures = {name: now[name] for name, _, _ in FIGURES} | {"census_year": year}
    for name, _ in national.COMPARED:
        if value := national.england_value(figure=name, year=year):
            figures[f"england_{name}"] = float(value.value)
    if before:
        figures |= {f"{name}_previous": before[name] for name, _, _ in FIGURES} | {"census_year_previous": year - 1}
    return figures


# The section's figures that other sections give too (core.report_sections.SHARED_FIGURES): the
# benchmarking section gives the council's rates and England's for the same census year.
SHARED = [
    ("headcount_in_post", "children_social_workers_headcount"),
    ("fte_in_post", "children_social_workers_fte"),
    ("turnover_rate", "children_turnover_rate"),
    ("vacancy_rate", "children_vacancy_rate"),
    ("agency_rate", "children_agency_rate"),
    ("average_caseload", "children_average_caseload"),
    ("absence_rate", "children_absence_rate"),
]


def shared_counts(now, before, year):
    """The figures the section gives, each on its census day, for the coherence check: the
    council's for both census years, and England's where the section compares with it."""
    counts = [
        shared_figure(shared, value=figures[name], on=census_reference_date(when))
        for when, figures in ((year, now), (year - 1, before))
        if figures
        for name, shared in SHARED
    ]
    values = national.england_values()
    for name, _ in national.COMPARED:
        if england := national.england_value(figure=name, year=year, values=values):
            counts.append(shared_figure(f"england_{name}", value=float(england.value), on=census_reference_date(year)))
    return counts


class WorkforceSection:
    key = "workforce"
    title = "Social work workforce"
    order = 20

    def build(self, period, services):
        if (period.end.month, period.end.day) != (9, 30):
            wanted = ["children", "adults"] if services == "all" else [services]
            held = [service for service in wanted if selectors.records_held(service=service, on=period.end)]
            if held:
                return report_at_date.build(self, period, held)
        census_year, previous_year, why_none = selected_years(period, services)
        if census_year is None:
            return SectionData(key=self.key, title=self.title, figures={}, comparison=why_none)
        year = census_year.year
        now = published_figures(census_year)
        before = published_figures(previous_year) if previous_year else None
        held = [*([(str(year - 1), before)] if before else []), (str(year), now)]
        return SectionData(
            key=self.key,
            title=self.title,
            figures=_section_figures(now, before, year),
            comparison=turnover_sentence(now, before, year),
            narrative=narrative(now, before, year),
            chart=_chart(held),
            table=_table(held),
            notes=[DEFINITIONS, disclosure_note(disclosure.DFE_PUBLISHED)],
            counts=shared_counts(now, before, year),
        )
