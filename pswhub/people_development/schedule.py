"""When a programme's reviews and workload cap fall, from the programme's data alone: pure
functions of a start date, the programme, its pauses and any extension."""

import calendar
from datetime import date, timedelta


def months_after(day, months):
    """The same day `months` later; the 31st becomes the month's last day where it has none."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shifted_by_pauses(due, pauses):
    """A date moved on by every pause (each with `starts_on` and `days`) that began by then."""
    for pause in sorted(pauses, key=lambda pause: pause.starts_on):
        if pause.starts_on <= due:
            due += timedelta(days=pause.days)
    return due


def review_due_dates(*, programme, started_on, pauses=(), extended_to=None):
    """{months: due date} for each review point of the programme. The last point is the final
    assessment; an extension replaces its date."""
    points = sorted(programme.review_months)
    dates = {months: shifted_by_pauses(months_after(started_on, months), pauses) for months in points}
    if extended_to and points:
        dates[points[-1]] = max(extended_to, dates[points[-1]])
    return dates


def reduced_workload_ends_on(*, programme, started_on, pauses=(), completed_on=None):
    """The last day of the lower workload capacity: the programme's reduced months from the start,
    moved on by pauses, and never after the day the record ended."""
    ends = shifted_by_pauses(months_after(started_on, programme.reduced_workload_months), pauses) - timedelta(days=1)
    if completed_on is not None:
        ends = min(ends, completed_on)
    return max(ends, started_on)
