"""Figures over the financial years the data covers (grades, good or better, themes) from the day
counts (ADR 0204), and time to complete."""

from decimal import Decimal

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum

from pswhub.core import disclosure
from pswhub.core.figures import rate, round_half_up
from pswhub.core.periods import Period, year_label

from ..models import LearningTheme, ThemeDay
from ..reference import GRADE_CODES
from .counting import (
    completed_in_scope,
    final_grade_counts,
    good_or_better_codes,
    graded_figures,
    period_case,
    periods_span,
)
from .figures import audit_figures_by_service_of_periods


def financial_years(years):
    """Each financial year (by the calendar year it starts in) as a `Period`, `{year: period}`."""
    return {year: Period.financial_year(year) for year in years}


def audit_figures_by_service_of_years(*, years):
    """`audit_figures_by_service` for each of the financial years, `{year: rows}`, in one pass."""
    periods = financial_years(years)
    rows = audit_figures_by_service_of_periods(periods=periods.values())
    return {year: rows[period] for year, period in periods.items()}


def audit_good_or_better_trend(*, years):
    """For each financial year asked about (oldest first), audits completed, good or better and
    its percentage, counted as `audit_figures` counts them for that year (`final_grade_counts`)."""
    periods = financial_years(sorted(years))
    counts = final_grade_counts(periods=periods.values())
    counted_good = good_or_better_codes()
    by_period = {period: dict.fromkeys(GRADE_CODES, 0) for period in periods.values()}
    for (period, _audit_type, code), n in counts.items():
        by_period[period][code] += n
    return [
        {"year": year, "label": year_label(year), **graded_figures(by_period[period], counted_good)}
        for year, period in periods.items()
    ]


def audit_good_or_better_trend_suppressed(trend):
    """Each year as the dashboard shows it to those who see aggregates only: council-level counts
    of audits, shown (core.disclosure, AUDIT_COUNTS)."""
    return [{**entry, "by_grade": disclosure.audit_counts(entry["by_grade"])} for entry in trend]


def audit_theme_trend(*, years, completed=None):
    """Learning themes by financial year (oldest first): for each theme named in a completed audit
    in any of the years, the number of audits completed that year naming it and that number as a
    percentage of all audits completed that year (one decimal place, halves up). Themes come most
    named over the years first, then in the taxonomy's order. `completed` (audits completed in
    each year, as `audit_good_or_better_trend` gives them) saves counting them again."""
    years = sorted(years)
    if completed is None:
        completed = {entry["year"]: entry["completed"] for entry in audit_good_or_better_trend(years=years)}
    periods = list(financial_years(years).values())
    # From the day counts (`ThemeDay`), grouped by the theme's id only (names joined in Python).
    named = (
        ThemeDay.objects.filter(completed_on__range=periods_span(periods))
        .annotate(period=period_case(periods))
        .values("theme_id", "period")
        .annotate(n=Sum("count"))
        .order_by()
    )
    counts = {}
    for row in named:
        counts.setdefault(row["theme_id"], dict.fromkeys(years, 0))[years[row["period"]]] = row["n"]
    themes = {
        theme.pk: {"code": theme.code, "name": theme.name, "order": theme.order, "counts": counts[theme.pk]}
        for theme in LearningTheme.objects.filter(pk__in=counts)
    }
    rows = []
    for theme in themes.values():
        shares = {year: rate(theme["counts"][year], completed[year]) for year in years}
        rows.append({**theme, "total": sum(theme["counts"].values()), "shares": shares})
    rows.sort(key=lambda row: (-row["total"], row["order"], row["name"]))
    return {
        "years": years,
        "labels": [year_label(year) for year in years],
        "completed": completed,
        "themes": rows,
    }


def audit_theme_trend_suppressed(trend):
    """Themes by year, as those who see aggregates only see them: counts of the council's audits
    naming a theme identify no one, so they are shown (core.disclosure, AUDIT_COUNTS)."""
    return {**trend, "themes": [dict(theme) for theme in trend["themes"]], "completed": dict(trend["completed"])}


def median_half_up(values):
    """The median of whole numbers to one decimal place (the mean of the middle two when there is
    an even number); None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    value = ordered[middle] if len(ordered) % 2 else Decimal(ordered[middle - 1] + ordered[middle]) / 2
    return round_half_up(value)


def audit_time_to_complete(*, date_from, date_to, team=None, services="all"):
    """Of the audits completed in the period (by completion date, as `audit_figures` counts them):

    - `counted`: those with a start date (audits started in PSW Hub; imported ones have none);
    - `median_days`: the median number of calendar days from the day the audit was started to the
      day it was submitted (its completion date), one decimal place; the same day is 0 days;
    - `with_due_date`: those with a due date (given when an audit is assigned from a plan or
      started with one);
    - `within_due_date`: those of them submitted on or before the due date, and
      `within_due_date_pct`, their percentage, one decimal place, halves up.

    With `team` or `services`, as `audit_figures`."""
    days, with_due, within = [], 0, 0
    rows = (
        completed_in_scope(date_from, date_to, team=team, services=services)
        .annotate(days=ExpressionWrapper(F("completed_on") - F("started_on"), output_field=DurationField()))
        .values("days")
        .annotate(n=Count("*"), due=Count("due_on"), met=Count("due_on", filter=Q(due_on__gte=F("completed_on"))))
        .order_by()
    )  # grouped by the number of days, so a year of audits comes back as a few hundred rows
    for row in rows:
        if row["days"] is not None:
            days += [row["days"].days] * row["n"]
        with_due += row["due"]
        within += row["met"]
    return {
        "counted": len(days),
        "median_days": median_half_up(days),
        "with_due_date": with_due,
        "within_due_date": within,
        "within_due_date_pct": rate(within, with_due),
    }


def audit_time_to_complete_suppressed(figures):
    """Time to complete, as those who see aggregates only see it: council-level counts of audits,
    shown (core.disclosure, AUDIT_COUNTS)."""
    return dict(figures)


def section_good_or_better(sections):
    """Each section's percentage good or better from `audit_section_grades`."""
    counted_good = good_or_better_codes()
    return {title: graded_figures(counts, counted_good)["good_or_better_pct"] for title, counts in sections.items()}
