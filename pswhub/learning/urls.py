from django.urls import path

from pswhub.core.imports.views import page_views, template_view

from . import import_views, views

app_name = "learning"

import_upload, import_detail, import_confirm = page_views(import_views.LEARNING_PAGES)
supervision_upload, supervision_detail, supervision_confirm = page_views(import_views.SUPERVISION_PAGES)

urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.event_list, name="event_list"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("bookings/<int:pk>/remove/", views.booking_remove, name="booking_remove"),
    path("topics/", views.topics, name="topics"),
    path("themes/", views.themes, name="themes"),
    path("supervision/", views.supervision_overview, name="supervision"),
    path("mine/", views.own_learning, name="mine"),
    path("staff/<int:pk>/", views.staff_learning, name="staff"),
    path("staff/<int:pk>/supervision/new/", views.supervision_record, name="supervision_record"),
    path("staff/<int:pk>/newly-qualified/", views.newly_qualified, name="newly_qualified"),
    path("imports/", import_upload, name="import_upload"),
    path("imports/template.csv", template_view(import_views.LEARNING_PAGES), name="import_template"),
    path("imports/<int:pk>/", import_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", import_confirm, name="import_confirm"),
    path("supervision/imports/", supervision_upload, name="supervision_import_upload"),
    path(
        "supervision/imports/template.csv",
        template_view(import_views.SUPERVISION_PAGES),
        name="supervision_import_template",
    ),
    path("supervision/imports/<int:pk>/", supervision_detail, name="supervision_import_detail"),
    path("supervision/imports/<int:pk>/confirm/", supervision_confirm, name="supervision_import_confirm"),
]
