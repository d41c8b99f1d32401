from django.urls import path

from pswhub.core.imports.views import page_views, template_view

from . import import_views, views

app_name = "registrations"

import_upload, import_detail, import_confirm = page_views(import_views.RENEWAL_PAGES)

urlpatterns = [
    path("", views.home, name="home"),
    path("mine/", views.own_registration, name="mine"),
    path("new/", views.registration_create, name="create"),
    path("<int:pk>/", views.registration_detail, name="detail"),
    path("<int:pk>/edit/", views.registration_edit, name="edit"),
    path("<int:pk>/renewal/", views.renewal_record, name="renewal_record"),
    path("referrals/", views.referral_list, name="referral_list"),
    path("referrals/new/", views.referral_create, name="referral_create"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral_detail"),
    path("referrals/<int:pk>/edit/", views.referral_edit, name="referral_edit"),
    path("imports/", import_upload, name="import_upload"),
    path("imports/template.csv", template_view(import_views.RENEWAL_PAGES), name="import_template"),
    path("imports/<int:pk>/", import_detail, name="import_detail"),
    path("imports/<int:pk>/confirm/", import_confirm, name="import_confirm"),
]
