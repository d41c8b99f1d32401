from django.urls import path

from pswhub.core.imports.views import page_views, template_view

from . import census_views, figure_views, import_views, views

app_name = "workforce"

census_upload, census_detail, census_confirm = page_views(import_views.CENSUS_PAGES)
extract_upload, extract_detail, extract_confirm = page_views(import_views.HR_PAGES)

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("figures.csv", views.figures_csv, name="figures_csv"),
    path("figures.xlsx", views.figures_xlsx, name="figures_xlsx"),
    path("trends/", figure_views.trends, name="trends"),
    path("breakdowns/", figure_views.breakdowns, name="breakdowns"),
    path("equality/", figure_views.equality, name="equality"),
    path("england/", figure_views.england, name="england"),
    path("at-a-date/", figure_views.at_date, name="at_date"),
    path("month-by-month/", figure_views.monthly, name="monthly"),
    path("census/import/", census_upload, name="census_import"),
    path("census/import/<int:pk>/", census_detail, name="census_import_detail"),
    path("census/import/<int:pk>/confirm/", census_confirm, name="census_import_confirm"),
    path("census/", census_views.census_open, name="census_open"),
    path("census/<int:year>/", census_views.census_return, name="census_return"),
    path("census/<int:year>/build/", census_views.census_build, name="census_build"),
    path("census/<int:year>/compare/", census_views.census_compare, name="census_compare"),
    path("census/<int:year>/submit/", census_views.census_submit, name="census_submit"),
    path("census/<int:year>/reopen/", census_views.census_reopen, name="census_reopen"),
    path("census/<int:year>/lines/<int:pk>/", census_views.census_line, name="census_line"),
    path("census/<int:year>/council/", census_views.census_council, name="census_council"),
    path(
        "census/<int:year>/corrections/<int:pk>/withdraw/",
        census_views.census_correction_withdraw_view,
        name="census_correction_withdraw",
    ),
    path("census/<int:year>/problems.csv", views.census_return_problems_csv, name="census_return_problems_csv"),
    path("census/<int:year>/return.xml", views.census_return_xml, name="census_return_xml"),
    path("imports/", import_views.imports, name="imports"),
    path("imports/upload/", extract_upload, name="import_upload"),
    path("imports/template.csv", template_view(import_views.HR_PAGES), name="import_template_csv"),
    path("imports/columns/", import_views.import_columns, name="import_columns"),
    path("imports/mappings/", import_views.column_mappings, name="column_mappings"),
    path("imports/mappings/new/", import_views.column_mapping_edit, name="column_mapping_create"),
    path("imports/mappings/<int:pk>/", import_views.column_mapping_edit, name="column_mapping_edit"),
    path("imports/<int:pk>/", extract_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", extract_confirm, name="import_confirm"),
    path("establishment/", views.establishment_page, name="establishment"),
    path("establishment/record/", views.establishment_create, name="establishment_create"),
    path("staff/<int:pk>/absence/new/", views.absence_create, name="absence_create"),
    path("staff/<int:pk>/details/", views.personal_details, name="personal_details"),
    path("staff/<int:pk>/assignments/<int:assignment_pk>/", views.assignment_details, name="assignment_details"),
]
