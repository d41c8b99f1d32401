"""Every demo persona signs in, lands on their home page and walks the service navigation, and
every page they reach is free of WCAG 2.2 AA violations with the demo council's data on it."""

import re

import pytest
from playwright.sync_api import expect

from pswhub.core.demo import PERSONAS

from .conftest import assert_no_axe_violations, heading, set_up_authenticator_app, sign_in

# What each persona finds in the service navigation, in order: no more, no fewer.
EVERYTHING_BUT_USERS = ["Home", "Organisation", "Teams", "Staff", "Change history"]
NAVIGATION = {
    "demo-psw": EVERYTHING_BUT_USERS,
    "demo-qa": EVERYTHING_BUT_USERS,
    "demo-auditor": ["Home", "Organisation", "Teams"],
    "demo-manager": EVERYTHING_BUT_USERS,
    "demo-worker": ["Home", "Organisation", "Teams"],
    "demo-hr": EVERYTHING_BUT_USERS,
    "demo-head": EVERYTHING_BUT_USERS,
    "demo-councillor": ["Home", "Organisation"],
    "demo-admin": [*EVERYTHING_BUT_USERS, "Users"],
}
FIRST_NAMES = {username: first for username, first, *_ in PERSONAS}


def main_navigation(page):
    return page.get_by_role("navigation", name="Main")


@pytest.mark.parametrize("username", NAVIGATION)
def test_each_persona_walks_their_navigation_and_every_page_is_accessible(page, demo_council, username):
    # Given the demo council, when the persona signs in
    sign_in(page, username)
    if username == "demo-admin":
        # (an administrator sets up their authenticator app first)
        set_up_authenticator_app(page)
        main_navigation(page).get_by_role("link", name="Home").click()

    # then they land on their home page, which greets them by name
    expect(page).to_have_url(re.compile(r"/$"))
    expect(heading(page)).to_have_text(f"Hello, {FIRST_NAMES[username]}")
    assert_no_axe_violations(page)

    # and the navigation offers exactly the pages their role may open, then their account
    links = main_navigation(page).locator("a.govuk-service-navigation__link")
    labels = [label.strip() for label in links.all_inner_texts()]
    assert labels[: len(NAVIGATION[username])] == NAVIGATION[username]
    assert labels[len(NAVIGATION[username]) :] == [f"Your account ({FIRST_NAMES[username]} {_last_name(username)})"]

    # and when they follow each link in turn, each page opens, is marked as the current one and
    # axe finds nothing on it
    for label in labels:
        link = main_navigation(page).get_by_role("link", name=label, exact=True)
        with page.expect_navigation() as navigation:
            link.click()
        assert navigation.value.status == 200, f"{label} answered {navigation.value.status}"
        expect(heading(page)).to_be_visible()
        if label in NAVIGATION[username]:
            expect(main_navigation(page).get_by_role("link", name=label, exact=True)).to_have_attribute("aria-current", re.compile("page|true"))
        assert_no_axe_violations(page)


def _last_name(username):
    return next(last for name, _, last, *_ in PERSONAS if name == username)
