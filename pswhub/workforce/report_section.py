"""The workforce section of the annual report (docs/reporting.md): the DfE CSWW census year whose
reference date (30 September) falls in the period, against the census year before.

The figures are `workforce_figures` with the disclosure control councillors see
(`workforce_figures_for_publication`), since a report is published. The census counts children's
social workers only, so a report on adults' services alone has no workforce figures."""

from decimal import Decimal

from pswhub.core.presenters import SUPPRESSED, govuk_date
from pswhub.core.report_sections import Chart, SectionData, Table, say, suppression_note

from . import national, selectors
from .models import census_reference_date
from .presenters import figure_text

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
NOT_SHOWN = "not shown because it rests on a small number of people"
DEFINITIONS = (
    "Figures as the DfE Children's Social Work Workforce census defines them, for children's social workers "
    "employed by the council, at 30 September. Turnover is FTE leavers in the census year (1 October to "
    "30 September) divided by FTE in post. The vacancy rate is vacancy FTE divided by vacancy and in-post FTE; "
    "the agency worker rate is agency FTE divided by agency and in-post FTE. Average caseload is cases held "
    "divided by the FTE of social workers holding at least one case, agency workers included. The absence rate "
    "is working days lost divided by 253 days for each FTE in post."
)


def _cell(value, kind):
    """Table cells as DfE publishes them: FTE, rates and caseloads to one decimal place (10.0,
    not 10), headcounts whole. Written out here so the published JSON keeps the places."""
    if kind == "count" or value is None or value == "c":
        return value
    return f"{value:,.1f}"


def plain(value):
    """Decimals become floats so that the section keeps as JSON; `c` and None stay as they are."""
    return float(value) if isinstance(value, Decimal) else value


def _words(value, kind):
    """A figure in a sentence: never a bare `c`."""
    if value == SUPPRESSED:
        return NOT_SHOWN
    return figure_text(value, kind).replace("Not recorded", "not recorded")


def _no_data(section, comparison):
    return SectionData(key=section.key, title=section.title, figures={}, comparison=comparison)


def _turnover_sentence(now, before, year):
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


def _narrative(now, before, year):
    def beside(name, kind):
        text = _words(now[name], kind)
        return f"{text} ({_words(before[name], kind)} in {year - 1})" if before else text

    def staff(figures):
        people = say(figures["headcount_in_post"])
        fte = "" if figures["fte_in_post"] == SUPPRESSED else f" ({_words(figures['fte_in_post'], 'fte')} FTE)"
        return f"{people} children's social workers{fte}"

    in_post = f"At 30 September {year} the council employed {staff(now)}"
    in_post += f", compared with {staff(before)} in {year - 1}." if before else "."
    rates = (
        f"The vacancy rate was {beside('vacancy_rate', 'rate')}, the agency worker rate "
        f"{beside('agency_rate', 'rate')} and the absence rate {beside('absence_rate', 'rate')}. "
        f"The average caseload was {beside('average_caseload', 'caseload')} cases for each case-holding FTE."
    )
    return f"{in_post}\n\n{rates}"


def england_sentence(now, year):
    """The council against England's published figures for the same census year, for each figure
    England has a value for; None when it has none (the national series is in
    `national.england_series`)."""
    held = [
        (name, label, national.england_value(figure=name, year=year))
        for name, label in national.COMPARED
        if national.england_value(figure=name, year=year)
    ]
    if not held:
        return None
    parts = []
    for name, label, england in held:
        kind = "caseload" if name == "average_caseload" else "rate"
        council, nation = _words(now[name], kind), figure_text(england.value, kind)
        parts.append(f"{label[0].lower()}{label[1:]} {council} against {nation}")
    sources = "; ".join(dict.fromkeys(england.source for _, _, england in held))
    return (
        f"Against England's published figures for the same census year ({year}), the council's "
        f"{'; '.join(parts)}. Source of England's figures: {sources}."
    )


class WorkforceSection:
    key = "workforce"
    title = "Social work workforce"
    order = 20

    def build(self, period, services):
        from pswhub.core.selectors import authority_get

        if services == "adults":
            return _no_data(self, ADULTS_ONLY)
        authority = authority_get()
        year = selectors.census_year_number_in_period(start=period.start, end=period.end)
        if year is None:
            return _no_data(self, NO_CENSUS_DATE.format(start=govuk_date(period.start), end=govuk_date(period.end)))
        census_year = selectors.census_year_in_period(authority=authority, start=period.start, end=period.end)
        if census_year is None:
            return _no_data(self, NO_RETURN.format(year=year))
        previous_year = selectors.census_year_get(authority=authority, year=year - 1)
        now = self._figures(census_year)
        before = self._figures(previous_year) if previous_year else None

        held = [(str(year - 1), before)] if before else []
        held.append((str(year), now))
        rows = [[label, *(_cell(figures[name], kind) for _, figures in held)] for name, label, kind in FIGURES]
        series = [{"name": name, "values": [figures[key] for key, _ in CHART_FIGURES]} for name, figures in held]
        years_shown = " and ".join(name for name, _ in held)
        description = f"Bar chart of the workforce rates at 30 September, in per cent, {years_shown}. "
        description += " ".join(
            f"{label}: " + " and ".join(f"{_words(figures[key], 'rate')} in {name}" for name, figures in held) + "."
            for key, label in CHART_FIGURES
        )
        figures = {name: now[name] for name, _, _ in FIGURES} | {"census_year": year}
        england = england_sentence(now, year)
        for name, _ in national.COMPARED:
            if value := national.england_value(figure=name, year=year):
                figures[f"england_{name}"] = float(value.value)
        if before:
            figures |= {f"{name}_previous": before[name] for name, _, _ in FIGURES} | {"census_year_previous": year - 1}
        return SectionData(
            key=self.key,
            title=self.title,
            figures=figures,
            comparison=_turnover_sentence(now, before, year),
            narrative="\n\n".join(part for part in (_narrative(now, before, year), england) if part),
            chart=Chart(
                title=f"Workforce rates at 30 September, {years_shown}",
                description=description,
                categories=[label for _, label in CHART_FIGURES],
                series=series,
                unit="%",
                places=1,
            ),
            table=Table(
                caption=f"Children's social work workforce at 30 September, {years_shown}",
                head=["Figure", *(name for name, _ in held)],
                rows=rows,
                numeric_columns=list(range(1, len(held) + 1)),
            ),
            notes=[DEFINITIONS, suppression_note()],
        )

    @staticmethod
    def _figures(census_year):
        shown = selectors.workforce_figures_for_publication(selectors.workforce_figures(census_year=census_year))
        return {name: plain(shown[name]) for name, _, _ in FIGURES}
