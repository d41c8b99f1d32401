from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_create, name="report_create"),
    path("template/", views.template_manage, name="template_manage"),
    path("template/default.docx", views.template_default_download, name="template_default"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("<int:pk>/choices/", views.report_choices, name="report_choices"),
    path("<int:pk>/sections/<slug:key>/", views.narrative_edit, name="narrative_edit"),
    path("<int:pk>/publish/", views.report_publish, name="report_publish"),
    path("<int:pk>/files/", views.export_create, name="export_create"),
    path("published/<int:pk>/", views.version_detail, name="version_detail"),
    path("published/<int:pk>/report.html", views.version_html, name="version_html"),
    path("published/<int:pk>/files/", views.export_create, {"published": True}, name="version_export_create"),
    path("files/<int:pk>/", views.export_detail, name="export_detail"),
    path("files/<int:pk>/download/", views.export_download, name="export_download"),
]
