"""The arithmetic every figure shares: one rounding rule, rates, averages, and sums that keep
"not known" apart from zero.

Rounding is half up (0.05 becomes 0.1), as DfE publishes its rates; Python's own `round` rounds
halves to even, so it is never used for a figure. Every function returns None, never 0, when
there is nothing to divide by or nothing is known: a page shows "not known", not a false zero."""

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value, places=1):
    """`value` as a Decimal rounded half up to `places` decimal places; None stays None."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rate(part, whole, places=1):
    """`part` as a percentage of `whole`, rounded half up to one decimal place; None when either
    is not known or `whole` is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return round_half_up(Decimal(part) * 100 / Decimal(whole), places)


def ratio(part, whole, places=1):
    """`part` divided by `whole` (an average caseload: cases per FTE), rounded half up; None when
    either is not known or `whole` is zero."""
    if part is None or whole is None or whole == 0:
        return None
    return round_half_up(Decimal(part) / Decimal(whole), places)


def average(values, places=1):
    """The mean of the known values, rounded half up; None when no value is known."""
    known = [Decimal(value) for value in values if value is not None]
    if not known:
        return None
    return round_half_up(sum(known) / len(known), places)


def total(values):
    """The sum of the known values. An empty list sums to 0 (there is nothing to add); a list
    whose every value is unknown sums to None (something is missing, not zero)."""
    values = list(values)
    known = [value for value in values if value is not None]
    if values and not known:
        return None
    return sum(known)


def count(values):
    """How many values are known (None is not counted)."""
    return sum(1 for value in values if value is not None)
