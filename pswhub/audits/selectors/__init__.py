"""Reads for audits: every figure the dashboard, the `audit_figures` command and the annual
report show is computed here, once. Definitions are in docs/audits.md.

The package's modules: `figures` (a period), `trends` (over the years), `pages` (what the audit
pages read) and `programme` (plans, assignments, tools, imports); every name is read from here."""

from .figures import (  # noqa: F401
    action_figures,
    audit_completed_by_team,
    audit_completed_by_team_suppressed,
    audit_figures,
    audit_figures_by_service,
    audit_figures_by_service_suppressed,
    audit_figures_suppressed,
    audit_figures_with_year_before,
    audit_section_grades,
    audit_theme_frequency,
    completed_in_scope,
    financial_year_bounds,
    financial_year_label,
    financial_year_of,
    good_or_better_codes,
    good_or_better_would_reveal,
    graded_figures,
    moderation_figures,
    percent_half_up,
    service_rows,
    team_and_descendant_ids,
    with_final_grade,
    year_before,
)
from .pages import (  # noqa: F401
    audit_dashboard,
    audit_detail,
    audit_list,
    audit_teams_of_year,
    audit_tools_active,
    audit_years,
    audits_awaiting_moderation,
    dashboard_access,
    drafts_of,
    ofsted_grades,
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
    audit_final_grade_counts,
    audit_good_or_better_trend,
    audit_good_or_better_trend_suppressed,
    audit_theme_trend,
    audit_theme_trend_suppressed,
    audit_time_to_complete,
    audit_time_to_complete_suppressed,
    figures_of_year,
    financial_year_case,
    median_half_up,
    section_good_or_better,
    years_span,
)
