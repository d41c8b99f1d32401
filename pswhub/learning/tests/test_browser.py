"""Browser journeys, with axe checking every page on the way: a team manager records a supervision session for a worker in their team; the PSW adds a
learning event with its topic, then names who attended, and finds it by topic."""

from datetime import date

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory, UserFactory
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    PASSWORD,
    assert_no_axe_violations,
    browser,
    council,
    fill_date,
    go_to,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def people(council):  # noqa: F811
    team = TeamFactory(name="Assessment North", service__authority=council)
    worker = UserFactory(username="wes", first_name="Wes", last_name="Ormerod", roles=[roles.SOCIAL_WORKER])
    member = StaffMemberFactory(
        user=worker, team=team, first_name="Wes", last_name="Ormerod", started_on=date(2020, 1, 6)
    )
    manager = UserFactory(
        username="mina", first_name="Mina", last_name="Ngata", roles=[roles.TEAM_MANAGER], managed_teams=[team]
    )
    UserFactory(username="priya", first_name="Priya", last_name="Sharma", roles=[roles.PSW])
    return {"worker": worker, "member": member, "manager": manager}


def test_a_manager_records_a_supervision_session(reference_data_restored, page, people):  # noqa: F811
    sign_in(page, "mina", PASSWORD)
    go_to(page, "People development", "Supervision")
    expect(heading(page)).to_have_text("Supervision")
    expect(page.get_by_role("row").filter(has_text="Wes Ormerod")).to_contain_text("None recorded")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Wes Ormerod").click()
    page.get_by_role("button", name="Record a supervision session").click()
    assert_no_axe_violations(page)
    fill_date(page, "Date of the session", date(2026, 12, 1))
    page.get_by_label("Individual").check()
    page.get_by_label("Length in minutes").fill("95")
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The supervision session has been recorded")
    expect(page.get_by_role("row").filter(has_text="1 December 2026")).to_contain_text("95 minutes")
    assert_no_axe_violations(page)


def test_the_psw_adds_a_learning_event_with_attendance_and_finds_it_by_topic(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    people,
):
    sign_in(page, "priya", PASSWORD)
    go_to(page, "People development", "Learning")
    page.get_by_role("link", name="Learning events", exact=True).click()
    expect(heading(page)).to_have_text("Learning events")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Add a learning event").click()
    assert_no_axe_violations(page)
    page.get_by_label("Title").fill("Parental alienation: understanding the evidence")
    page.get_by_label("Course session").check()
    page.get_by_label("Children's services").check()
    fill_date(page, "Date", date(2026, 11, 12))
    page.get_by_label("Parental alienation").check()
    page.get_by_label("Places", exact=True).fill("25")
    page.get_by_role("button", name="Save event").click()
    expect(heading(page)).to_have_text("Parental alienation: understanding the evidence")
    assert_no_axe_violations(page)

    # names who attended
    page.get_by_label("Person").select_option(label="Wes Ormerod (" + people["member"].employee_number + ")")
    page.get_by_label("Yes, they attended").check()
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_role("row").filter(has_text="Wes Ormerod")).to_contain_text("Attended")
    expect(page.locator(".govuk-summary-list")).to_contain_text("People who attended")
    assert_no_axe_violations(page)

    # and the topic search answers which courses cover parental alienation
    page.goto("/learning/events/")
    page.get_by_label("Topic", exact=True).fill("alienation")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#topic-result")).to_contain_text("0 planned and 1 held")
    expect(page.get_by_role("table")).to_contain_text("12 November 2026")
    assert_no_axe_violations(page)
