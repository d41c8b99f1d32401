"""Disclosure control, by subject (docs/adr/0013-disclosure-control.md). Every output (pages,
CSV/XLSX, Word, PDF, HTML) takes its figures from a selector that applies the rule of the figures'
subject, so the same figure is shown or hidden the same way everywhere.

The subjects and their rules:

- PEOPLE: counts of identifiable people (equality breakdowns, teams, roles, leavers by reason in a
  small group). Primary suppression: a count from 1 to one below the threshold (default 5,
  PSWHUB_SUPPRESSION_THRESHOLD) is shown as `c`; zero is shown, it reveals no one. Complementary
  suppression (`suppress_counts`) so that no total, percentage or difference reveals a hidden cell.
- SURVEY: survey results (the health check) are not shown at all for a group smaller than the
  survey's own threshold (default 10, never below 5), with its own complementary suppression.
  The health check is the one survey, so its rule is written there (health_check.anonymity,
  ADR 0601) and named here.
- DFE_PUBLISHED: a council's own figures that DfE publishes for every council (headcounts, FTE,
  turnover, vacancy, agency and absence rates, caseload) are never hidden at council level:
  `dfe_published` returns them as they are.
- AUDIT_COUNTS: counts of audits at council or service level identify no one and are shown
  (`audit_counts`). Audits by team are counts about a few workers' cases and follow PEOPLE.

Secondary suppression: when the total is shown, a reader can subtract the shown cells from it and
learn the sum of the hidden ones. We assume the reader also knows the rule, so that a hidden small
cell lies between 1 and threshold - 1 and any other hidden cell is at least the threshold. While
that knowledge pins any small cell down to a single value, the smallest shown non-zero cell is
hidden too; when no cell is left to hide, the total is hidden instead."""

from django.conf import settings

from .presenters import SUPPRESSED

PEOPLE = "people"
SURVEY = "survey"
DFE_PUBLISHED = "dfe_published"
AUDIT_COUNTS = "audit_counts"
SUBJECTS = {
    PEOPLE: "Counts of people from 1 to {top} are shown as c, as is any figure from which one could be worked out",
    SURVEY: "Survey results are not shown for a group smaller than the survey's own threshold",
    DFE_PUBLISHED: "The council's own figures that DfE publishes for every council are never hidden",
    AUDIT_COUNTS: "Counts of audits at council or service level identify no one and are shown",
}


def threshold():
    return settings.PSWHUB_SUPPRESSION_THRESHOLD


def rule(subject):
    """The rule of a subject, in words, for a page's or a report's note."""
    return SUBJECTS[subject].format(top=threshold() - 1)


def dfe_published(figures):
    """DFE_PUBLISHED: the council-level figures as they are (a copy), never `c`."""
    return dict(figures)


def audit_counts(counts):
    """AUDIT_COUNTS: counts of audits at council or service level, shown, with their total, in the
    shape `suppress_counts` gives (so a page reads either the same way)."""
    shown = dict(counts)
    shown["total"] = sum(counts.values())
    return shown


def is_small(count, limit=None):
    limit = threshold() if limit is None else limit
    return 0 < count < limit


def _some_small_cell_is_pinned(hidden_counts, limit):
    """True if the sum of the hidden cells, with each cell's known bounds, fixes a small cell."""
    total = sum(hidden_counts)
    bounds = [(1, limit - 1) if is_small(count, limit) else (limit, total) for count in hidden_counts]
    low_sum = sum(low for low, _ in bounds)
    high_sum = sum(high for _, high in bounds)
    for (low, high), count in zip(bounds, hidden_counts, strict=True):
        if not is_small(count, limit):
            continue
        least = max(low, total - (high_sum - high))
        most = min(high, total - (low_sum - low))
        if least >= most:
            return True
    return False


def suppress_counts(counts, limit=None, *, total_published=False):
    """PEOPLE: suppress a group of counts that add up to a total shown beside them.

    `counts` maps a label to a count; the result maps the same labels to the count or `c`, and
    adds the key `total`. With `total_published` the total is a figure DfE publishes for every
    council (the council's headcount, say), so it is shown whatever its size and only cells are
    hidden; when the council's whole count is one cell, that cell is the published figure."""
    limit = threshold() if limit is None else limit
    hidden = {label for label, count in counts.items() if is_small(count, limit)}
    total = sum(counts.values())
    hide_total = is_small(total, limit) and not total_published
    while hidden and not hide_total and _some_small_cell_is_pinned([counts[label] for label in hidden], limit):
        candidates = sorted((count, label) for label, count in counts.items() if label not in hidden and count > 0)
        if candidates:
            hidden.add(candidates[0][1])
        elif total_published:
            break
        else:
            hide_total = True
    shown = {label: (SUPPRESSED if label in hidden else count) for label, count in counts.items()}
    shown["total"] = SUPPRESSED if hide_total else total
    return shown
