from django.urls import path

from pswhub.core.imports.views import page_views, template_view

from . import import_views, views

app_name = "agency"

import_upload, import_detail, import_confirm = page_views(import_views.ENGAGEMENT_PAGES)

urlpatterns = [
    path("", views.engagement_list, name="list"),
    path("new/", views.engagement_create, name="create"),
    path("<int:pk>/edit/", views.engagement_edit, name="edit"),
    path("<int:pk>/end/", views.engagement_end, name="end"),
    path("figures/", views.figures, name="figures"),
    path("price-cap/", views.price_cap, name="price_cap"),
    path("imports/", import_upload, name="import_upload"),
    path("imports/template.csv", template_view(import_views.ENGAGEMENT_PAGES), name="import_template"),
    path("imports/<int:pk>/", import_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", import_confirm, name="import_confirm"),
]
