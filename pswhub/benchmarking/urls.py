from django.urls import path

from pswhub.core.imports.views import page_views

from . import import_views, views

app_name = "benchmarking"

dfe_upload, dfe_detail, dfe_confirm = page_views(import_views.DFE_PAGES)
pack_upload, pack_detail, pack_confirm = page_views(import_views.PACK_PAGES)

urlpatterns = [
    path("", views.home, name="home"),
    path("comparators/", views.comparators, name="comparators"),
    path("dfe/", dfe_upload, name="dfe_upload"),
    path("dfe/<int:pk>/", dfe_detail, name="dfe_detail"),
    path("dfe/<int:pk>/confirm/", dfe_confirm, name="dfe_confirm"),
    path("packs/", views.packs_page, name="packs"),
    path("packs/export.json", views.pack_json, name="pack_json"),
    path("packs/export.csv", views.pack_csv, name="pack_csv"),
    path("packs/import/", pack_upload, name="pack_upload"),
    path("packs/import/<int:pk>/", pack_detail, name="pack_detail"),
    path("packs/import/<int:pk>/confirm/", pack_confirm, name="pack_confirm"),
    path("packs/<int:pk>/remove/", views.pack_remove, name="pack_remove"),
]
