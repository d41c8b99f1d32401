"""Disclosure control for aggregate figures shown to councillors and published.

Primary suppression: a count below the threshold (default 5, PSWHUB_SUPPRESSION_THRESHOLD) is
shown as `c`. Zero is not suppressed: it reveals nothing about any person.
Secondary suppression: if exactly one cell of a group is suppressed and the group's total is
shown, the suppressed cell could be worked out by subtraction, so the next smallest cell is
suppressed too."""

from django.conf import settings

from .presenters import SUPPRESSED


def threshold():
    return settings.PSWHUB_SUPPRESSION_THRESHOLD


def is_small(count, limit=None):
    limit = threshold() if limit is None else limit
    return 0 < count < limit


def suppress_counts(counts, limit=None):
    """Suppress a group of counts that add up to a total shown beside them.

    `counts` maps a label to a count; the result maps the same labels to the count or `c`, and
    adds the key `total`, suppressed only when the total is itself small."""
    limit = threshold() if limit is None else limit
    shown = {label: (SUPPRESSED if is_small(count, limit) else count) for label, count in counts.items()}
    suppressed = [label for label, value in shown.items() if value == SUPPRESSED]
    total = sum(counts.values())
    hide_total = is_small(total, limit)
    if len(suppressed) == 1:
        candidates = sorted(
            (count, label) for label, count in counts.items() if shown[label] != SUPPRESSED and count > 0
        )
        if candidates:
            shown[candidates[0][1]] = SUPPRESSED
        else:
            # No other cell to hide: only hiding the total protects the small cell.
            hide_total = True
    shown["total"] = SUPPRESSED if hide_total else total
    return shown
