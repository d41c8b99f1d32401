from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("organisation/", views.organisation, name="organisation"),
    path("organisation/council/", views.authority_edit, name="authority_edit"),
    path("teams/", views.team_list, name="team_list"),
    path("teams/new/", views.team_create, name="team_create"),
    path("teams/<int:pk>/edit/", views.team_edit, name="team_edit"),
    path("teams/<int:pk>/", views.team_detail, name="team_detail"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/new/", views.staff_create, name="staff_create"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/edit/", views.staff_edit, name="staff_edit"),
    path("history/", views.change_history, name="history"),
    path("sent-to-you/", views.notification_list, name="notification_list"),
    path("users/", views.user_list, name="user_list"),
    path("users/new/", views.user_create, name="user_create"),
    path("users/roles/", views.role_list, name="role_list"),
    path("users/<int:pk>/", views.user_edit, name="user_edit"),
    path("users/<int:pk>/reset-mfa/", views.user_reset_mfa, name="user_reset_mfa"),
    path("users/<int:pk>/unlock-sign-in/", views.user_sign_in_unlock, name="user_sign_in_unlock"),
    path(
        "users/role-grants/<int:pk>/approve/",
        views.role_grant_decide,
        {"decision": "approve"},
        name="role_grant_approve",
    ),
    path(
        "users/role-grants/<int:pk>/refuse/",
        views.role_grant_decide,
        {"decision": "refuse"},
        name="role_grant_refuse",
    ),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("cookies/", views.cookies, name="cookies"),
]
