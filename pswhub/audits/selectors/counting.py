"""How a completed audit is counted, in one place (docs/adr/0205-one-source-for-audit-figures.md).

- An audit counts in a period by its completion date (the day it was submitted), once it is
  *Completed*: an audit picked for moderation counts once it has been moderated, in the period it
  was submitted, whenever the moderation happened.
- It counts with its *final grade*: the moderated grade where it was moderated, else the auditor's.
- A scope is a team and the teams beneath it, or the teams of a service (`services`: "children",
  "adults" or "all").

`final_grade_counts` is the one count of completed audits by audit type and final grade that
every figure of completed audits, good or better and grades is made from, on the dashboard, in
the annual report and in the `audit_figures` command alike."""

from django.db import models
from django.db.models import Count, F, Sum, Value, When
from django.db.models.functions import Coalesce

from pswhub.core.figures import rate
from pswhub.core.selectors import SERVICE_KINDS, team_and_descendant_ids

from ..models import Audit, FinalGradeDay, Grade


def completed_in_scope(date_from, date_to, *, team=None, services="all"):
    """Audits completed in the period, of one team and the teams beneath it or of a service's teams."""
    audits = Audit.objects.completed_between(date_from, date_to)
    if services != "all":
        audits = audits.filter(team__service__kind__in=SERVICE_KINDS[services])
    if team is not None:
        audits = audits.filter(team_id__in=team_and_descendant_ids(team))
    return audits


def with_final_grade(audits):
    """The grade that counts: the moderated grade where an audit was moderated, else the auditor's."""
    return audits.annotate(final_grade_code=Coalesce(F("moderation__moderated_grade__code"), F("overall_grade__code")))


def good_or_better_codes():
    return set(Grade.objects.filter(good_or_better=True).values_list("code", flat=True))


def graded_figures(by_grade, counted_good):
    """Completed, good or better and its percentage (`pswhub.core.figures.rate`: one decimal place,
    halves up, None when nothing was graded) from counts by final grade."""
    good = sum(n for code, n in by_grade.items() if code in counted_good)
    graded = sum(by_grade.values())
    return {
        "completed": graded,
        "by_grade": by_grade,
        "good_or_better": good,
        "good_or_better_pct": rate(good, graded),
    }


def period_case(periods, field="completed_on"):
    """An expression giving the position in `periods` of the period a date falls in (the first
    one, should two overlap); None outside them."""
    return models.Case(
        *[
            When(**{f"{field}__range": (period.start, period.end)}, then=Value(index))
            for index, period in enumerate(periods)
        ]
    )


def periods_span(periods):
    """The first day of the earliest period and the last day of the latest."""
    return min(period.start for period in periods), max(period.end for period in periods)


def final_grade_counts(*, periods, team=None, services="all"):
    """Completed audits in each of `periods` (`pswhub.core.periods.Period`, not overlapping) by
    audit type and final grade, counted as this module states: `{(period, audit type, grade
    code): n}`, with no entry for a count of 0.

    For the whole council (no team, every service) the counts are summed from the day counts
    (`FinalGradeDay`), which every write that changes what a completed audit counts keeps equal
    to the audits (`pswhub/audits/day_counts.py`, ADR 0204); they hold neither team nor service,
    so for a team or one service the same counts are made from the audits themselves."""
    periods = list(periods)
    which = period_case(periods)
    if team is None and services == "all":
        rows = (
            FinalGradeDay.objects.filter(completed_on__range=periods_span(periods))
            .annotate(period=which)
            .values_list("period", "audit_type", "grade_id")
            .annotate(n=Sum("count"))
            .order_by()
        )
    else:
        rows = (
            completed_in_scope(*periods_span(periods), team=team, services=services)
            .annotate(period=which, final_grade_id=Coalesce(F("moderation__moderated_grade_id"), F("overall_grade_id")))
            .values_list("period", "audit_type", "final_grade_id")
            .annotate(n=Count("*"))
            .order_by()
        )
    codes = dict(Grade.objects.values_list("pk", "code"))
    counts = {}
    for index, audit_type, grade_id, n in rows:
        if index is not None:  # a day between two of the periods
            key = (periods[index], audit_type, codes[grade_id])
            counts[key] = counts.get(key, 0) + n
    return counts
