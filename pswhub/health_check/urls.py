from django.urls import path

from . import views

app_name = "health_check"

urlpatterns = [
    path("", views.home, name="home"),
    path("runs/<int:pk>/answer/", views.answer, name="answer"),
    path("results/", views.run_list, name="run_list"),
    path("runs/new/", views.run_create, name="run_create"),
    path("runs/<int:pk>/", views.run_results, name="run_results"),
    path("runs/<int:pk>/comments/", views.comment_list, name="comment_list"),
    path("comments/<uuid:pk>/review/", views.comment_review, name="comment_review"),
    path("questions/", views.question_list, name="question_list"),
    path("questions/new/", views.question_create, name="question_create"),
    path("questions/<int:pk>/", views.question_edit, name="question_edit"),
    path("lga/new/", views.lga_result_entry, name="lga_result_entry"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/publish/", views.plan_publish, name="plan_publish"),
    path("plans/<int:pk>/themes/new/", views.theme_create, name="theme_create"),
    path("themes/<int:pk>/commitments/new/", views.commitment_create, name="commitment_create"),
    path("commitments/<int:pk>/", views.commitment_detail, name="commitment_detail"),
    path("practitioners/", views.frontline_list, name="frontline_list"),
    path("practitioners/new/", views.frontline_create, name="frontline_create"),
    path("practitioners/<int:pk>/", views.frontline_detail, name="frontline_detail"),
]
