from django.urls import path

from . import views

app_name = "registrations"

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
]
