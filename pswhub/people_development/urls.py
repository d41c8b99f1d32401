from django.urls import path

from . import career_views, import_views, views

app_name = "people_development"

urlpatterns = [
    path("", views.home, name="home"),
    path("figures/", views.dashboard, name="dashboard"),
    path("placements/", views.placement_list, name="placement_list"),
    path("placements/add/", views.placement_edit, name="placement_add"),
    path("placements/<int:pk>/", views.placement_edit, name="placement_edit"),
    path("placements/income/", views.income_list, name="income_list"),
    path("placements/practice-educators/", views.educator_list, name="educator_list"),
    path("placements/practice-educators/add/", views.educator_edit, name="educator_add"),
    path("placements/practice-educators/<int:pk>/", views.educator_edit, name="educator_edit"),
    path("placements/cohorts/", views.cohort_list, name="cohort_list"),
    path("placements/cohorts/add/", views.cohort_add, name="cohort_add"),
    path("placements/cohorts/<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path("early-careers/", career_views.record_list, name="record_list"),
    path("early-careers/add/", career_views.record_edit, name="record_add"),
    path("early-careers/<int:pk>/", career_views.record_detail, name="record_detail"),
    path("early-careers/<int:pk>/edit/", career_views.record_edit, name="record_edit"),
    path("early-careers/<int:pk>/pauses/", career_views.pause_add, name="pause_add"),
    path("reviews/<int:pk>/", career_views.review_edit, name="review_edit"),
    path("progression/", career_views.panel_list, name="panel_list"),
    path("progression/add/", career_views.panel_add, name="panel_add"),
    path("progression/<int:pk>/", career_views.panel_detail, name="panel_detail"),
    path("progression/applications/add/", career_views.application_add, name="application_add"),
    path("progression/applications/<int:pk>/", career_views.application_decide, name="application_decide"),
    path("progression/accreditation/", career_views.accreditation_list, name="accreditation_list"),
    path("mine/", career_views.own, name="own"),
    path("placements/import/", import_views.placements_upload, name="import_placements"),
    path("placements/import/template.csv", import_views.placements_template, name="import_placements_template"),
    path("placements/import/<int:pk>/", import_views.placements_detail, name="import_placements_detail"),
    path("placements/import/<int:pk>/confirm/", import_views.placements_confirm, name="import_placements_confirm"),
    path("early-careers/import/", import_views.early_careers_upload, name="import_early_careers"),
    path(
        "early-careers/import/template.csv",
        import_views.early_careers_template,
        name="import_early_careers_template",
    ),
    path("early-careers/import/<int:pk>/", import_views.early_careers_detail, name="import_early_careers_detail"),
    path(
        "early-careers/import/<int:pk>/confirm/",
        import_views.early_careers_confirm,
        name="import_early_careers_confirm",
    ),
    path("progression/import/", import_views.progression_upload, name="import_progression"),
    path("progression/import/template.csv", import_views.progression_template, name="import_progression_template"),
    path("progression/import/<int:pk>/", import_views.progression_detail, name="import_progression_detail"),
    path("progression/import/<int:pk>/confirm/", import_views.progression_confirm, name="import_progression_confirm"),
]
