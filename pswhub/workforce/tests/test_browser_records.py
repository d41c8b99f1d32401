"""Browser journeys through the establishment and the staff record's workforce sections, with axe
checking every page: the HR officer reads the establishment at a date, records a team's funded
FTE, and records an absence and equality details on a staff record; a team manager sees their
own teams' establishment and no special category data."""

import pytest
from playwright.sync_api import expect

from pswhub.core.models import StaffMember
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    assert_no_axe_violations,
    browser,
    demo_council,
    go_to,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
    sign_out,
)

pytestmark = pytest.mark.browser


def test_the_hr_officer_keeps_establishment_and_records(reference_data_restored, page, demo_council):  # noqa: F811
    # Given the demo council, when the HR officer opens the establishment and chooses a date
    sign_in(page, "demo-hr")
    go_to(page, "Workforce", "Establishment")
    assert_no_axe_violations(page)
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("4")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Show").click()
    expect(heading(page)).to_have_text("Establishment on 1 April 2025")
    expect(page.locator("table").first).to_contain_text("Assessment South")

    # then records a team's funded FTE from a later date
    page.get_by_role("button", name="Record a team's funded FTE").click()
    assert_no_axe_violations(page)
    page.get_by_label("Team").select_option(label="Care Leavers")
    page.get_by_label("Funded FTE").fill("14.5")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Record funded FTE").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Funded FTE recorded for Care Leavers")
    expect(page.locator("table").first).to_contain_text("14.50")

    # and on Wendy Okafor's staff record sees her history and records an absence
    wendy = StaffMember.objects.get(first_name="Wendy", last_name="Okafor")
    page.goto(f"/staff/{wendy.pk}/")
    expect(page.get_by_role("heading", name="Employment history")).to_be_visible()
    expect(page.get_by_role("heading", name="Equality details")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Record an absence").click()
    assert_no_axe_violations(page)
    page.get_by_role("group", name="First day of absence").get_by_label("Day").fill("2")
    page.get_by_role("group", name="First day of absence").get_by_label("Month").fill("11")
    page.get_by_role("group", name="First day of absence").get_by_label("Year").fill("2026")
    page.get_by_label("Training").check()
    page.get_by_label("Working days lost").fill("1")
    page.get_by_role("button", name="Record absence").click()
    expect(page.locator("main")).to_contain_text("Training")

    # and changes her equality details
    page.get_by_role("link", name="Change the Social Work England number, route and equality details").click()
    assert_no_axe_violations(page)
    page.get_by_label("Ethnicity").select_option(label="Any other Mixed background")
    page.get_by_role("button", name="Save details").click()
    expect(page.locator("main")).to_contain_text("Any other Mixed background")


def test_a_team_manager_sees_their_teams_establishment_only(reference_data_restored, page, demo_council):  # noqa: F811
    sign_in(page, "demo-manager")
    go_to(page, "Workforce", "Establishment")
    assert_no_axe_violations(page)
    table = page.locator("table").first
    expect(table).to_contain_text("North Locality")
    expect(table).not_to_contain_text("Assessment South")
