"""The workforce section of the annual report for a period that does not end on 30 September (a
financial year, say): the figures at the period's last day from the council's records
(`selectors.workforce_figures_on`, the read of the "At a date" page and `manage.py
workforce_figures --on`), beside the same date a year before, for children's or adults' social
workers or both (report_section.py chooses; docs/reporting.md). Published, so with the disclosure
control councillors see."""

from pswhub.core.periods import year_before
from pswhub.core.presenters import SUPPRESSED, govuk_date
from pswhub.core.report_sections import Chart, SectionData, Table, say, shared_figure, suppression_note

from . import selectors
from .presenters import NOT_SHOWN, figure_text, figure_words, json_figure, report_cell

LABELS = {"children": "children's social workers", "adults": "adults' social workers"}
# (figure, label in the table, format), as the census section's, the absence rate named for what
# it counts.
FIGURES = [
    ("fte_in_post", "Social workers in post (FTE)", "fte"),
    ("headcount_in_post", "Social workers in post (headcount)", "count"),
    ("turnover_rate", "Turnover rate over the 12 months (%)", "rate"),
    ("vacancy_rate", "Vacancy rate (%)", "rate"),
    ("agency_rate", "Agency worker rate (%)", "rate"),
    ("average_caseload", "Average caseload per case-holding FTE", "caseload"),
    ("absence_rate", "Sickness absence rate over the 12 months (%)", "rate"),
]
CHART_FIGURES = [
    ("turnover_rate", "Turnover"),
    ("vacancy_rate", "Vacancies"),
    ("agency_rate", "Agency workers"),
    ("absence_rate", "Sickness absence"),
]
DEFINITIONS = (
    "Figures worked out from the council's own records (employment history, absence, caseload counts and the "
    "establishment) with the definitions of the DfE Children's Social Work Workforce census, at {end} instead of "
    "30 September and over the 12 months to it instead of the census year. Social workers are those whose "
    "assignment has a census role. Turnover is FTE leavers in the 12 months divided by FTE in post. The vacancy "
    "rate is vacancy FTE from the establishment divided by vacancy and in-post FTE; the agency worker rate is "
    "agency FTE divided by agency and in-post FTE. Average caseload is cases at the latest count divided by the "
    "FTE of social workers holding at least one case, agency workers included. The sickness absence rate is "
    "working days lost to sickness divided by 253 days for each FTE in post."
)


def published(figures):
    shown = selectors.workforce_figures_for_publication(figures)
    return {name: json_figure(shown[name]) for name, _, _ in FIGURES}


def turnover_sentence(service, now, before, end, earlier):
    current, who = now["turnover_rate"], LABELS[service]
    if current == SUPPRESSED:
        lead = f"The turnover rate of {who} over the 12 months to {end} is {NOT_SHOWN}"
    elif current is None:
        lead = f"There is no turnover rate of {who} over the 12 months to {end}, as no one was in post"
    else:
        lead = f"The turnover rate of {who} was {figure_text(current, 'rate')} over the 12 months to {end}"
    previous = before["turnover_rate"]
    if previous == SUPPRESSED:
        return f"{lead}; the rate for the 12 months to {earlier} is {NOT_SHOWN}."
    if previous is None:
        return f"{lead}; there is no turnover rate for the 12 months to {earlier} to compare with."
    return f"{lead}, compared with {figure_text(previous, 'rate')} over the 12 months to {earlier}."


def _staff(service, figures):
    fte = "" if figures["fte_in_post"] == SUPPRESSED else f" ({figure_words(figures['fte_in_post'], 'fte')} FTE)"
    return f"{say(figures['headcount_in_post'])} {LABELS[service]}{fte}"


def _beside(now, before, name, kind, earlier):
    return f"{figure_words(now[name], kind)} ({figure_words(before[name], kind)} at {earlier})"


def service_paragraph(service, now, before, end, earlier):
    """Staff in post at the date against a year before, then the rates and the caseload."""
    return (
        f"At {end} the council employed {_staff(service, now)}, compared with {_staff(service, before)} at "
        f"{earlier}. The vacancy rate was {_beside(now, before, 'vacancy_rate', 'rate', earlier)}, the agency "
        f"worker rate {_beside(now, before, 'agency_rate', 'rate', earlier)} and the sickness absence rate "
        f"{_beside(now, before, 'absence_rate', 'rate', earlier)}. The average caseload was "
        f"{_beside(now, before, 'average_caseload', 'caseload', earlier)} cases for each case-holding FTE."
    )


def _key(service, name, services):
    return name if len(services) == 1 else f"{service}_{name}"


def build(section, period, services):
    """The section for `services` (those whose records are held) at the period's last day."""
    end_date = period.end
    earlier_date = year_before(end_date)
    end, earlier = govuk_date(end_date), govuk_date(earlier_date)
    held = {
        service: (
            published(selectors.workforce_figures_on(on=end_date, service=service)),
            published(selectors.workforce_figures_on(on=earlier_date, service=service)),
        )
        for service in services
    }
    figures = {"reference_date": end_date.isoformat(), "reference_date_previous": earlier_date.isoformat()}
    for service, (now, before) in held.items():
        for name, _, _ in FIGURES:
            figures[_key(service, name, services)] = now[name]
            figures[f"{_key(service, name, services)}_previous"] = before[name]
    columns = [
        (f"{LABELS[service][0].upper()}{LABELS[service][1:]}, {when}", values)
        for service, pair in held.items()
        for when, values in zip((earlier, end), (pair[1], pair[0]), strict=True)
    ]
    table = Table(
        caption=f"Social work workforce at {end} and a year before",
        head=["Figure", *(name for name, _ in columns)],
        rows=[[label, *(report_cell(values[name], kind) for _, values in columns)] for name, label, kind in FIGURES],
        numeric_columns=list(range(1, len(columns) + 1)),
    )
    chart = Chart(
        title=f"Workforce rates at {end} and a year before",
        description=f"Bar chart of the workforce rates, in per cent, at {end} and {earlier}. "
        + " ".join(
            f"{label}: "
            + " and ".join(f"{figure_words(values[key], 'rate')} for {name}" for name, values in columns)
            + "."
            for key, label in CHART_FIGURES
        ),
        categories=[label for _, label in CHART_FIGURES],
        series=[{"name": name, "values": [values[key] for key, _ in CHART_FIGURES]} for name, values in columns],
        unit="%",
        places=1,
    )
    counts = [
        shared_figure(f"{service}_social_workers_{shared}", value=values[name], on=day)
        for service, pair in held.items()
        for day, values in zip((end_date, earlier_date), pair, strict=True)
        for name, shared in (("headcount_in_post", "headcount"), ("fte_in_post", "fte"))
    ]
    first = services[0]
    notes = [DEFINITIONS.format(end=end), suppression_note()]
    if "adults" in services:
        notes.append(selectors.NO_CENSUS_FOR_ADULTS)
    return SectionData(
        key=section.key,
        title=section.title,
        figures=figures,
        comparison=turnover_sentence(first, *held[first], end, earlier),
        narrative="\n\n".join(service_paragraph(service, *pair, end, earlier) for service, pair in held.items()),
        chart=chart,
        table=table,
        notes=notes,
        counts=counts,
    )
