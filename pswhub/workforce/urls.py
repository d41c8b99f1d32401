from django.urls import path

from . import views

app_name = "workforce"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("census/<int:year>/", views.census_return, name="census_return"),
    path("census/<int:year>/problems.csv", views.census_return_problems_csv, name="census_return_problems_csv"),
    path("census/<int:year>/return.xml", views.census_return_xml, name="census_return_xml"),
]
