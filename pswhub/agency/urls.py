from django.urls import path

from . import views

app_name = "agency"

urlpatterns = [
    path("", views.engagement_list, name="list"),
    path("new/", views.engagement_create, name="create"),
    path("<int:pk>/edit/", views.engagement_edit, name="edit"),
    path("<int:pk>/end/", views.engagement_end, name="end"),
    path("figures/", views.figures, name="figures"),
    path("price-cap/", views.price_cap, name="price_cap"),
]
