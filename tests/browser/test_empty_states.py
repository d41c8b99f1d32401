"""A council that has just started: an authority, but no teams or staff yet. Every page says there
is nothing yet, and says it accessibly."""

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import AuthorityFactory, UserFactory

from .conftest import assert_no_axe_violations, heading, sign_in

PASSWORD = "correct-horse-battery"


@pytest.fixture
def new_council(page):
    authority = AuthorityFactory(name="Newshire Council")
    UserFactory(username="newpsw", first_name="Nia", roles=[roles.PSW], password=PASSWORD)
    return authority


@pytest.mark.parametrize(
    ("link", "title", "nothing_yet"),
    [
        ("Organisation", "Newshire Council", "No services have been set up yet."),
        ("Teams", "Teams", "There are no teams for you to see."),
        ("Staff", "Staff", "No staff match your search."),
        ("Change history", "Change history", "No changes have been recorded yet."),
    ],
)
def test_a_page_with_nothing_on_it_yet_says_so_accessibly(page, new_council, link, title, nothing_yet):
    # Given a PSW of a council with no teams or staff yet, signed in
    sign_in(page, "newpsw", password=PASSWORD)
    expect(heading(page)).to_have_text("Hello, Nia")

    # when they open the page from the service navigation
    page.get_by_role("navigation", name="Main").get_by_role("link", name=link, exact=True).click()

    # then it says there is nothing yet, shows no empty table, and axe finds nothing
    expect(heading(page)).to_have_text(title)
    expect(page.get_by_text(nothing_yet)).to_be_visible()
    expect(page.locator("main table")).to_have_count(0)
    assert_no_axe_violations(page)


def test_the_home_page_of_a_new_council_has_nothing_to_ask_of_them(page, new_council):
    sign_in(page, "newpsw", password=PASSWORD)

    expect(page.get_by_text("Nothing needs your attention.")).to_be_visible()
    expect(page.get_by_role("heading", name="Teams")).to_have_count(0)
    assert_no_axe_violations(page)
