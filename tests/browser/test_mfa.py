"""An administrator must use an authenticator app: they set one up the first time they sign in,
and are asked for its code every time after."""

import re

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import UserFactory

from .conftest import (
    HOME,
    PASSWORD,
    assert_no_axe_violations,
    enter_authenticator_code,
    error_summary,
    go_to,
    heading,
    sign_in,
    sign_out,
    wrong_totp_code,
)


@pytest.fixture
def new_admin(council):
    return UserFactory(username="newadmin", first_name="Nadia", roles=[roles.ADMIN])


def test_an_administrator_sets_up_an_authenticator_app_before_anything_else(page, new_admin):
    # Given a new administrator, when they sign in with their password
    sign_in(page, "newadmin", password=PASSWORD)

    # then they are not taken home but asked to set up an authenticator app (confirming their
    # password first if PSW Hub asks)
    expect(page).not_to_have_url(HOME)
    expect(heading(page)).to_have_text(re.compile("^(Confirm it is you|Set up an authenticator app)$"))
    if heading(page).inner_text().strip() == "Confirm it is you":
        assert_no_axe_violations(page)
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Continue").click()
    expect(heading(page)).to_have_text("Set up an authenticator app")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/\?required=1"))
    expect(page.locator(".govuk-warning-text")).to_contain_text("Your role needs two-step sign-in")
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    assert_no_axe_violations(page)

    # and they cannot go round it by typing the address of a page
    page.goto("/users/")
    expect(page).to_have_url(re.compile(r"/accounts/"))
    expect(heading(page)).not_to_have_text("Users")

    # when they type in a wrong code
    page.goto("/accounts/2fa/totp/activate/?required=1")
    if heading(page).inner_text().strip() == "Confirm it is you":
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Continue").click()
    secret = page.locator("#authenticator-secret").inner_text().strip()
    page.fill("#id_code", wrong_totp_code(secret))
    page.get_by_role("button", name="Turn on").click()
    # then they are told, accessibly, and the app is not turned on
    expect(error_summary(page)).to_be_visible()
    assert_no_axe_violations(page)

    # when they type in the code their app shows
    secret = page.locator("#authenticator-secret").inner_text().strip()
    enter_authenticator_code(page, secret, button="Turn on")

    # then they are shown their recovery codes, and can go home
    expect(heading(page)).to_have_text("Your recovery codes")
    expect(page.locator("main code")).not_to_have_count(0)
    assert_no_axe_violations(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    expect(heading(page)).to_have_text("Hello, Nadia")

    # and when they sign out and in again, they are asked for the code
    sign_out(page)
    sign_in(page, "newadmin", password=PASSWORD)
    expect(heading(page)).to_have_text("Enter the code from your authenticator app")
    assert_no_axe_violations(page)
    # and a wrong code keeps them out, with an accessible error
    page.fill("#id_code", wrong_totp_code(secret))
    page.get_by_role("button", name="Continue").click()
    expect(error_summary(page)).to_be_visible()
    assert_no_axe_violations(page)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/"))
    expect(heading(page)).to_have_text("Enter the code from your authenticator app")

    # and the right code lets them in
    enter_authenticator_code(page, secret, button="Continue")
    expect(page).to_have_url(HOME)
    expect(heading(page)).to_have_text("Hello, Nadia")


def test_an_administrator_who_has_an_app_is_asked_for_its_code(page, admin_with_app):
    _, secret = admin_with_app

    sign_in(page, "admin", password=PASSWORD, totp_secret=secret)

    expect(heading(page)).to_have_text("Hello, Ada")
    go_to(page, "Organisation")
    expect(page.get_by_role("navigation", name="Organisation").get_by_role("link", name="Users")).to_be_visible()
