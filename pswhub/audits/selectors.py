"""Reads for audits: every figure the dashboard, the `audit_figures` command and the annual
report show is computed here, once. Definitions are in docs/audits.md."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from pswhub.core import disclosure
from pswhub.core.models import Team
from pswhub.core.presenters import SUPPRESSED
from pswhub.core.selectors import SERVICE_KINDS

from .models import (
    Audit,
    AuditAction,
    AuditPlan,
    AuditTool,
    AuditType,
    Case,
    FinalGradeDay,
    Grade,
    LearningTheme,
    Moderation,
    PlannedAudit,
    RiskFlag,
    Section,
    SectionGradeDay,
    ThemeDay,
)
from .reference import GRADE_CODES, OFSTED_SCALE


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
    counts = dict(
        ThemeDay.objects.filter(completed_on__range=(date_from, date_to))
        .values_list("theme_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    themes = LearningTheme.objects.filter(pk__in=counts).order_by("order", "name")
    return sorted(((theme.name, counts[theme.pk]) for theme in themes), key=lambda row: -row[1])


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


def financial_year_case(years, field="completed_on"):
    """An expression giving the financial year (by the year it starts) a date falls in, for the
    years asked about; None outside them."""
    return models.Case(*[When(**{f"{field}__range": financial_year_bounds(year)}, then=Value(year)) for year in years])


def years_span(years):
    return financial_year_bounds(min(years))[0], financial_year_bounds(max(years))[1]


def audit_final_grade_counts(*, years):
    """Completed audits in each of the financial years by audit type and final grade (as
    `audit_figures` defines it), `{(year, audit type, grade code): n}`, summed from the day counts
    (`FinalGradeDay`, pswhub/audits/summary.py). The dashboard takes its grade and type counts and
    the trend over the years from them (`figures_of_year`, `audit_good_or_better_trend`)."""
    codes = dict(Grade.objects.values_list("pk", "code"))
    rows = (
        FinalGradeDay.objects.filter(completed_on__range=years_span(years))
        .annotate(year=financial_year_case(years))
        .values_list("year", "audit_type", "grade_id")
        .annotate(n=Sum("count"))
        .order_by()
    )
    return {(year, audit_type, codes[grade_id]): n for year, audit_type, grade_id, n in rows}


def figures_of_year(counts, year):
    """`audit_figures` for a financial year (every service, no team, without `by_team`), from
    `audit_final_grade_counts`."""
    by_grade = dict.fromkeys(GRADE_CODES, 0)
    by_type = dict.fromkeys(AuditType.values, 0)
    for (in_year, audit_type, code), n in counts.items():
        if in_year == year:
            by_grade[code] = by_grade.get(code, 0) + n
            by_type[audit_type] = by_type.get(audit_type, 0) + n
    date_from, date_to = financial_year_bounds(year)
    graded = graded_figures(by_grade, good_or_better_codes())
    return {
        "from": date_from.isoformat(),
        "to": date_to.isoformat(),
        "team": None,
        "completed": sum(by_type.values()),
        "by_grade": by_grade,
        "good_or_better": graded["good_or_better"],
        "good_or_better_pct": graded["good_or_better_pct"],
        "by_type": by_type,
        "by_team": None,
    }


def audit_figures_by_service_of_years(*, years):
    """`audit_figures_by_service` for each of the financial years, `{year: rows}`, in one pass over
    the audits of those years (grouped by ids, named afterwards)."""
    codes = dict(Grade.objects.values_list("pk", "code"))
    by_year = {year: service_rows() for year in years}
    rows = (
        Audit.objects.completed_between(*years_span(years))
        .annotate(year=financial_year_case(years))
        .values_list("year", "team__service_id", "overall_grade_id", "moderation__moderated_grade_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    for year, service_id, auditors, moderated, n in rows:
        by_year[year][service_id]["by_grade"][codes[moderated or auditors]] += n
    counted_good = good_or_better_codes()
    return {
        year: [{**entry, **graded_figures(entry["by_grade"], counted_good)} for entry in services.values()]
        for year, services in by_year.items()
    }


def audit_good_or_better_trend(*, years, counts=None):
    """For each financial year asked about (oldest first), audits completed, good or better and
    its percentage, as `audit_figures` defines them for that year. `counts`, from
    `audit_final_grade_counts` over these years or more, saves counting again."""
    years = sorted(years)
    counts = audit_final_grade_counts(years=years) if counts is None else counts
    counted_good = good_or_better_codes()
    by_year = {year: dict.fromkeys(GRADE_CODES, 0) for year in years}
    for (year, _audit_type, code), n in counts.items():
        if year in by_year:
            by_year[year][code] += n
    return [
        {"year": year, "label": financial_year_label(year), **graded_figures(by_year[year], counted_good)}
        for year in years
    ]


def audit_good_or_better_trend_suppressed(trend):
    """Each year as the dashboard shows it to those who see aggregates only."""
    counted_good = good_or_better_codes()
    shown = []
    for entry in trend:
        hidden = good_or_better_would_reveal(entry["by_grade"], counted_good)
        shown.append(
            {
                **entry,
                "completed": SUPPRESSED if disclosure.is_small(entry["completed"]) else entry["completed"],
                "good_or_better": SUPPRESSED if hidden else entry["good_or_better"],
                "good_or_better_pct": SUPPRESSED if hidden else entry["good_or_better_pct"],
                "by_grade": disclosure.suppress_counts(entry["by_grade"]),
            }
        )
    return shown


def audit_theme_trend(*, years, completed=None):
    """Learning themes by financial year (oldest first): for each theme named in a completed audit
    in any of the years, the number of audits completed that year naming it and that number as a
    percentage of all audits completed that year (one decimal place, halves up). Themes come most
    named over the years first, then in the taxonomy's order. `completed` (audits completed in
    each year, as `audit_good_or_better_trend` gives them) saves counting them again."""
    years = sorted(years)
    if completed is None:
        completed = dict.fromkeys(years, 0)
        for row in (
            Audit.objects.completed_between(*years_span(years))
            .annotate(year=financial_year_case(years))
            .values("year")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            completed[row["year"]] = row["n"]
    # From the day counts (`ThemeDay`), grouped by the theme's id only (names joined in Python).
    named = (
        ThemeDay.objects.filter(completed_on__range=years_span(years))
        .annotate(year=financial_year_case(years))
        .values("theme_id", "year")
        .annotate(n=Sum("count"))
        .order_by()
    )
    counts = {}
    for row in named:
        counts.setdefault(row["theme_id"], dict.fromkeys(years, 0))[row["year"]] = row["n"]
    themes = {
        theme.pk: {"code": theme.code, "name": theme.name, "order": theme.order, "counts": counts[theme.pk]}
        for theme in LearningTheme.objects.filter(pk__in=counts)
    }
    rows = []
    for theme in themes.values():
        shares = {year: percent_half_up(theme["counts"][year], completed[year]) for year in years}
        rows.append({**theme, "total": sum(theme["counts"].values()), "shares": shares})
    rows.sort(key=lambda row: (-row["total"], row["order"], row["name"]))
    return {
        "years": years,
        "labels": [financial_year_label(year) for year in years],
        "completed": completed,
        "themes": rows,
    }


def audit_theme_trend_suppressed(trend):
    """Themes cell by cell: a small count and the percentage made from it are `c`; a year's total
    of completed audits is `c` when small."""
    themes = []
    for theme in trend["themes"]:
        small = {year for year, n in theme["counts"].items() if disclosure.is_small(n)}
        themes.append(
            {
                **theme,
                "counts": {year: SUPPRESSED if year in small else n for year, n in theme["counts"].items()},
                "shares": {year: SUPPRESSED if year in small else pct for year, pct in theme["shares"].items()},
                "total": SUPPRESSED if disclosure.is_small(theme["total"]) else theme["total"],
            }
        )
    completed = {year: SUPPRESSED if disclosure.is_small(n) else n for year, n in trend["completed"].items()}
    return {**trend, "themes": themes, "completed": completed}


def median_half_up(values):
    """The median of whole numbers to one decimal place (the mean of the middle two when there is
    an even number); None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    value = Decimal(ordered[middle]) if len(ordered) % 2 else Decimal(ordered[middle - 1] + ordered[middle]) / 2
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


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
        "within_due_date_pct": percent_half_up(within, with_due),
    }


def audit_time_to_complete_suppressed(figures):
    """The median is `c` when fewer than the threshold audits are counted; the share within the
    due date is `c` when either those within it or those late are a small count."""
    shown = dict(figures)
    if disclosure.is_small(figures["counted"]):
        shown["counted"] = shown["median_days"] = SUPPRESSED
    late = figures["with_due_date"] - figures["within_due_date"]
    if disclosure.is_small(figures["within_due_date"]) or disclosure.is_small(late):
        shown["within_due_date"] = shown["within_due_date_pct"] = SUPPRESSED
    if disclosure.is_small(figures["with_due_date"]):
        shown["with_due_date"] = SUPPRESSED
    return shown


def section_good_or_better(sections):
    """Each section's percentage good or better from `audit_section_grades`."""
    counted_good = good_or_better_codes()
    return {title: graded_figures(counts, counted_good)["good_or_better_pct"] for title, counts in sections.items()}


def dashboard_access(user):
    """(aggregate only, drill-down): those who may not open every audit get disclosure-controlled
    figures and no links to the audits."""
    aggregate_only = not user.has_perm("audits.view_unsuppressed_figures")
    return aggregate_only, not aggregate_only and user.has_perm("audits.view_audit_list")


def audit_teams_of_year(*, user, year):
    """Audits completed in a financial year by team (`audit_completed_by_team`), as the dashboard
    shows them to `user`: the full list behind the dashboard's table of the teams with most."""
    aggregate_only, _ = dashboard_access(user)
    teams = audit_completed_by_team(date_from=financial_year_bounds(year)[0], date_to=financial_year_bounds(year)[1])
    return audit_completed_by_team_suppressed(teams) if aggregate_only else teams


def audit_dashboard(*, user, year, today=None, years=None):
    """Everything the dashboard shows for a financial year, with the year before, and the trends
    over the years the data covers up to that year (`years`, from `audit_years`). Those who may not
    open every audit get disclosure-controlled figures and no drill-down."""
    date_from, date_to = financial_year_bounds(year)
    before_from, before_to = year_before(date_from), year_before(date_to)
    trend_years = sorted(y for y in (years or audit_years()) if y <= year) or [year]
    # The year and the year before are whole financial years: their grade and type counts come
    # from the same day counts as the trend's, their service counts from one pass over both.
    counts = audit_final_grade_counts(years=sorted({*trend_years, year - 1}))
    figures = {"current": figures_of_year(counts, year), "previous": figures_of_year(counts, year - 1)}
    services = audit_figures_by_service_of_years(years=[year - 1, year])
    by_service = {"current": services[year], "previous": services[year - 1]}
    time_to_complete = {
        "current": audit_time_to_complete(date_from=date_from, date_to=date_to),
        "previous": audit_time_to_complete(date_from=before_from, date_to=before_to),
    }
    teams = audit_completed_by_team(date_from=date_from, date_to=date_to)
    trend = audit_good_or_better_trend(years=trend_years, counts=counts)
    theme_trend = audit_theme_trend(years=trend_years, completed={entry["year"]: entry["completed"] for entry in trend})
    aggregate_only, drill_down = dashboard_access(user)
    if aggregate_only:
        figures = {key: audit_figures_suppressed(value) for key, value in figures.items()}
        by_service = {key: audit_figures_by_service_suppressed(rows) for key, rows in by_service.items()}
        time_to_complete = {key: audit_time_to_complete_suppressed(value) for key, value in time_to_complete.items()}
        teams = audit_completed_by_team_suppressed(teams)
        trend = audit_good_or_better_trend_suppressed(trend)
        theme_trend = audit_theme_trend_suppressed(theme_trend)
    sections = audit_section_grades(date_from=date_from, date_to=date_to) if not aggregate_only else None
    return {
        "year": year,
        "label": financial_year_label(year),
        "previous_label": financial_year_label(year - 1),
        "aggregate_only": aggregate_only,
        "drill_down": drill_down,
        "suppression_threshold": disclosure.threshold(),
        "grade_names": [(grade.code, grade.name) for grade in ofsted_grades()],
        "type_names": AuditType.choices,
        "figures": figures,
        "by_service": by_service,
        "time_to_complete": time_to_complete,
        "teams": teams,
        "trend": trend,
        "theme_trend": theme_trend,
        "moderation": moderation_figures(date_from=date_from, date_to=date_to) if not aggregate_only else None,
        "actions": action_figures(today=today) if not aggregate_only else None,
        "sections": sections,
        "section_good_or_better": section_good_or_better(sections) if sections else None,
    }


def audit_years():
    """Financial years that have completed audits, newest first, always including this year."""
    years = {financial_year_of(timezone.localdate())}
    first = (
        Audit.objects.filter(status=Audit.Status.COMPLETED)
        .order_by("completed_on")
        .values_list("completed_on", flat=True)
        .first()
    )
    if first:
        years |= set(range(financial_year_of(first), financial_year_of(timezone.localdate()) + 1))
    return sorted(years, reverse=True)


def audit_list(*, user, status="", grade="", year=None, team=None, risk=False, audit_type="", theme=""):
    audits = Audit.objects.visible_to(user).select_related(
        "team", "worker", "auditor", "overall_grade", "tool_version__tool"
    )
    if risk:
        audits = audits.filter(pk__in=RiskFlag.objects.filter(acknowledged_at__isnull=True).values("audit_id"))
    if status:
        audits = audits.filter(status=status)
    if grade:
        audits = with_final_grade(audits).filter(final_grade_code=grade, status=Audit.Status.COMPLETED)
    if year:
        audits = audits.filter(completed_on__range=financial_year_bounds(year))
    if team:
        audits = audits.filter(team_id=team)
    if audit_type:
        audits = audits.filter(audit_type=audit_type)
    if theme:
        audits = audits.filter(themes__code=theme)
    return audits.order_by(F("completed_on").desc(nulls_first=True), "-created_at")


def audit_detail(*, audit):
    results = {result.section_id: result for result in audit.section_results.select_related("grade")}
    answers = {answer.question_id: answer for answer in audit.answers.all()}
    sections = []
    if audit.tool_version_id:
        for section in audit.tool_version.sections.prefetch_related("questions"):
            sections.append(
                {
                    "section": section,
                    "result": results.get(section.pk),
                    "answers": [(question, answers.get(question.pk)) for question in section.questions.all()],
                }
            )
    return {
        "sections": sections,
        "contributions": audit.contributions.select_related("author"),
        "risk_flags": audit.risk_flags.select_related("raised_by", "acknowledged_by"),
        "actions": audit.actions.select_related("owner"),
        "moderation": getattr(audit, "moderation", None),
    }


def audit_tools_active():
    return AuditTool.objects.filter(is_active=True).order_by("name")


def ofsted_grades():
    return Grade.objects.filter(scale__code=OFSTED_SCALE).order_by("rank")


def open_risk_flags_for(user):
    """Open risk flags that this user should act on: the PSW sees every one, a team manager those
    on audits of cases in the teams they manage."""
    from pswhub.core import roles

    flags = RiskFlag.objects.filter(acknowledged_at__isnull=True)
    if user.has_role(roles.PSW):
        return flags
    if user.has_role(roles.TEAM_MANAGER):
        return flags.filter(audit__team_id__in=user.managed_team_ids())
    return flags.none()


def audits_awaiting_moderation(*, user):
    return (
        Audit.objects.visible_to(user)
        .filter(status=Audit.Status.SUBMITTED, moderation__moderated_at__isnull=True)
        .exclude(auditor=user)
    )


def drafts_of(user):
    return Audit.objects.filter(auditor=user, status=Audit.Status.DRAFT)


# The audit programme.


def months_before(day, months):
    """The same day `months` calendar months earlier, or the month's last day when it is shorter
    (31 August less 6 months is 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for last_day in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def plan_skip_from(plan):
    """Cases with an audit completed on or after this day are left out of the plan's sample: the
    plan's first day less its skip window in months."""
    return months_before(plan.period_start, plan.skip_months)


def cases_in_plan_scope(plan):
    """Cases of the plan's team and the teams beneath it, or of every team in its service, opened
    by the plan's last day."""
    cases = Case.objects.filter(opened_on__lte=plan.period_end)
    if plan.team_id:
        return cases.filter(team_id__in=team_and_descendant_ids(plan.team))
    return cases.filter(team__service=plan.service)


def cases_eligible_for_plan(plan):
    """Cases in the plan's scope that are not in it yet and have no audit submitted or completed
    on or after plan_skip_from(plan)."""
    recently_audited = (
        Audit.objects.exclude(status=Audit.Status.DRAFT)
        .filter(completed_on__gte=plan_skip_from(plan))
        .values("case_reference")
    )
    return (
        cases_in_plan_scope(plan)
        .exclude(case_reference__in=recently_audited)
        .exclude(planned_audits__plan=plan)
        .select_related("team")
    )


def audit_plan_list(*, user):
    return AuditPlan.objects.visible_to(user).select_related("service", "team", "tool")


def planned_audits_of(plan):
    return plan.planned_audits.select_related("case__team", "case__worker", "auditor", "audit")


def plan_status_counts(plan, *, today=None):
    """Status at a glance: planned audits not assigned, assigned and not started, in progress
    (a draft), submitted (awaiting moderation or completed), and overdue (past the due date and not
    submitted; these are counted in their own status as well)."""
    today = today or timezone.localdate()
    counts = dict.fromkeys(PlannedAudit.Status.values, 0)
    counts["overdue"] = 0
    for planned in planned_audits_of(plan):
        counts[planned.status] += 1
        counts["overdue"] += planned.is_overdue(today)
    counts["total"] = sum(counts[status] for status in PlannedAudit.Status.values)
    return counts


def assignments_of(user, *, include_submitted=False):
    """Planned audits assigned to this user, soonest due first; by default only those not yet
    submitted."""
    planned = PlannedAudit.objects.filter(auditor=user).select_related("case__team", "plan__tool", "audit")
    if not include_submitted:
        planned = planned.filter(Q(audit__isnull=True) | Q(audit__status=Audit.Status.DRAFT))
    return planned.order_by("due_on", "case__case_reference")


def auditors_to_assign():
    from pswhub.core import roles
    from pswhub.core.models import User

    return (
        User.objects.filter(is_active=True, roles__code__in=[roles.AUDITOR, roles.PSW, roles.QA_OFFICER])
        .distinct()
        .order_by("first_name", "last_name")
    )


# Audit tools and historic imports, for the pages that edit and import them (kept apart from the
# figures above).


def audit_tools_for_editing():
    """Every tool, with its versions (newest first) and how many audits each version was used for."""
    from django.db.models import Prefetch

    from .models import AuditToolVersion

    versions = AuditToolVersion.objects.annotate(audit_count=Count("audits")).order_by("-number")
    return AuditTool.objects.prefetch_related(Prefetch("versions", queryset=versions)).order_by("name")


def audit_tool_version_get(pk):
    from .models import AuditToolVersion

    return (
        AuditToolVersion.objects.select_related("tool__scale")
        .prefetch_related("sections__questions")
        .annotate(audit_count=Count("audits"))
        .filter(pk=pk)
        .first()
    )


def audit_import_batches():
    from .models import AuditImportBatch

    return AuditImportBatch.objects.select_related("imported_by").order_by("-imported_at", "-pk")
