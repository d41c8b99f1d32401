"""A council that has just started: an authority, but no teams or staff yet. Every page says there
is nothing yet, and says it accessibly."""

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import AuthorityFactory, UserFactory

from .conftest import PASSWORD, assert_no_axe_violations, go_to, heading, sign_in

# (area in the service navigation, the page in the area's navigation, its heading, what it says
# when there is nothing yet)
EMPTY_PAGES = [
    ("Organisation", "Organisation", "Newshire Council", "No services have been set up yet."),
    ("Organisation", "Teams", "Teams", "There are no teams for you to see."),
    ("Workforce", "Staff", "Staff", "There are no staff records yet."),
    ("Workforce", "Agency social workers", "Agency social workers", "No agency engagement you may see is in force"),
    ("Organisation", "Change history", "Change history", "No changes have been recorded yet."),
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

    for area, link, title, nothing_yet in EMPTY_PAGES:
        with subtests.test(page=link):
            # and when they open a page from its area
            go_to(page, area, link)

            # then it says there is nothing yet, shows no empty table, and axe finds nothing
            expect(heading(page)).to_have_text(title)
            expect(page.get_by_text(nothing_yet)).to_be_visible()
            expect(page.locator("main table")).to_have_count(0)
            assert_no_axe_violations(page)
