"""The case file audits section of the annual report, built from this app's selectors through the
reporting interface (docs/reporting.md): audits completed in the period, by type and by grade,
and the percentage rated good or better, beside the same days a year before.

The figures are the ones the audit dashboard and the `audit_figures` command show for the same
period (`selectors.audit_figures`, ADR 0205): a report built again after a late moderation shows
the moderated grade, and a published report keeps the figures it was published with.

Councillors read the report, so every count passes through `audit_figures_suppressed`, as on
their dashboard: counts of audits at council or service level identify no one and are shown
(core.disclosure, AUDIT_COUNTS)."""

from pswhub.core import disclosure
from pswhub.core.presenters import SUPPRESSED, percent
from pswhub.core.report_sections import Chart, SectionData, Table, disclosure_note, say

from .models import AuditType
from .selectors import audit_figures_suppressed, audit_figures_with_year_before, ofsted_grades

WHAT = "of case files audited were rated good or better"


def _pct(value):
    """A selector's percentage as a plain value for the snapshot: a float, `c` or None."""
    if value is None or value == SUPPRESSED:
        return value
    return float(value)


def _share(value):
    """A percentage in a sentence; never a bare `c`."""
    if value == SUPPRESSED:
        return "a share too small to show"
    return percent(value)


def comparison_sentence(*, current, previous, previous_label):
    """ "70.0% of case files audited were rated good or better, compared with 57.1% in 2024/25."
    `current` and `previous` are percentages good or better (None when there were no audits)."""
    if current == SUPPRESSED:
        lead = "The share of case files audited that were rated good or better is too small to show"
    else:
        lead = f"{percent(current)} {WHAT}"
    if previous is None:
        return f"{lead}; there is no figure for {previous_label} to compare with."
    return f"{lead}, compared with {_share(previous)} in {previous_label}."


def no_audits_sentence(*, period_label, previous, previous_label):
    if previous is None:
        return f"No case file audits were completed in {period_label} or in {previous_label}."
    if previous == SUPPRESSED:
        return f"No case file audits were completed in {period_label}."
    return (
        f"No case file audits were completed in {period_label}, so there is no percentage rated good or "
        f"better to compare with {percent(previous)} in {previous_label}."
    )


TYPE_WORDS = {
    AuditType.FULL: "full case audits",
    AuditType.DIP_SAMPLE: "dip samples",
    AuditType.THEMED: "themed audits",
}


class AuditSection:
    key = "audits"
    title = "Case file audits"
    order = 30

    def build(self, period, services):
        previous = period.previous()
        figures = audit_figures_with_year_before(date_from=period.start, date_to=period.end, services=services)
        now = audit_figures_suppressed(figures["current"])
        before = audit_figures_suppressed(figures["previous"])
        pct_now, pct_before = _pct(now["good_or_better_pct"]), _pct(before["good_or_better_pct"])
        shown = {
            "completed": now["completed"],
            "completed_previous": before["completed"],
            "by_type": now["by_type"],
            "by_type_previous": before["by_type"],
            "by_grade": now["by_grade"],
            "by_grade_previous": before["by_grade"],
            "good_or_better_pct": pct_now,
            "good_or_better_pct_previous": pct_before,
        }
        notes = [
            "Audits completed: audits with status completed whose completion date is in the period. An audit "
            "chosen for moderation counts once it has been moderated, with the moderated grade, in the period "
            "it was completed, whenever the moderation happened.",
            "Good or better: audits graded outstanding or good as a percentage of all graded audits completed, "
            "to one decimal place.",
            disclosure_note(disclosure.AUDIT_COUNTS),
        ]
        if figures["current"]["completed"] == 0:
            return SectionData(
                key=self.key,
                title=self.title,
                figures=shown,
                comparison=no_audits_sentence(
                    period_label=period.label, previous=pct_before, previous_label=previous.label
                ),
                narrative="PSW Hub holds no completed case file audits for the period.",
                notes=notes,
            )
        grades = [(grade.code, grade.name) for grade in ofsted_grades()]
        rows = [[name, before["by_grade"][code], now["by_grade"][code]] for code, name in grades]
        total_row = ["Total", before["by_grade"]["total"], now["by_grade"]["total"]]
        by_type = ", ".join(say(now["by_type"][kind], words) for kind, words in TYPE_WORDS.items())
        return SectionData(
            key=self.key,
            title=self.title,
            figures=shown,
            comparison=comparison_sentence(current=pct_now, previous=pct_before, previous_label=previous.label),
            narrative=(
                f"{say(now['completed'], 'case file audits').capitalize()} were completed in {period.label} "
                f"({by_type}), compared with {say(before['completed'])} in {previous.label}.\n\n"
                "Each audit is graded outstanding, good, requires improvement to be good or inadequate. The "
                "grades of the audits completed in each year are shown below."
            ),
            chart=Chart(
                title=f"Case file audits by grade, {previous.label} and {period.label}",
                description="Bar chart of case file audits completed by grade. "
                + " ".join(
                    f"{row[0]}: {say(row[1])} in {previous.label} and {say(row[2])} in {period.label}." for row in rows
                ),
                categories=[row[0] for row in rows],
                series=[
                    {"name": previous.label, "values": [row[1] for row in rows]},
                    {"name": period.label, "values": [row[2] for row in rows]},
                ],
                unit="audits",
            ),
            table=Table(
                caption="Case file audits completed by grade",
                head=["Grade", previous.label, period.label],
                rows=[*rows, total_row],
                numeric_columns=[1, 2],
            ),
            notes=notes,
        )
