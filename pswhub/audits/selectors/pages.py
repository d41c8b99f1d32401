"""What the audit pages read: the dashboard put together for a reader, audit lists and details,
risk flags and drafts."""

from django.db.models import F
from django.utils import timezone

from pswhub.core import disclosure
from pswhub.core.periods import Period, financial_year_of, year_label

from ..models import (
    Audit,
    AuditAction,
    AuditTool,
    AuditType,
    Grade,
    RiskFlag,
)
from ..reference import OFSTED_SCALE
from .counting import with_final_grade
from .figures import (
    action_figures,
    audit_completed_by_team,
    audit_completed_by_team_suppressed,
    audit_figures_by_service_suppressed,
    audit_figures_suppressed,
    audit_figures_with_year_before,
    audit_section_grades,
    moderation_figures,
)
from .trends import (
    audit_figures_by_service_of_years,
    audit_good_or_better_trend,
    audit_good_or_better_trend_suppressed,
    audit_theme_trend,
    audit_theme_trend_suppressed,
    audit_time_to_complete,
    audit_time_to_complete_suppressed,
    section_good_or_better,
)


def dashboard_access(user):
    """(aggregate only, drill-down): those who may not open every audit get disclosure-controlled
    figures and no links to the audits."""
    aggregate_only = not user.has_perm("audits.view_unsuppressed_figures")
    return aggregate_only, not aggregate_only and user.has_perm("audits.view_audit_list")


def audit_teams_of_year(*, user, year):
    """Audits completed in a financial year by team (`audit_completed_by_team`), as the dashboard
    shows them to `user`: the full list behind the dashboard's table of the teams with most."""
    aggregate_only, _ = dashboard_access(user)
    period = Period.financial_year(year)
    teams = audit_completed_by_team(date_from=period.start, date_to=period.end)
    return audit_completed_by_team_suppressed(teams) if aggregate_only else teams


def audit_dashboard(*, user, year, today=None, years=None):
    """Everything the dashboard shows for a financial year, with the year before, and the trends
    over the years the data covers up to that year (`years`, from `audit_years`). Those who may not
    open every audit get disclosure-controlled figures and no drill-down."""
    period = Period.financial_year(year)
    date_from, date_to = period.start, period.end
    before_from, before_to = period.previous().start, period.previous().end
    trend_years = sorted(y for y in (years or audit_years()) if y <= year) or [year]
    # The same read as the annual report's and the `audit_figures` command's (ADR 0205).
    figures = audit_figures_with_year_before(date_from=date_from, date_to=date_to, by_team=False)
    services = audit_figures_by_service_of_years(years=[year - 1, year])
    by_service = {"current": services[year], "previous": services[year - 1]}
    time_to_complete = {
        "current": audit_time_to_complete(date_from=date_from, date_to=date_to),
        "previous": audit_time_to_complete(date_from=before_from, date_to=before_to),
    }
    teams = audit_completed_by_team(date_from=date_from, date_to=date_to)
    trend = audit_good_or_better_trend(years=trend_years)
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
        "label": year_label(year),
        "previous_label": year_label(year - 1),
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


def audit_list(
    *,
    user,
    status="",
    grade="",
    year=None,
    team=None,
    risk=False,
    audit_type="",
    theme="",
    own_cases=False,
    own_actions=False,
):
    audits = Audit.objects.visible_to(user).select_related(
        "team", "worker", "auditor", "overall_grade", "tool_version__tool"
    )
    if own_cases:
        audits = audits.filter(worker__user=user)
    if own_actions:
        audits = audits.filter(pk__in=open_actions_of(user).values("audit_id"))
    if risk:
        audits = audits.filter(pk__in=RiskFlag.objects.filter(acknowledged_at__isnull=True).values("audit_id"))
    if status:
        audits = audits.filter(status=status)
    if grade:
        audits = with_final_grade(audits).filter(final_grade_code=grade, status=Audit.Status.COMPLETED)
    if year:
        period = Period.financial_year(year)
        audits = audits.filter(completed_on__range=(period.start, period.end))
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


def open_risk_flag_count():
    """How many risk flags nobody has acknowledged yet, across the council."""
    return RiskFlag.objects.filter(acknowledged_at__isnull=True).count()


def audits_of_own_cases_in_progress(user):
    """Audits of the cases this person holds that are not yet complete: theirs to read and add to."""
    return Audit.objects.visible_to(user).filter(worker__user=user).exclude(status=Audit.Status.COMPLETED)


def open_actions_of(user):
    """Open actions this person has been given, on audits they may open (the home page's count and
    the list it links to agree)."""
    return AuditAction.objects.filter(
        owner=user, status=AuditAction.Status.OPEN, audit__in=Audit.objects.visible_to(user)
    )


def audits_awaiting_moderation(*, user):
    return (
        Audit.objects.visible_to(user)
        .filter(status=Audit.Status.SUBMITTED, moderation__moderated_at__isnull=True)
        .exclude(auditor=user)
    )


def drafts_of(user):
    return Audit.objects.filter(auditor=user, status=Audit.Status.DRAFT)
