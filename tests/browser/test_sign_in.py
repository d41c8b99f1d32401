"""Signing in and out, and the pages anyone may read without signing in."""

import re

from playwright.sync_api import expect

from .conftest import PASSWORD, assert_no_axe_violations, error_summary, heading, sign_in, sign_out


def test_the_sign_in_page_is_accessible_before_anything_is_typed(page, council):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(heading(page)).to_have_text("Sign in to PSW Hub")
    expect(error_summary(page)).to_have_count(0)
    assert_no_axe_violations(page)


def test_a_wrong_password_shows_the_error_summary_and_keeps_them_out(page, council, psw):
    # Given the PSW on the sign-in page, when they type the wrong password
    sign_in(page, "psw", password="not-the-password")

    # then they stay on the sign-in page, with a GOV.UK error summary that has focus
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(error_summary(page)).to_be_visible()
    expect(error_summary(page)).to_be_focused()
    expect(error_summary(page)).to_contain_text("There is a problem")
    # and the page is still accessible in its error state
    assert_no_axe_violations(page)
    # and they still cannot open their home page
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def test_signing_out_ends_the_session(page, council, psw):
    # Given the PSW is signed in
    sign_in(page, "psw", password=PASSWORD)
    expect(heading(page)).to_have_text(f"Hello, {psw.first_name}")

    # when they sign out
    sign_out(page)

    # then they are back at the sign-in page, which is accessible
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(heading(page)).to_have_text("Sign in to PSW Hub")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    assert_no_axe_violations(page)
    # and the staff list now asks them to sign in again
    page.goto("/staff/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/staff/"))


PUBLIC_PAGES = ["Accessibility statement", "Privacy", "Cookies"]


def test_the_public_pages_are_accessible_to_someone_signed_out(page, council, subtests):
    for link in PUBLIC_PAGES:
        with subtests.test(page=link):
            # Given someone who has not signed in, on the sign-in page
            page.goto("/accounts/login/")

            # when they follow a link in the footer
            with page.expect_navigation() as navigation:
                page.get_by_role("contentinfo").get_by_role("link", name=link).click()

            # then the page opens without asking them to sign in, and axe finds nothing on it
            assert navigation.value.status == 200
            expect(heading(page)).to_contain_text(link)
            expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
            assert_no_axe_violations(page)
