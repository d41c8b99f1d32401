"""Disclosure control for aggregate figures shown to councillors and published.

Primary suppression: a count from 1 to one below the threshold (default 5,
PSWHUB_SUPPRESSION_THRESHOLD) is shown as `c`. Zero is not suppressed: it reveals nothing about
any person.

Secondary suppression: when the total is shown, a reader can subtract the shown cells from it and
learn the sum of the hidden ones. We assume the reader also knows the rule, so that a hidden small
cell lies between 1 and threshold - 1 and any other hidden cell is at least the threshold. While
that knowledge pins any small cell down to a single value, the smallest shown non-zero cell is
hidden too; when no cell is left to hide, the total is hidden instead."""

from django.conf import settings

from .presenters import SUPPRESSED


def threshold():
    return settings.PSWHUB_SUPPRESSION_THRESHOLD


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


def suppress_counts(counts, limit=None):
    """Suppress a group of counts that add up to a total shown beside them.

    `counts` maps a label to a count; the result maps the same labels to the count or `c`, and
    adds the key `total`."""
    limit = threshold() if limit is None else limit
    hidden = {label for label, count in counts.items() if is_small(count, limit)}
    total = sum(counts.values())
    hide_total = is_small(total, limit)
    while hidden and not hide_total and _some_small_cell_is_pinned([counts[label] for label in hidden], limit):
        candidates = sorted((count, label) for label, count in counts.items() if label not in hidden and count > 0)
        if candidates:
            hidden.add(candidates[0][1])
        else:
            hide_total = True
    shown = {label: (SUPPRESSED if label in hidden else count) for label, count in counts.items()}
    shown["total"] = SUPPRESSED if hide_total else total
    return shown
