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
]
