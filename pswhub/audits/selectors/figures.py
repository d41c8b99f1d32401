"""Figures for a period: completed audits by grade, type, service and team, moderation and actions,
with the disclosure control for readers who see aggregates only."""

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from pswhub.core import disclosure
from pswhub.core.figures import rate
from pswhub.core.models import Team
from pswhub.core.periods import Period, year_before
from pswhub.core.presenters import SUPPRESSED

from ..models import (
    Audit,
    AuditAction,
    AuditType,
    Grade,
    LearningTheme,
    Moderation,
    Section,
    SectionGradeDay,
    ThemeDay,
)
from ..reference import GRADE_CODES
from .counting import (
    completed_in_scope,
    final_grade_counts,
    good_or_better_codes,
    graded_figures,
    period_case,
    periods_span,
)


def figures_from_counts(counts, period, *, team=None, by_team=None):
    """`audit_figures` for one of the periods of `counts` (from `final_grade_counts`)."""
    by_grade = dict.fromkeys(GRADE_CODES, 0)
    by_type = dict.fromkeys(AuditType.values, 0)
    for (in_period, audit_type, code), n in counts.items():
        if in_period == period:
            by_grade[code] = by_grade.get(code, 0) + n
            by_type[audit_type] = by_type.get(audit_type, 0) + n
    graded = graded_figures(by_grade, good_or_better_codes())
    return {
        "from": period.start.isoformat(),
        "to": period.end.isoformat(),
        "team": team.name if team is not None else None,
        "completed": sum(by_type.values()),
        "by_grade": by_grade,
        "good_or_better": graded["good_or_better"],
        "good_or_better_pct": graded["good_or_better_pct"],
        "by_type": by_type,
        "by_team": by_team,
    }


def completed_by_team_name(date_from, date_to, *, team=None, services="all"):
    """Audits completed in the period by the name of the case's team, in order of name."""
    audits = completed_in_scope(date_from, date_to, team=team, services=services)
    return {
        row["team__name"]: row["n"] for row in audits.values("team__name").annotate(n=Count("*")).order_by("team__name")
    }


def audit_figures(*, date_from, date_to, team=None, services="all", by_team=True):
    """Audits completed between two dates (inclusive), counted as `counting` states (by
    completion date, once completed, with the final grade, whenever a moderation happened). The
    one read of these figures for the dashboard, the annual report and the `audit_figures`
    command (ADR 0205).

    - `completed`: completed audits.
    - `by_grade`: completed audits by final grade (the moderated grade where there is one).
    - `good_or_better_pct`: outstanding and good as a percentage of all graded completed audits,
      one decimal place, halves rounded up.
    - `by_type`: completed audits by audit type; `by_team`, by the name of the case's team (None
      when `by_team` is false, as the dashboard needs no list of names).
    With `team`, only that team and the teams beneath it. With `services` ("children", "adults"
    or "all"), only audits of cases in teams of those services."""
    period = Period(date_from, date_to)
    counts = final_grade_counts(periods=[period], team=team, services=services)
    names = completed_by_team_name(date_from, date_to, team=team, services=services) if by_team else None
    return figures_from_counts(counts, period, team=team, by_team=names)


def audit_figures_with_year_before(*, date_from, date_to, team=None, services="all", by_team=True):
    """`audit_figures` for a period and for the same days a year before."""
    return {
        "current": audit_figures(date_from=date_from, date_to=date_to, team=team, services=services, by_team=by_team),
        "previous": audit_figures(
            date_from=year_before(date_from),
            date_to=year_before(date_to),
            team=team,
            services=services,
            by_team=by_team,
        ),
    }


def audit_theme_frequency(*, date_from, date_to):
    """Learning themes by the number of completed audits that named them, most frequent first.
    Summed from the day counts (`ThemeDay`, pswhub/audits/day_counts.py)."""
    return [(name, count) for _code, name, count in audit_theme_codes_found(date_from=date_from, date_to=date_to)]


def audit_theme_codes_found(*, date_from, date_to):
    """Learning themes named by completed audits in a period, as (code, name, audits), most
    frequent first: what other capabilities (learning) match by the theme's stable code."""
    counts = dict(
        ThemeDay.objects.filter(completed_on__range=(date_from, date_to))
        .values_list("theme_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    themes = LearningTheme.objects.filter(pk__in=counts).order_by("order", "name")
    return sorted(((theme.code, theme.name, counts[theme.pk]) for theme in themes), key=lambda row: -row[2])


def learning_theme_choices():
    """The active learning themes as (code, name), in their order: the shared vocabulary."""
    return list(LearningTheme.objects.filter(is_active=True).order_by("order", "name").values_list("code", "name"))


def audit_section_grades(*, date_from, date_to):
    """Section grades of completed audits, by section title and grade code. Summed by section and
    grade ids from the day counts (`SectionGradeDay`: at national scale a year has over half a
    million section grades), then named."""
    counts = list(
        SectionGradeDay.objects.filter(completed_on__range=(date_from, date_to))
        .values_list("section_id", "grade_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    titles = dict(Section.objects.filter(pk__in={row[0] for row in counts}).values_list("pk", "title"))
    codes = dict(Grade.objects.values_list("pk", "code"))
    table = {}
    for section_id, grade_id, n in sorted(counts, key=lambda row: titles[row[0]]):
        grades = table.setdefault(titles[section_id], dict.fromkeys(GRADE_CODES, 0))
        grades[codes[grade_id]] = grades.get(codes[grade_id], 0) + n
    return table


def moderation_figures(*, date_from, date_to):
    """Moderations done in the period: how many, how many agreed with the auditor's grade, the
    agreement rate, and how grades moved (up means a better moderated grade)."""
    done = Moderation.objects.filter(moderated_at__date__range=(date_from, date_to)).aggregate(
        total=Count("pk"),
        agreed=Count("pk", filter=Q(moderated_grade=F("original_grade"))),
        raised=Count("pk", filter=Q(moderated_grade__rank__lt=F("original_grade__rank"))),
        lowered=Count("pk", filter=Q(moderated_grade__rank__gt=F("original_grade__rank"))),
    )  # one pass over the moderations rather than one per figure
    return {
        "moderated": done["total"],
        "agreed": done["agreed"],
        "agreement_pct": rate(done["agreed"], done["total"]),
        "raised": done["raised"],
        "lowered": done["lowered"],
        "awaiting": Moderation.objects.filter(moderated_at__isnull=True).count(),
    }


def action_figures(*, today=None, audits=None):
    today = today or timezone.localdate()
    actions = AuditAction.objects.filter(status=AuditAction.Status.OPEN)
    if audits is not None:
        actions = actions.filter(audit__in=audits)
    return actions.aggregate(open=Count("*"), overdue=Count("due_on", filter=Q(due_on__lt=today)))


def good_or_better_would_reveal(by_grade, counted_good=None):
    """True when the share good or better must be hidden: either side of the split (outstanding and
    good; requires improvement and inadequate) could not show its own total without revealing a
    small grade count, or the graded total is small."""
    counted_good = good_or_better_codes() if counted_good is None else counted_good
    good_side = {code: n for code, n in by_grade.items() if code in counted_good}
    rest_side = {code: n for code, n in by_grade.items() if code not in counted_good}
    return any(disclosure.suppress_counts(side)["total"] == SUPPRESSED for side in (good_side, rest_side, by_grade))


def audit_figures_suppressed(figures):
    """Disclosure control for those who see aggregates only (and for the published report), by
    subject (core.disclosure): counts of audits at council or service level identify no one, so
    the grade and type counts, the number completed and the percentage good or better are shown
    (AUDIT_COUNTS); counts by team are about a few workers' cases and are suppressed with
    complementary suppression (PEOPLE)."""
    shown = dict(figures)
    shown["by_grade"] = disclosure.audit_counts(figures["by_grade"])
    shown["by_type"] = disclosure.audit_counts(figures["by_type"])
    if figures["by_team"] is not None:
        shown["by_team"] = disclosure.suppress_counts(figures["by_team"])
    return shown


# Figures by service and team, over the years, and time to complete (docs/audits.md). Each one is
# one grouped query over the audits completed in its period, whatever the number of audits.


def service_rows():
    """Every service, children's first, each with no audits counted yet."""
    from pswhub.core.models import Service

    services = sorted(Service.objects.all(), key=lambda service: (service.kind != Service.CHILDREN, service.name))
    return {
        service.pk: {
            "service_id": service.pk,
            "kind": service.kind,
            "service": service.name,
            "by_grade": dict.fromkeys(GRADE_CODES, 0),
        }
        for service in services
    }


def audit_figures_by_service_of_periods(*, periods, team=None):
    """For each of `periods` (not overlapping), `{period: rows}` as `audit_figures_by_service`
    gives them, in one pass over the audits of those periods (grouped by ids, named afterwards)."""
    periods = list(periods)
    codes = dict(Grade.objects.values_list("pk", "code"))
    by_period = {period: service_rows() for period in periods}
    rows = (
        completed_in_scope(*periods_span(periods), team=team)
        .annotate(period=period_case(periods))
        .values_list("period", "team__service_id", "overall_grade_id", "moderation__moderated_grade_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    for index, service_id, auditors, moderated, n in rows:
        if index is not None:
            by_period[periods[index]][service_id]["by_grade"][codes[moderated or auditors]] += n
    counted_good = good_or_better_codes()
    return {
        period: [{**entry, **graded_figures(entry["by_grade"], counted_good)} for entry in services.values()]
        for period, services in by_period.items()
    }


def audit_figures_by_service(*, date_from, date_to, team=None):
    """For each service (children's first), audits completed in the period, by final grade, and
    the percentage good or better, counted as `audit_figures` counts them. A service with no
    completed audits is listed with 0 and no percentage. With `team`, that team and the teams
    beneath it."""
    period = Period(date_from, date_to)
    return audit_figures_by_service_of_periods(periods=[period], team=team)[period]


def audit_figures_by_service_suppressed(rows):
    """Service counts as those who see aggregates only see them: counts of audits at service level
    identify no one, so every count and percentage is shown (core.disclosure, AUDIT_COUNTS)."""
    return [{**row, "by_grade": disclosure.audit_counts(row["by_grade"])} for row in rows]


def audit_completed_by_team(*, date_from, date_to):
    """Audits completed in the period by the team of the case (that team only, not the teams
    beneath it), with the team's id for drill-down, ordered by service and name. Counted by team
    id from the audits' index alone, then named (at national scale a year has thousands of teams)."""
    counts = dict(
        Audit.objects.completed_between(date_from, date_to).values_list("team_id").annotate(n=Count("*")).order_by()
    )
    teams = (
        Team.objects.filter(pk__in=counts)
        .order_by("service__kind", "name", "pk")
        .values_list("pk", "name", "service__name")
    )
    return [{"team_id": pk, "team": name, "service": service, "completed": counts[pk]} for pk, name, service in teams]


def audit_completed_by_team_suppressed(rows):
    """Team counts with primary and secondary suppression among the teams of each service, because
    the dashboard shows each service's total (core.disclosure, AUDIT_COUNTS, shown whatever its
    size): a single hidden team could otherwise be worked out from it."""
    shown = {}
    for service in {row["service"] for row in rows}:
        shown |= disclosure.suppress_counts(
            {row["team_id"]: row["completed"] for row in rows if row["service"] == service}, total_published=True
        )
    return [{**row, "completed": shown[row["team_id"]]} for row in rows]
