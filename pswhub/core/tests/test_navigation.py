"""The way around: areas in the service navigation, each area's pages under it, and only what a
role may open."""

import pytest
from django.urls import reverse

from pswhub.core import navigation


def labels(items):
    return [item["text"] for item in items]


def test_the_psw_sees_every_area_they_work_in(psw):
    assert labels(navigation.navigation_for(psw, "/")) == [
        "Home",
        "Practice",
        "Workforce",
        "People development",
        "Staff voice",
        "Governance and reports",
        "Organisation",
    ]


def test_a_councillor_sees_no_staff_records_and_no_work_plan(councillor):
    pages = labels(navigation.pages_for(councillor))
    assert "Staff" not in pages
    assert "Work plan" not in pages
    assert "Users" not in pages


def test_only_the_administrator_manages_users(admin_user, psw):
    assert "Users" in labels(navigation.pages_for(admin_user))
    assert "Users" not in labels(navigation.pages_for(psw))


def test_an_area_opens_its_first_page_the_user_may_open(psw, north_worker):
    psw_areas = {item["text"]: item["href"] for item in navigation.navigation_for(psw, "/")}
    assert psw_areas["Workforce"] == reverse("workforce:dashboard")
    # A social worker may not open the workforce figures, so the area is not offered at all.
    assert "Workforce" not in labels(navigation.navigation_for(north_worker, "/"))


def test_the_current_area_and_page_are_marked(psw):
    path = reverse("workforce:establishment")
    areas = navigation.navigation_for(psw, path)
    assert [item["text"] for item in areas if item["active"]] == ["Workforce"]
    sub = navigation.subnavigation_for(psw, path)
    assert sub["label"] == "Workforce"
    assert labels(sub["items"]) == [
        "Workforce figures", "Trends", "Breakdowns", "Equality", "England comparison", "At a date", "Month by month",
        "Establishment", "Staff", "This year's census return", "Agency social workers", "Agency figures", "Benchmarking",
        "Regional network packs",
    ]  # fmt: skip
    # The establishment's address lies inside the dashboard's: only the longer one is current.
    assert [item["text"] for item in sub["items"] if item["active"]] == ["Establishment"]


def test_a_page_beneath_an_area_page_belongs_to_that_area(psw):
    sub = navigation.subnavigation_for(psw, reverse("governance:meeting_create"))
    assert [item["text"] for item in sub["items"] if item["active"]] == ["Committee meetings"]


def test_an_area_with_one_page_for_the_user_has_no_sub_navigation(north_worker):
    # The worker's home page is the only page of the Home area.
    assert navigation.subnavigation_for(north_worker, "/") is None


def test_no_navigation_before_signing_in(client, db):
    from django.contrib.auth.models import AnonymousUser

    assert navigation.navigation_for(AnonymousUser(), "/") == []


def test_a_page_must_name_a_known_area():
    with pytest.raises(ValueError, match="not one of the areas"):
        navigation.register(area="Elsewhere", label="X", url_name="core:home")


def test_the_sub_navigation_is_on_the_page_and_names_its_area(client, psw):
    client.force_login(psw)
    page = client.get(reverse("governance:action_list")).content.decode()
    assert '<nav class="app-sub-navigation" aria-label="Governance and reports">' in page
    assert f'href="{reverse("governance:action_list")}" aria-current="page">Committee actions</a>' in page


def test_a_census_year_belongs_to_this_years_census_return(psw):
    sub = navigation.subnavigation_for(psw, reverse("workforce:census_return", args=[2026]))
    assert [item["text"] for item in sub["items"] if item["active"]] == ["This year's census return"]
