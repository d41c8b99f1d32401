"""The case file audits section of the annual report, built from this app's selectors through the
reporting interface (docs/reporting.md): audits completed in the period **by service and by type
of audit** (children's and adults'; full case audits, dip samples and themed audits), each with
its grades and the percentage rated good or better, beside the same days a year before.

The seeds keep these apart (seed 001's 70% is of its Quality of Practice audits, seed 000 sets dip
samples beside audits), so the section never pools them into one rate unless the PSW chooses to
for the report (option `audits_pooled`), and then the pooled row and sentence say so.

The counts are those of `selectors.counting.final_grade_counts`, the read behind the dashboard and
the `audit_figures` command (ADR 0205): by completion date, once completed, with the moderated
grade where there is one. Councillors read the report, so every row passes through
`audit_figures_suppressed` as on their dashboard: counts of audits at council or service level identify no one and are
shown (core.disclosure, AUDIT_COUNTS)."""

from pswhub.core import disclosure
from pswhub.core.presenters import SUPPRESSED, govuk_date, percent
from pswhub.core.report_sections import Chart, SectionData, Table, disclosure_note, say

from .models import AuditType
from .reference import GRADE_CODES
from .selectors import audit_figures_suppressed
from .selectors.counting import final_grade_counts, good_or_better_codes, graded_figures

WHAT = "of case files audited were rated good or better"

SERVICE_WORDS = {"children": "children's services", "adults": "adults' services"}
SERVICE_KINDS = {"children": ["children"], "adults": ["adults"], "all": ["children", "adults"]}
TYPE_WORDS = {
    AuditType.FULL: "full case audits",
    AuditType.DIP_SAMPLE: "dip samples",
    AuditType.THEMED: "themed audits",
}
POOLED = "pooled"


def _pct(value):
    """A selector's percentage as a plain value for the snapshot: a float, `c` or None."""
    if value is None or value == SUPPRESSED:
        return value
    return float(value)


def _share(value):
    """A percentage in a sentence; never a bare `c`."""
    if value == SUPPRESSED:
        return "a share too small to show"
    if value is None:
        return "no graded audits"
    return percent(value)


def comparison_sentence(*, current, previous, previous_label, what=WHAT):
    """ "70.0% of case files audited were rated good or better, compared with 57.1% in 2024/25."
    `current` and `previous` are percentages good or better (None when there were no audits)."""
    if current == SUPPRESSED:
        lead = f"The share {what.removeprefix('of ')} is too small to show".replace(" were rated", " rated")
    else:
        lead = f"{percent(current)} {what}"
    if previous is None:
        return f"{lead}; there is no figure for {previous_label} to compare with."
    return f"{lead}, compared with {_share(previous)} in {previous_label}."


def _row(counts, period, *, types):
    """One row's figures from `final_grade_counts`: completed audits of `types` in `period`, by
    grade, with the number and percentage good or better, suppressed for councillors."""
    by_grade = dict.fromkeys(GRADE_CODES, 0)
    for (in_period, audit_type, code), n in counts.items():
        if in_period == period and audit_type in types:
            by_grade[code] = by_grade.get(code, 0) + n
    graded = graded_figures(by_grade, good_or_better_codes())
    figures = {
        "completed": sum(by_grade.values()),
        "by_grade": by_grade,
        "by_type": {},
        "by_team": None,
        "good_or_better": graded["good_or_better"],
        "good_or_better_pct": graded["good_or_better_pct"],
    }
    shown = audit_figures_suppressed(figures)
    return {
        "completed": shown["completed"],
        "by_grade": shown["by_grade"],
        "good_or_better_pct": _pct(shown["good_or_better_pct"]),
        "held": figures["completed"] > 0,
    }


def audit_rows(period, services, *, pooled=False):
    """`{(service kind, audit type): {"current": row, "previous": row}}` for each service in scope
    and each type, and `("all", "pooled")` when the PSW chose to pool them."""
    previous = period.previous()
    rows = {}
    all_counts = {}
    for kind in SERVICE_KINDS[services]:
        counts = final_grade_counts(periods=[period, previous], services=kind)
        for key, n in counts.items():
            all_counts[key] = all_counts.get(key, 0) + n
        for audit_type in TYPE_WORDS:
            rows[(kind, audit_type)] = {
                "current": _row(counts, period, types={audit_type}),
                "previous": _row(counts, previous, types={audit_type}),
            }
    if pooled:
        every_type = set(TYPE_WORDS)
        rows[("all", POOLED)] = {
            "current": _row(all_counts, period, types=every_type),
            "previous": _row(all_counts, previous, types=every_type),
        }
    return rows


def row_name(kind, audit_type):
    if audit_type == POOLED:
        return "All audits, pooled at the PSW's choice"
    return f"{SERVICE_WORDS[kind][0].upper()}{SERVICE_WORDS[kind][1:]}: {TYPE_WORDS[audit_type]}"


def _headline(rows, period, previous):
    """The summary's sentence: the full case audits of each service in scope, each service apart.
    "Children's services: 66.7% of the 30 full case audits completed in 2025/26 were rated good or
    better (77.8% in 2024/25)." """
    parts = []
    for (kind, audit_type), row in rows.items():
        if audit_type != AuditType.FULL or not row["current"]["held"]:
            continue
        service = f"{SERVICE_WORDS[kind][0].upper()}{SERVICE_WORDS[kind][1:]}"
        now, before = row["current"], row["previous"]
        against = f" ({_share(before['good_or_better_pct'])} in {previous.label})" if before["held"] else ""
        if now["good_or_better_pct"] == SUPPRESSED:
            parts.append(
                f"{service}: of the {say(now['completed'])} full case audits completed in {period.label}, the share "
                f"rated good or better is too small to show{against}."
            )
        else:
            parts.append(
                f"{service}: {_share(now['good_or_better_pct'])} of the {say(now['completed'])} full case audits "
                f"completed in {period.label} were rated good or better{against}."
            )
    return " ".join(parts)


class AuditSection:
    key = "audits"
    title = "Practice quality and case file audits"
    order = 30

    def build(self, period, services, options=None):
        options = options or {}
        pooled = bool(options.get("audits_pooled"))
        previous = period.previous()
        rows = audit_rows(period, services, pooled=pooled)
        scope_words = " and ".join(SERVICE_WORDS[kind] for kind in SERVICE_KINDS[services])
        basis = (
            f"Case file audits of cases in {scope_words} completed from {govuk_date(period.start)} to "
            f"{govuk_date(period.end)} "
            f"(and the same days a year before), each counted once, on the day it was completed, with its "
            "grade after moderation. Full case audits, dip samples and themed audits are counted apart."
        )
        figures = {
            "by_service_and_type": {
                f"{kind}:{audit_type}": {
                    "completed": row["current"]["completed"],
                    "completed_previous": row["previous"]["completed"],
                    "by_grade": row["current"]["by_grade"],
                    "good_or_better_pct": row["current"]["good_or_better_pct"],
                    "good_or_better_pct_previous": row["previous"]["good_or_better_pct"],
                }
                for (kind, audit_type), row in rows.items()
            },
            "pooled": pooled,
        }
        notes = [
            "Audits completed: audits with status completed whose completion date is in the period. An audit "
            "chosen for moderation counts once it has been moderated, with the moderated grade, in the period "
            "it was completed, whenever the moderation happened.",
            "Good or better: audits graded outstanding or good as a percentage of all graded audits of that "
            "service and type completed, to one decimal place. Dip samples and themed audits look at part of a "
            "case, so their grades are not pooled with full case audits.",
            disclosure_note(disclosure.AUDIT_COUNTS),
        ]
        if pooled:
            notes.insert(
                2,
                "At the PSW's choice this report also gives one figure pooling every service and type of audit; "
                "it mixes full case audits with dip samples and themed audits and so is not comparable with a "
                "figure for full case audits alone.",
            )
        if not any(row["current"]["held"] for row in rows.values()):
            held_before = [row for row in rows.values() if row["previous"]["held"]]
            missing = f"No case file audits of {scope_words} were completed in {period.label}" + (
                f", so there are no grades to set beside {previous.label}'s." if held_before else "."
            )
            return SectionData(
                key=self.key,
                title=self.title,
                figures=figures,
                comparison=missing,
                narrative="",
                notes=notes,
                headline=missing,
                basis=basis,
                missing=missing,
            )
        shown_rows = [(key, row) for key, row in rows.items() if row["current"]["held"] or row["previous"]["held"]]
        # Five columns, so the table fits an A4 page and a phone; the grades are in the figures.
        table_rows = [
            [
                row_name(*key),
                row["previous"]["completed"],
                row["current"]["completed"],
                _percent_cell(row["previous"]["good_or_better_pct"]),
                _percent_cell(row["current"]["good_or_better_pct"]),
            ]
            for key, row in shown_rows
        ]
        head = [
            "Service and type of audit",
            f"Completed {previous.label}",
            f"Completed {period.label}",
            f"Good or better {previous.label}",
            f"Good or better {period.label}",
        ]
        chart_rows = [(row_name(*key), row) for key, row in shown_rows]
        headline = _headline(rows, period, previous)
        if pooled:
            pooled_row = rows[("all", POOLED)]
            comparison = comparison_sentence(
                current=pooled_row["current"]["good_or_better_pct"],
                previous=pooled_row["previous"]["good_or_better_pct"],
                previous_label=previous.label,
                what="of all case file audits, every service and type pooled at the PSW's choice, were rated good "
                "or better",
            )
        else:
            comparison = headline or comparison_sentence(
                current=shown_rows[0][1]["current"]["good_or_better_pct"],
                previous=shown_rows[0][1]["previous"]["good_or_better_pct"],
                previous_label=previous.label,
                what=f"of {row_name(*shown_rows[0][0]).lower()} were rated good or better",
            )
        counted = ", ".join(
            f"{say(row['current']['completed'])} {TYPE_WORDS[audit_type]} in {SERVICE_WORDS[kind]}"
            for (kind, audit_type), row in shown_rows
            if audit_type != POOLED and row["current"]["held"]
        )
        return SectionData(
            key=self.key,
            title=self.title,
            figures=figures,
            comparison=comparison,
            narrative=(
                f"In {period.label} the council completed {counted}.\n\n"
                "Each audit is graded outstanding, good, requires improvement to be good or inadequate. The "
                "percentage rated good or better is given for each service and type of audit apart, beside the "
                "year before."
            ),
            chart=Chart(
                title=f"Case file audits rated good or better, by service and type, {previous.label} and "
                f"{period.label}",
                description="Bar chart of the percentage of case file audits rated good or better, by service and "
                "type of audit. "
                + " ".join(
                    f"{name}: {_share(row['previous']['good_or_better_pct'])} in {previous.label} and "
                    f"{_share(row['current']['good_or_better_pct'])} in {period.label}."
                    for name, row in chart_rows
                ),
                categories=[name for name, _ in chart_rows],
                series=[
                    {
                        "name": previous.label,
                        "values": [row["previous"]["good_or_better_pct"] for _, row in chart_rows],
                    },
                    {"name": period.label, "values": [row["current"]["good_or_better_pct"] for _, row in chart_rows]},
                ],
                unit="%",
                places=1,
            ),
            table=Table(
                caption="Case file audits completed, by service and type of audit",
                head=head,
                rows=table_rows,
                numeric_columns=list(range(1, len(head))),
            ),
            notes=notes,
            headline=headline or comparison,
            basis=basis,
        )


def _percent_cell(value):
    """A percentage for the table: `12.5%`, `c`, or a dash when nothing was graded."""
    if value is None:
        return "–"
    return percent(value)
