from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("priorities/new/", views.priority_create, name="priority_create"),
    path("priorities/<int:pk>/", views.priority_detail, name="priority_detail"),
    path("priorities/<int:pk>/edit/", views.priority_edit, name="priority_edit"),
    path("priorities/<int:pk>/carry-forward/", views.priority_carry_forward, name="priority_carry_forward"),
    path("committees/", views.meeting_list, name="meeting_list"),
    path("committees/new/", views.meeting_create, name="meeting_create"),
    path("committees/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("actions/", views.action_list, name="action_list"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("peer-reviews/", views.peer_review_list, name="peer_review_list"),
    path("peer-reviews/new/", views.peer_review_create, name="peer_review_create"),
    path("peer-reviews/<int:pk>/", views.peer_review_detail, name="peer_review_detail"),
    path("findings/<int:pk>/respond/", views.finding_respond, name="finding_respond"),
]
