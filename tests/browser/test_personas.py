"""Every demo persona signs in, lands on their home page and walks the service navigation (each
area, then each page of the area), and every page they reach is free of WCAG 2.2 AA violations
with the demo council's data on it.

One test walks all the personas, each as a subtest, so the demo council is loaded once."""

import re

from playwright.sync_api import expect

from pswhub.core.demo import PERSONAS
from pswhub.core.models import User
from pswhub.core.navigation import navigation_for, pages_for

from .conftest import (
    HOME,
    assert_no_axe_violations,
    assert_no_escaped_markup,
    heading,
    set_up_authenticator_app,
    sign_in,
)

USERNAMES = [username for username, *_ in PERSONAS]


def main_navigation(page):
    return page.get_by_role("navigation", name="Main")


def test_each_persona_walks_their_navigation_and_every_page_is_accessible(page, demo_council, subtests):
    for username in USERNAMES:
        with subtests.test(persona=username):
            page.context.clear_cookies()
            walk_the_navigation(page, User.objects.get(username=username))


def walk_the_navigation(page, user):
    # Given the demo council, when the persona signs in
    sign_in(page, user.username)
    if user.username == "demo-admin":
        # (an administrator sets up their authenticator app first)
        set_up_authenticator_app(page)
        main_navigation(page).get_by_role("link", name="Home").click()

    # then they land on their home page, which greets them by name
    expect(page).to_have_url(HOME)
    expect(heading(page)).to_have_text(f"Hello, {user.first_name}")
    assert_no_axe_violations(page)

    # and the service navigation offers exactly the areas their role may open
    links = main_navigation(page).locator("a.govuk-service-navigation__link")
    labels = [label.strip() for label in links.all_inner_texts()]
    assert labels == [item["text"] for item in navigation_for(user, "/")]
    pages = pages_for(user)
    page_labels = [item["text"] for item in pages]
    # (only the administrator manages users; a councillor sees no one's staff record)
    assert ("Users" in page_labels) == (user.username == "demo-admin")
    if user.username == "demo-councillor":
        assert "Staff" not in page_labels

    # and when they follow each area in turn, and each page the area lists, each page opens, is
    # marked as the current one, shows no markup as text, and axe finds nothing on it
    for label in labels:
        open_and_check(page, main_navigation(page), label)
        in_area = [item["text"] for item in pages if item["area"] == label]
        if len(in_area) > 1:
            for page_label in in_area:
                open_and_check(page, page.get_by_role("navigation", name=label, exact=True), page_label)

    # and their account page, linked from the header, is accessible too
    account = f"{user.display_name}, your account"
    page.get_by_role("navigation", name="Your account").get_by_role("link", name=account).click()
    expect(heading(page)).to_have_text("Your account")
    assert_no_axe_violations(page)


def open_and_check(page, navigation, label):
    with page.expect_navigation() as opened:
        navigation.get_by_role("link", name=label, exact=True).click()
    assert opened.value.status == 200, f"{label} answered {opened.value.status}"
    expect(heading(page)).to_be_visible()
    current = navigation.get_by_role("link", name=label, exact=True)
    expect(current).to_have_attribute("aria-current", re.compile("page|true"))
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)
