"""A council that has just started: an authority, but no teams or staff yet. Every page says there
is nothing yet, and says it accessibly."""

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import AuthorityFactory, UserFactory

from .conftest import PASSWORD, assert_no_axe_violations, heading, sign_in

# (link in the service navigation, its heading, what it says when there is nothing yet)
EMPTY_PAGES = [
    ("Organisation", "Newshire Council", "No services have been set up yet."),
    ("Teams", "Teams", "There are no teams for you to see."),
    ("Staff", "Staff", "There are no staff records yet."),
    ("Change history", "Change history", "No changes have been recorded yet."),
]


@pytest.fixture
def new_council(page):
    authority = AuthorityFactory(name="Newshire Council")
    UserFactory(username="newpsw", first_name="Nia", roles=[roles.PSW], password=PASSWORD)
    return authority


def test_pages_with_nothing_on_them_yet_say_so_accessibly(page, new_council, subtests):
    # Given a PSW of a council with no teams or staff yet, when they sign in
    sign_in(page, "newpsw", password=PASSWORD)

    # then their home page has nothing to ask of them
    expect(heading(page)).to_have_text("Hello, Nia")
    expect(page.get_by_text("Nothing needs your attention.")).to_be_visible()
    expect(page.get_by_role("heading", name="Teams")).to_have_count(0)
    assert_no_axe_violations(page)

    for link, title, nothing_yet in EMPTY_PAGES:
        with subtests.test(page=link):
            # and when they open a page from the service navigation
            page.get_by_role("navigation", name="Main").get_by_role("link", name=link, exact=True).click()

            # then it says there is nothing yet, shows no empty table, and axe finds nothing
            expect(heading(page)).to_have_text(title)
            expect(page.get_by_text(nothing_yet)).to_be_visible()
            expect(page.locator("main table")).to_have_count(0)
            assert_no_axe_violations(page)
