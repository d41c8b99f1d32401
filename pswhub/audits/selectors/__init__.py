"""Reads for audits: every figure the dashboard, the `audit_figures` command and the annual
report show is computed here, once. Definitions are in docs/audits.md.

The package's modules: `counting` (how a completed audit is counted: scope, final grade, counts by
type and grade), `figures` (a period), `trends` (over the years), `pages` (what the audit pages
read) and `programme` (plans, assignments, tools, imports); every name is read from here."""

from .counting import (  # noqa: F401
    completed_in_scope,
    final_grade_counts,
    good_or_better_codes,
    graded_figures,
    period_case,
    periods_span,
    with_final_grade,
)
from .figures import (  # noqa: F401
    action_figures,
    audit_completed_by_team,
    audit_completed_by_team_suppressed,
    audit_figures,
    audit_figures_by_service,
    audit_figures_by_service_of_periods,
    audit_figures_by_service_suppressed,
    audit_figures_suppressed,
    audit_figures_with_year_before,
    audit_section_grades,
    audit_theme_codes_found,
    audit_theme_frequency,
    completed_by_team_name,
    figures_from_counts,
    good_or_better_would_reveal,
    learning_theme_choices,
    moderation_figures,
    service_rows,
)
from .pages import (  # noqa: F401
    audit_dashboard,
    audit_detail,
    audit_list,
    audit_teams_of_year,
    audit_tools_active,
    audit_years,
    audits_awaiting_moderation,
    audits_of_own_cases_in_progress,
    dashboard_access,
    drafts_of,
    ofsted_grades,
    open_actions_of,
    open_risk_flag_count,
    open_risk_flags_for,
)
from .programme import (  # noqa: F401
    assignments_of,
    audit_import_batches,
    audit_plan_list,
    audit_tool_version_get,
    audit_tools_for_editing,
    auditors_to_assign,
    cases_eligible_for_plan,
    cases_in_plan_scope,
    months_before,
    plan_skip_from,
    plan_status_counts,
    planned_audits_of,
)
from .trends import (  # noqa: F401
    audit_figures_by_service_of_years,
    audit_good_or_better_trend,
    audit_good_or_better_trend_suppressed,
    audit_theme_trend,
    audit_theme_trend_suppressed,
    audit_time_to_complete,
    audit_time_to_complete_suppressed,
    financial_years,
    median_half_up,
    section_good_or_better,
)
