"""Every part of a page sits inside a landmark, a back link included: axe's `region` rule runs
with the WCAG rules on every page the browser tests check."""

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import UserFactory

from .conftest import PASSWORD, assert_no_axe_violations, sign_in


def test_a_back_link_sits_in_a_navigation_landmark_named_back(page, council):
    UserFactory(username="psw", first_name="Priya", roles=[roles.PSW], password=PASSWORD)
    sign_in(page, "psw", password=PASSWORD)

    page.goto("/learning/supervision/imports/")

    back = page.get_by_role("navigation", name="Back")
    expect(back.get_by_role("link", name="Back to supervision")).to_be_visible()
    assert page.locator("main .govuk-back-link").count() == 0
    assert_no_axe_violations(page)


def test_axe_finds_content_outside_every_landmark(page, council):
    page.goto("/accounts/login/")
    page.evaluate("document.body.insertAdjacentHTML('afterbegin', '<p>Outside every landmark</p>')")

    with pytest.raises(pytest.fail.Exception, match="region"):
        assert_no_axe_violations(page)
