from django.urls import path

from pswhub.core.imports.views import page_views, template_view

from . import views

app_name = "workload"

caseload_upload, caseload_detail, caseload_confirm = page_views(views.CASELOAD_PAGES)

urlpatterns = [
    path("", views.team_workload, name="team"),
    path("schemes/", views.scheme_list, name="scheme_list"),
    path("schemes/<int:service_pk>/", views.scheme_edit, name="scheme_edit"),
    path("early-career/", views.early_career_list, name="early_career_list"),
    path("early-career/add/", views.early_career_edit, name="early_career_add"),
    path("early-career/<int:pk>/", views.early_career_edit, name="early_career_edit"),
    path("imports/", caseload_upload, name="import_upload"),
    path("imports/template.csv", template_view(views.CASELOAD_PAGES), name="import_template"),
    path("imports/<int:pk>/", caseload_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", caseload_confirm, name="import_confirm"),
]
