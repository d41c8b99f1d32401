from django.urls import path

from . import census_import_views, views

app_name = "workforce"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures.csv", views.figures_csv, name="figures_csv"),
    path("figures.xlsx", views.figures_xlsx, name="figures_xlsx"),
    path("census/import/", census_import_views.census_import_upload, name="census_import"),
    path("census/import/confirm/", census_import_views.census_import_confirm, name="census_import_confirm"),
    path("census/<int:year>/", views.census_return, name="census_return"),
    path("census/<int:year>/problems.csv", views.census_return_problems_csv, name="census_return_problems_csv"),
    path("census/<int:year>/return.xml", views.census_return_xml, name="census_return_xml"),
    path("imports/", views.imports, name="imports"),
    path("imports/upload/", views.import_upload, name="import_upload"),
    path("imports/template.csv", views.import_template_csv, name="import_template_csv"),
    path("imports/columns/", views.import_columns, name="import_columns"),
    path("imports/mappings/", views.column_mappings, name="column_mappings"),
    path("imports/mappings/new/", views.column_mapping_edit, name="column_mapping_create"),
    path("imports/mappings/<int:pk>/", views.column_mapping_edit, name="column_mapping_edit"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", views.import_confirm, name="import_confirm"),
    path("establishment/", views.establishment_page, name="establishment"),
    path("establishment/record/", views.establishment_create, name="establishment_create"),
    path("staff/<int:pk>/absence/new/", views.absence_create, name="absence_create"),
    path("staff/<int:pk>/details/", views.personal_details, name="personal_details"),
    path("staff/<int:pk>/assignments/<int:assignment_pk>/", views.assignment_details, name="assignment_details"),
]
