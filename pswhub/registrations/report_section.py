"""The registration renewal section of the annual report, built from this app's selectors
through the section contract (docs/reporting.md). Council-level counts only, suppressed: no
name, and nothing about fitness to practise below council level."""

from pswhub.core.report_sections import Chart, SectionData, Table, compare, suppression_note

from . import selectors
from .models import renewal_deadline

CATEGORIES = [("renewed", "Renewed by 30 November"), ("not_renewed", "Not renewed")]


def renewal_year_in(period):
    """The renewal year whose 30 November falls in the period (the latest, if several); None when
    none does."""
    years = [year for year in range(period.start.year, period.end.year + 1) if period.contains(renewal_deadline(year))]
    return years[-1] if years else None


class RenewalSection:
    key = "registration_renewal"
    title = "Social Work England registration"
    order = 55

    def build(self, period, services):
        year = renewal_year_in(period) or period.end.year
        now = selectors.registration_figures_suppressed(selectors.registration_figures(year=year))
        before = selectors.registration_figures_suppressed(selectors.registration_figures(year=year - 1))
        if not now["social_workers"]:
            return SectionData(
                key=self.key,
                title=self.title,
                figures=now,
                comparison=f"PSW Hub holds no registered social workers in post on 30 November {year}.",
            )
        rows = [[name, before[key], now[key]] for key, name in CATEGORIES]
        rows.append(["Registered social workers in post", before["social_workers"], now["social_workers"]])
        if now["social_workers"] and now["not_renewed"] == 0:
            outcome = f"Every registered social worker in post renewed their registration by 30 November {year}."
        else:
            outcome = compare(
                current=now["renewed"],
                previous=before["renewed"] or None,
                previous_label=str(year - 1),
                unit="social workers",
                what=f"renewed their registration by 30 November {year}",
            )
        return SectionData(
            key=self.key,
            title=self.title,
            figures={**now, **{f"{key}_previous": value for key, value in before.items()}},
            comparison=outcome,
            narrative=(
                "Every social worker renews their registration with Social Work England between 1 September and "
                "30 November, with at least two CPD entries, one of them a peer reflection. The Principal Social "
                "Worker is the council's single point of contact with Social Work England."
            ),
            chart=Chart(
                title=f"Registration renewal, {year - 1} and {year}",
                description="Bar chart of registered social workers in post on 30 November by renewal. "
                + " ".join(f"{row[0]}: {row[1]} in {year - 1} and {row[2]} in {year}." for row in rows),
                categories=[row[0] for row in rows],
                series=[
                    {"name": str(year - 1), "values": [row[1] for row in rows]},
                    {"name": str(year), "values": [row[2] for row in rows]},
                ],
                unit="social workers",
            ),
            table=Table(
                caption="Registered social workers in post on 30 November, by renewal",
                head=["", str(year - 1), str(year)],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[
                "Registered social workers in post on 30 November; renewed means the renewal was completed by then.",
                suppression_note(),
            ],
        )
