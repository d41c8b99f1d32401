"""The organisation section: staff in post by service at the end of the period, against a year
before. Built from the organisation's figures; it is the worked example of a section."""

from pswhub.core import disclosure
from pswhub.core.presenters import govuk_date
from pswhub.core.report_sections import Chart, SectionData, Table, compare, suppression_note

SERVICE_NAMES = {"children": "Children's services", "adults": "Adults' services"}


class OrganisationSection:
    key = "organisation"
    title = "Staff in post"
    order = 10

    def build(self, period, services):
        from pswhub.core.selectors import staff_in_post_by_service

        previous = period.previous()
        now = staff_in_post_by_service(on=period.end, services=services)
        before = staff_in_post_by_service(on=previous.end, services=services)
        shown_now = disclosure.suppress_counts({SERVICE_NAMES[k]: v for k, v in now.items()})
        shown_before = disclosure.suppress_counts({SERVICE_NAMES[k]: v for k, v in before.items()})
        names = [SERVICE_NAMES[kind] for kind in now]
        rows = [[name, shown_before[name], shown_now[name]] for name in names]
        if len(names) > 1:
            rows.append(["Total", shown_before["total"], shown_now["total"]])
        head_before, head_now = f"{govuk_date(previous.end)}", f"{govuk_date(period.end)}"
        figures = {
            **{f"{kind}": shown_now[SERVICE_NAMES[kind]] for kind in now},
            **{f"{kind}_previous": shown_before[SERVICE_NAMES[kind]] for kind in now},
            "total": shown_now["total"],
            "total_previous": shown_before["total"],
        }
        description = "Bar chart of staff in post by service. " + " ".join(
            f"{row[0]}: {row[1]} on {head_before} and {row[2]} on {head_now}." for row in rows
        )
        return SectionData(
            key=self.key,
            title=self.title,
            figures=figures,
            comparison=compare(
                current=shown_now["total"],
                previous=shown_before["total"],
                previous_label=previous.label,
                unit="staff",
                what=f"were in post on {head_now}",
            ),
            narrative=(
                "The numbers of staff in post in each service at the end of the period are shown below "
                "beside the same day a year before."
            ),
            chart=Chart(
                title=f"Staff in post by service, {head_before} and {head_now}",
                description=description,
                categories=[row[0] for row in rows],
                series=[
                    {"name": head_before, "values": [row[1] for row in rows]},
                    {"name": head_now, "values": [row[2] for row in rows]},
                ],
                unit="staff",
            ),
            table=Table(
                caption="Staff in post by service",
                head=["Service", head_before, head_now],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[
                "Staff in post: staff members whose team belongs to the service, who had started by the day "
                "and had not left before it.",
                suppression_note(),
            ],
        )
