"""Forms in their error and filled states: what a person sees when they get something wrong, and
what happens when they get it right."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from pswhub.core.forms import LEFT_BEFORE_STARTED, USERNAME_TAKEN
from pswhub.core.models import StaffMember, User
from pswhub.core.tests.factories import StaffMemberFactory

from .conftest import (
    PASSWORD,
    assert_no_axe_violations,
    assert_no_escaped_markup,
    error_summary,
    go_to,
    heading,
    sign_in,
)


@pytest.fixture
def admin_signed_in(page, admin_with_app, north_team):
    _, secret = admin_with_app
    sign_in(page, "admin", password=PASSWORD, totp_secret=secret)
    expect(heading(page)).to_have_text("Hello, Ada")
    return page


def open_add_a_user(page):
    go_to(page, "Organisation", "Users")
    page.get_by_role("button", name="Add a user").click()
    expect(heading(page)).to_have_text("Add a user")


def test_the_add_a_user_form_lists_each_mistake_and_links_to_its_field(admin_signed_in):
    page = admin_signed_in
    open_add_a_user(page)
    expect(error_summary(page)).to_have_count(0)
    assert_no_axe_violations(page)

    # When the administrator submits the form with nothing in it
    page.get_by_role("button", name="Add user").click()

    # then the error summary has focus and lists each missing answer, linked to its field
    expect(page).to_have_title(re.compile(r"^Error: Add a user"))
    expect(error_summary(page)).to_be_focused()
    summary_links = error_summary(page).get_by_role("link")
    expect(summary_links).to_have_text(["Enter a username", "Enter their first name", "Enter their last name"])
    assert [link.get_attribute("href") for link in summary_links.all()] == [
        "#id_username",
        "#id_first_name",
        "#id_last_name",
    ]
    # and each field shows its own message
    expect(page.locator("#id_username-error")).to_contain_text("Enter a username")
    # and the page is accessible in its error state
    assert_no_axe_violations(page)

    # and following a link in the summary takes them to the field
    summary_links.nth(1).click()
    expect(page.locator("#id_first_name")).to_be_focused()

    # and no account was made
    assert list(User.objects.values_list("username", flat=True)) == ["admin"]

    # when they then choose a username someone already has
    page.fill("#id_username", "ADMIN")
    page.fill("#id_first_name", "Another")
    page.fill("#id_last_name", "Person")
    page.get_by_role("button", name="Add user").click()

    # then they are told to choose another, and still no account was made
    expect(error_summary(page).get_by_role("link", name=USERNAME_TAKEN)).to_have_attribute("href", "#id_username")
    assert_no_axe_violations(page)
    assert not User.objects.filter(first_name="Another").exists()


def test_an_administrator_adds_a_user_with_a_role_and_sees_them_in_the_list(admin_signed_in):
    page = admin_signed_in
    open_add_a_user(page)

    # When the administrator fills in the form and gives the new person a role
    page.fill("#id_username", "sam.patel@testshire.example")
    page.fill("#id_first_name", "Sam")
    page.fill("#id_last_name", "Patel")
    page.fill("#id_email", "sam.patel@testshire.example")
    page.get_by_role("group", name="Roles").get_by_label("Social worker", exact=True).check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Add user").click()

    # then they are back at the list of users, told the account was made
    expect(heading(page)).to_have_text("Users")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Account sam.patel@testshire.example has been created"
    )
    # and the new person is in the list with their role and no authenticator app yet
    row = page.get_by_role("row").filter(has_text="sam.patel@testshire.example")
    expect(row.get_by_role("cell")).to_have_text(
        ["sam.patel@testshire.example", "Sam Patel", "Social worker", "Not set up", "Active"]
    )
    assert_no_axe_violations(page)
    assert_no_escaped_markup(page)
    # and the account exists with that role
    assert User.objects.get(username="sam.patel@testshire.example").role_codes == {"social_worker"}


def test_an_hr_officer_cannot_save_a_leaving_date_before_the_start_date(page, council, hr_officer, north_team):
    StaffMemberFactory(
        first_name="Priya", last_name="Shah", employee_number="E1001", team=north_team, started_on=date(2019, 4, 1)
    )

    # Given the HR officer is signed in and finds Priya Shah's record by her employee number
    sign_in(page, "hr", password=PASSWORD)
    go_to(page, "Workforce", "Staff")
    page.get_by_label("Name or employee number").fill("E1001")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Priya Shah").click()
    expect(heading(page)).to_have_text("Priya Shah")
    page.get_by_role("button", name="Change this record").click()
    expect(heading(page)).to_have_text("Change Priya Shah’s record")
    assert_no_axe_violations(page)

    # when they say she left the year before she started
    started = page.get_by_role("group", name="Date they started")
    expect(started.get_by_label("Year")).to_have_value("2019")
    left = page.get_by_role("group", name="Date they left")
    left.get_by_label("Day").fill("31")
    left.get_by_label("Month").fill("3")
    left.get_by_label("Year").fill("2018")
    page.get_by_role("button", name="Save changes").click()

    # then the error summary says why and links to the leaving date
    expect(error_summary(page)).to_be_focused()
    link = error_summary(page).get_by_role("link", name=LEFT_BEFORE_STARTED)
    expect(link).to_have_attribute("href", "#id_left_on-day")
    expect(page.locator("#id_left_on-error")).to_contain_text(LEFT_BEFORE_STARTED)
    # and what they typed is kept
    expect(left.get_by_label("Year")).to_have_value("2018")
    assert_no_axe_violations(page)
    link.click()
    expect(left.get_by_label("Day")).to_be_focused()

    # and the record still shows her in post
    assert StaffMember.objects.get(employee_number="E1001").left_on is None
