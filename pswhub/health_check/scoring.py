"""Scoring of the health check, as the LGA scores its own survey (Community Care, 15 May 2024:
Likert answers averaged to a score from 0 to 100; 0 to 50 low, 51 to 74 moderate, 75 to 100
high).

- An answer scores strongly disagree 0, disagree 25, neither agree nor disagree 50, agree 75,
  strongly agree 100; "not applicable" and blanks are left out.
- An item's score is the mean of its answers' scores.
- A standard's score is the mean of its items' scores (items with no answer left out).
- Scores are shown as whole numbers, rounded half up; the band is that of the whole number."""

from decimal import Decimal

from pswhub.core.figures import round_half_up

# Choice (1 strongly disagree ... 5 strongly agree) to points.
POINTS = {1: 0, 2: 25, 3: 50, 4: 75, 5: 100}
CHOICE_WORDS = {
    1: "Strongly disagree",
    2: "Disagree",
    3: "Neither agree nor disagree",
    4: "Agree",
    5: "Strongly agree",
}
NOT_APPLICABLE = "n/a"

LOW = "low"
MODERATE = "moderate"
HIGH = "high"
BAND_WORDS = {LOW: "Low", MODERATE: "Moderate", HIGH: "High"}


def item_score(choices):
    """The mean score of an item's answers (choices 1 to 5; None, not applicable, left out), not
    rounded; None when no one answered."""
    known = [POINTS[choice] for choice in choices if choice is not None]
    if not known:
        return None
    return Decimal(sum(known)) / len(known)


def item_score_from_totals(*, answered, choice_sum):
    """The same mean from a count of answers and the sum of their choices, as the database adds
    them up: each answer scores 25 × (choice − 1), so the sum of scores is 25 × (sum − count)."""
    if not answered:
        return None
    return Decimal(25 * (choice_sum - answered)) / answered


def standard_score(item_scores):
    """The mean of a standard's item scores, not rounded; items with no score are left out."""
    known = [Decimal(score) for score in item_scores if score is not None]
    if not known:
        return None
    return sum(known) / len(known)


def whole(score):
    """A score as shown: a whole number, rounded half up; None stays None."""
    if score is None:
        return None
    return int(round_half_up(score, 0))


def band(whole_score):
    """The LGA's band of a whole-number score: low 0 to 50, moderate 51 to 74, high 75 to 100."""
    if whole_score is None:
        return None
    if whole_score <= 50:
        return LOW
    if whole_score <= 74:
        return MODERATE
    return HIGH
