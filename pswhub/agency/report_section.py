"""The agency section of the annual report (docs/agency.md, "In the annual report"): agency social
workers at the period's end, what they cover, and the spend over the period beside the previous
period's, through the section contract (docs/reporting.md). Council-level figures, suppressed as a
councillor sees them: no worker is named."""

from pswhub.core.report_sections import Chart, SectionData, Table, compare, say, suppression_note

from . import selectors
from .models import Engagement
from .presenters import REASONS, pounds

NOTES = [
    "Agency social workers are those engaged through an agency on the period's last day, by headcount and FTE.",
    "Spend is each engagement's hourly charge rate × its FTE × 37 hours a week, for the days it was in force in "
    "the period, in whole pounds.",
]


def _figures(period, services):
    engagements = Engagement.objects.all()
    if services in ("children", "adults"):
        engagements = engagements.filter(team__service__kind=services)
    figures = selectors.agency_figures(engagements=engagements, on=period.end, period=period)
    return selectors.agency_figures_suppressed(figures)


def _plain(figures):
    """The figures as the published report keeps them: numbers as int or float, `c` as it is."""
    plain = {}
    for name in ("headcount", "fte", "covering_vacancies", "vacancy_share", "spend", "price_cap", "over_cap"):
        value = figures[name]
        plain[name] = value if value is None or isinstance(value, (int, str)) else float(value)
    plain["by_reason"] = dict(figures["by_reason"])
    return plain


class AgencySection:
    key = "agency"
    title = "Agency social workers"
    order = 25

    def build(self, period, services):
        now = _figures(period, services)
        before = _figures(period.previous(), services)
        figures = _plain(now) | {f"{name}_previous": value for name, value in _plain(before).items()}
        rows = [[REASONS[reason], before["by_reason"][reason], count] for reason, count in now["by_reason"].items()]
        rows.append(["All agency social workers", before["headcount"], now["headcount"]])
        previous_label = period.previous().label
        spend = compare(
            current=pounds(now["spend"]),
            previous=pounds(before["spend"]),
            previous_label=previous_label,
            what=f"was spent on agency social workers in {period.label}",
        )
        cap = (
            f" The regional price cap was {pounds(now['price_cap'], 2)} an hour; "
            f"{say(now['over_cap'], 'engagements')} in force on the last day charged above it."
            if now["price_cap"] is not None
            else ""
        )
        return SectionData(
            key=self.key,
            title=self.title,
            figures=figures,
            comparison=spend + cap,
            narrative=(
                "Agency social workers cover vacancies while the council recruits, and leave, sickness and projects. "
                "The council works with the region's authorities to a price cap on agency charge rates."
            ),
            chart=Chart(
                title=f"Agency social workers by what they cover, {previous_label} and {period.label}",
                description="Bar chart of agency social workers on the last day of each period, by what they cover. "
                + " ".join(f"{row[0]}: {row[1]} then {row[2]}." for row in rows),
                categories=[row[0] for row in rows],
                series=[
                    {"name": previous_label, "values": [row[1] for row in rows]},
                    {"name": period.label, "values": [row[2] for row in rows]},
                ],
                unit="agency social workers",
            ),
            table=Table(
                caption="Agency social workers on the last day of each period, by what they cover",
                head=["", previous_label, period.label],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[*NOTES, suppression_note()],
        )
