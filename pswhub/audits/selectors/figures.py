"""Figures for a period: completed audits by grade, type, service and team, moderation and actions,
with the disclosure control for readers who see aggregates only."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from pswhub.core import disclosure
from pswhub.core.models import Team
from pswhub.core.presenters import SUPPRESSED
from pswhub.core.selectors import SERVICE_KINDS

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


def percent_half_up(part, whole):
    """`part` as a percentage of `whole`, one decimal place, halves rounded up (as DfE publishes
    rates); None when there is nothing to divide by."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def financial_year_of(day):
    """The financial year (1 April to 31 March) a day falls in, named by the year it starts."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_bounds(year):
    return date(year, 4, 1), date(year + 1, 3, 31)


def financial_year_label(year):
    return f"{year} to {year + 1}"


def year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def team_and_descendant_ids(team):
    ids, frontier = {team.pk}, {team.pk}
    while frontier:
        frontier = set(Team.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids


def with_final_grade(audits):
    """The grade that counts: the moderated grade where an audit was moderated, else the auditor's."""
    return audits.annotate(final_grade_code=Coalesce(F("moderation__moderated_grade__code"), F("overall_grade__code")))


def good_or_better_codes():
    return set(Grade.objects.filter(good_or_better=True).values_list("code", flat=True))


def audit_figures(*, date_from, date_to, team=None, services="all", as_at=None):
    """Audits completed between two dates (inclusive), counted by the date they were completed.

    - `completed`: audits with status completed (an audit picked for moderation counts once it
      has been moderated).
    - `by_grade`: completed audits by final grade (moderated grade where there is one).
    - `good_or_better_pct`: outstanding and good as a percentage of all graded completed audits,
      one decimal place, halves rounded up.
    - `by_type`, `by_team`: completed audits by audit type and by team.
    With `team`, only that team and the teams beneath it. With `services` ("children", "adults"
    or "all"), only audits of cases in teams of those services.

    With `as_at` (a day), the figures as they stood at the end of that day, so that a report for a
    past year does not change with work done since: an audit moderated after it had not been
    completed by then and is left out."""
    audits = Audit.objects.completed_between(date_from, date_to).filter(team__service__kind__in=SERVICE_KINDS[services])
    if team is not None:
        audits = audits.filter(team_id__in=team_and_descendant_ids(team))
    if as_at is not None:
        audits = audits.exclude(moderation__moderated_at__date__gt=as_at)
    by_grade = dict.fromkeys(GRADE_CODES, 0)
    for row in with_final_grade(audits).values("final_grade_code").annotate(n=Count("*")).order_by():
        by_grade[row["final_grade_code"]] = row["n"]
    by_type = dict.fromkeys(AuditType.values, 0)
    for row in audits.values("audit_type").annotate(n=Count("*")).order_by():
        by_type[row["audit_type"]] = row["n"]
    by_team = {
        row["team__name"]: row["n"] for row in audits.values("team__name").annotate(n=Count("*")).order_by("team__name")
    }
    completed = sum(by_type.values())
    counted_good = good_or_better_codes()
    good = sum(n for code, n in by_grade.items() if code in counted_good)
    graded = sum(by_grade.values())
    return {
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "team": team.name if team is not None else None,
        "completed": completed,
        "by_grade": by_grade,
        "good_or_better": good,
        "good_or_better_pct": percent_half_up(good, graded),
        "by_type": by_type,
        "by_team": by_team,
    }


def audit_figures_with_year_before(*, date_from, date_to, team=None, services="all", as_at=None):
    """The figures for a period and for the same days a year before. With `as_at`, each period's
    figures stand as they were at its own end (`as_at` is the current period's last day)."""
    as_at_before = year_before(as_at) if as_at is not None else None
    return {
        "current": audit_figures(date_from=date_from, date_to=date_to, team=team, services=services, as_at=as_at),
        "previous": audit_figures(
            date_from=year_before(date_from),
            date_to=year_before(date_to),
            team=team,
            services=services,
            as_at=as_at_before,
        ),
    }


def audit_theme_frequency(*, date_from, date_to):
    """Learning themes by the number of completed audits that named them, most frequent first.
    Summed from the day counts (`ThemeDay`, pswhub/audits/summary.py)."""
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
        "agreement_pct": percent_half_up(done["agreed"], done["total"]),
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
    """Disclosure control for those who see aggregates only (and for the published report):
    grade, type and team counts are suppressed with secondary suppression; the number and the
    percentage good or better are `c` when either side of the split (outstanding and good; requires
    improvement and inadequate) could not show its own total without revealing a small grade
    count, or when the graded total is small."""
    shown = dict(figures)
    shown["by_grade"] = disclosure.suppress_counts(figures["by_grade"])
    shown["by_type"] = disclosure.suppress_counts(figures["by_type"])
    if figures["by_team"] is not None:
        shown["by_team"] = disclosure.suppress_counts(figures["by_team"])
    if good_or_better_would_reveal(figures["by_grade"]):
        shown["good_or_better_pct"] = SUPPRESSED
        shown["good_or_better"] = SUPPRESSED
    if disclosure.is_small(figures["completed"]):
        shown["completed"] = SUPPRESSED
    return shown


# Figures by service and team, over the years, and time to complete (docs/audits.md). Each one is
# one grouped query over the audits completed in its period, whatever the number of audits.


def completed_in_scope(date_from, date_to, *, team=None, services="all"):
    """Audits completed in the period, of one team and the teams beneath it or of a service's teams."""
    audits = Audit.objects.completed_between(date_from, date_to)
    if services != "all":
        audits = audits.filter(team__service__kind__in=SERVICE_KINDS[services])
    if team is not None:
        audits = audits.filter(team_id__in=team_and_descendant_ids(team))
    return audits


def graded_figures(by_grade, counted_good):
    """Completed, good or better and its percentage from counts by final grade."""
    good = sum(n for code, n in by_grade.items() if code in counted_good)
    graded = sum(by_grade.values())
    return {
        "completed": graded,
        "by_grade": by_grade,
        "good_or_better": good,
        "good_or_better_pct": percent_half_up(good, graded),
    }


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


def audit_figures_by_service(*, date_from, date_to, team=None):
    """For each service (children's first), audits completed in the period, by final grade, and
    the percentage good or better, as `audit_figures` defines them. A service with no completed
    audits is listed with 0 and no percentage. With `team`, that team and the teams beneath it."""
    by_service = service_rows()
    rows = (
        with_final_grade(completed_in_scope(date_from, date_to, team=team))
        .values("team__service_id", "final_grade_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        by_service[row["team__service_id"]]["by_grade"][row["final_grade_code"]] = row["n"]
    counted_good = good_or_better_codes()
    return [{**entry, **graded_figures(entry["by_grade"], counted_good)} for entry in by_service.values()]


def audit_figures_by_service_suppressed(rows):
    """Service counts with primary and secondary suppression across services. A service's
    percentage good or better is `c` on the same rule as the council's (`good_or_better_would_reveal`);
    and when one service's is `c`, so is every other service's, because the council's own
    percentage is shown and the others would give the hidden one away."""
    counted_good = good_or_better_codes()
    shown_counts = disclosure.suppress_counts({row["service_id"]: row["completed"] for row in rows})
    any_hidden = any(good_or_better_would_reveal(row["by_grade"], counted_good) for row in rows)
    shown = []
    for row in rows:
        hidden = any_hidden and row["completed"] > 0
        shown.append(
            {
                **row,
                "completed": shown_counts[row["service_id"]],
                "good_or_better": SUPPRESSED if hidden else row["good_or_better"],
                "good_or_better_pct": SUPPRESSED if hidden else row["good_or_better_pct"],
                "by_grade": disclosure.suppress_counts(row["by_grade"]),
            }
        )
    return shown


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
    the dashboard shows each service's total: a single hidden team could otherwise be worked out
    from it."""
    shown = {}
    for service in {row["service"] for row in rows}:
        shown |= disclosure.suppress_counts(
            {row["team_id"]: row["completed"] for row in rows if row["service"] == service}
        )
    return [{**row, "completed": shown[row["team_id"]]} for row in rows]
