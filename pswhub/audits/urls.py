from django.urls import path

from pswhub.core.imports.views import page_views

from . import import_views, tool_views, views

app_name = "audits"

audits_upload, audits_preview, audits_confirm = page_views(import_views.AUDIT_PAGES)

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("teams/", views.dashboard_teams, name="teams"),
    path("list/", views.audit_list, name="list"),
    path("start/", views.audit_start, name="start"),
    path("<int:pk>/", views.audit_detail, name="detail"),
    path("<int:pk>/edit/", views.audit_edit, name="edit"),
    path("<int:pk>/check/", views.audit_check, name="check"),
    path("<int:pk>/contribute/", views.audit_contribute, name="contribute"),
    path("<int:pk>/risk-flags/", views.risk_flag_raise, name="risk_flag_raise"),
    path("<int:pk>/risk-flags/<int:flag_pk>/acknowledge/", views.risk_flag_acknowledge, name="risk_flag_acknowledge"),
    path("<int:pk>/actions/", views.action_add, name="action_add"),
    path("<int:pk>/actions/<int:action_pk>/done/", views.action_complete, name="action_complete"),
    path("<int:pk>/moderate/", views.audit_moderate, name="moderate"),
    path("cases/import/", import_views.case_import, name="case_import"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/sample/", views.plan_sample, name="plan_sample"),
    path("plans/<int:pk>/cases/<int:planned_pk>/assign/", views.planned_audit_assign, name="planned_audit_assign"),
    path("assignments/", views.assignments, name="assignments"),
    path("assignments/<int:planned_pk>/start/", views.planned_audit_start, name="planned_audit_start"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/assign/", views.plan_assign, name="plan_assign"),
    path("plans/<int:pk>/cases/<int:planned_pk>/remove/", views.planned_audit_remove, name="planned_audit_remove"),
    path("imports/", import_views.import_list, name="import_list"),
    path("imports/upload/", audits_upload, name="import_upload"),
    path("imports/uploads/<int:pk>/", audits_preview, name="import_preview"),
    path("imports/uploads/<int:pk>/confirm/", audits_confirm, name="import_confirm"),
    path("imports/<int:pk>/", import_views.import_detail, name="import_detail"),
    path("tools/", tool_views.tool_list, name="tool_list"),
    path("tools/new/", tool_views.tool_create, name="tool_create"),
    path("tools/<int:pk>/draft/", tool_views.tool_draft_create, name="tool_draft_create"),
    path("tools/versions/<int:pk>/", tool_views.tool_version, name="tool_version"),
    path("tools/versions/<int:pk>/publish/", tool_views.tool_version_publish, name="tool_version_publish"),
    path("tools/versions/<int:pk>/sections/new/", tool_views.section_add, name="section_add"),
    path("tools/sections/<int:pk>/", tool_views.section_edit, name="section_edit"),
    path("tools/sections/<int:pk>/move/", tool_views.section_move, name="section_move"),
    path("tools/sections/<int:pk>/remove/", tool_views.section_remove, name="section_remove"),
    path("tools/sections/<int:pk>/questions/new/", tool_views.question_add, name="question_add"),
    path("tools/questions/<int:pk>/", tool_views.question_edit, name="question_edit"),
    path("tools/questions/<int:pk>/move/", tool_views.question_move, name="question_move"),
    path("tools/questions/<int:pk>/remove/", tool_views.question_remove, name="question_remove"),
]
