"""The work plan and committee actions sections of the annual report, built from this app's
selectors through the reporting interface (docs/reporting.md).

Counts of priorities and actions describe the council's work, not people, so they are not
suppressed; names in them are the officers a committee report names anyway."""

from pswhub.core.periods import financial_year_of, year_label
from pswhub.core.presenters import govuk_date
from pswhub.core.report_sections import Chart, SectionData, Table

from . import selectors

RAG_CATEGORIES = [
    ("green", "Green: on track"),
    ("amber", "Amber: at risk"),
    ("red", "Red: off track"),
    ("none", "No update"),
]


def _rows_to_chart(rows, previous_label, current_label):
    return [
        {"name": previous_label, "values": [row[1] for row in rows]},
        {"name": current_label, "values": [row[2] for row in rows]},
    ]


class WorkPlanSection:
    key = "work_plan"
    title = "Progress against the work plan"
    order = 80

    def build(self, period, services):
        year = financial_year_of(period.start)
        now = selectors.priority_rag_counts(year_start=year, on=period.end, services=services)
        previous_end = period.previous().end
        before = selectors.priority_rag_counts(year_start=year - 1, on=previous_end, services=services)
        label_now, label_before = year_label(year), year_label(year - 1)
        rows = [[name, before[key], now[key]] for key, name in RAG_CATEGORIES]
        rows.append(["Total", before["total"], now["total"]])
        if before["total"]:
            comparison = (
                f"{now['green']} of the {now['total']} priorities of the {label_now} work plan were rated green "
                f"on {govuk_date(period.end)}, compared with {before['green']} of {before['total']} in {label_before}."
            )
        else:
            comparison = (
                f"{now['green']} of the {now['total']} priorities of the {label_now} work plan were rated green "
                f"on {govuk_date(period.end)}; there was no work plan in PSW Hub for {label_before} to compare with."
            )
        lines = []
        for row in selectors.priority_rows(year_start=year, on=period.end, services=services):
            status = dict(RAG_CATEGORIES)[row["rag"]]
            update = row["update"].narrative if row["update"] else "No progress has been recorded."
            lines.append(f"{row['priority'].title} ({status}). {update}")
        return SectionData(
            key=self.key,
            title=self.title,
            figures={**{key: now[key] for key in now}, **{f"{key}_previous": before[key] for key in before}},
            comparison=comparison,
            narrative="\n\n".join(lines),
            chart=Chart(
                title=f"Work plan priorities by RAG status, {label_before} and {label_now}",
                description="Bar chart of work plan priorities by RAG status at the end of each year. "
                + " ".join(f"{row[0]}: {row[1]} in {label_before} and {row[2]} in {label_now}." for row in rows),
                categories=[row[0] for row in rows],
                series=_rows_to_chart(rows, label_before, label_now),
                unit="priorities",
            ),
            table=Table(
                caption="Work plan priorities by RAG status at the end of the year",
                head=["RAG status", label_before, label_now],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[
                "A priority's status is that of its latest progress update dated on or before the last day of the year."
            ],
        )


class CommitteeActionsSection:
    key = "committee_actions"
    title = "Actions set by committees"
    order = 90

    def build(self, period, services):
        previous = period.previous()
        now = selectors.committee_action_counts(start=period.start, end=period.end, services=services)
        before = selectors.committee_action_counts(start=previous.start, end=previous.end, services=services)
        categories = [
            ("Done", lambda c: c["done"]),
            ("Outstanding, not yet due", lambda c: c["outstanding"] - c["overdue"]),
            ("Outstanding and overdue", lambda c: c["overdue"]),
            ("No longer needed", lambda c: c["dropped"]),
        ]
        rows = [[name, pick(before), pick(now)] for name, pick in categories]
        rows.append(["Total", before["total"], now["total"]])
        comparison = (
            f"Committees set {now['total']} actions in {period.label}; on {govuk_date(period.end)} {now['done']} "
            f"were done and {now['outstanding']} outstanding, of which {now['overdue']} overdue, compared with "
            f"{before['total']} actions set in {previous.label}."
        )
        lines = []
        for action in selectors.actions_set_in(start=period.start, end=period.end, services=services):
            status = selectors.action_status_on(action, period.end)
            lines.append(
                f"{action.meeting.committee}, {govuk_date(action.meeting.held_on)}: {action.description} "
                f"Owner: {action.owner_name}. Due {govuk_date(action.due_on)}. Status: {dict(ACTION_WORDS)[status]}."
            )
        return SectionData(
            key=self.key,
            title=self.title,
            figures={**now, **{f"{key}_previous": value for key, value in before.items()}},
            comparison=comparison,
            narrative="\n\n".join(lines) or "Committees set no actions in the period.",
            chart=Chart(
                title=f"Committee actions by status at the end of the period, {previous.label} and {period.label}",
                description="Bar chart of actions set by committees, by status at the end of each period. "
                + " ".join(f"{row[0]}: {row[1]} in {previous.label} and {row[2]} in {period.label}." for row in rows),
                categories=[row[0] for row in rows],
                series=_rows_to_chart(rows, previous.label, period.label),
                unit="actions",
            ),
            table=Table(
                caption="Actions set by committees, by status at the end of the period",
                head=["Status", previous.label, period.label],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[
                "Actions set at meetings held in the period; each counted by its latest update on or before "
                "the period's last day."
            ],
        )


ACTION_WORDS = [("open", "open"), ("in_progress", "in progress"), ("done", "done"), ("dropped", "no longer needed")]
