from django.urls import path

from . import views

app_name = "audits"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
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
    path("cases/import/", views.case_import, name="case_import"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/sample/", views.plan_sample, name="plan_sample"),
    path("plans/<int:pk>/cases/<int:planned_pk>/assign/", views.planned_audit_assign, name="planned_audit_assign"),
    path("assignments/", views.assignments, name="assignments"),
    path("assignments/<int:planned_pk>/start/", views.planned_audit_start, name="planned_audit_start"),
]
