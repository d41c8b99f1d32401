"""Browser journeys through people development, with axe checking every page on the way: the PSW
records a student placement, an ASYE review and a progression panel's decision."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    assert_no_axe_violations,
    assert_no_escaped_markup,
    browser,
    demo_council,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
)

pytestmark = pytest.mark.browser


def _fill_date(tab, name, day):
    tab.fill(f'[name="{name}-day"]', str(day.day))
    tab.fill(f'[name="{name}-month"]', str(day.month))
    tab.fill(f'[name="{name}-year"]', str(day.year))


def test_the_psw_records_a_placement_a_review_and_a_panel_decision(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
):
    today = timezone.localdate()
    # Given the demo council, when the PSW opens People development, they see the figures
    sign_in(page, "demo-psw")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People development").click()
    expect(heading(page)).to_contain_text("Figures for")
    assert_no_axe_violations(page)

    # When they record a placement, leaving out the student reference first
    page.get_by_role("navigation", name="People development").get_by_role("link", name="Placements").click()
    expect(heading(page)).to_have_text("Student placements")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Record a placement").click()
    page.get_by_label("University").fill("University of Northshire")
    page.get_by_label("Final placement").check()
    page.get_by_label("Days").fill("100")
    page.get_by_role("button", name="Save placement").click()
    # then the error is named, and the page is still accessible
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the student reference")
    assert_no_axe_violations(page)
    page.get_by_label("Student reference").fill("NS-TEST-001")
    page.get_by_label("Passed").check()
    page.get_by_role("button", name="Save placement").click()
    expect(page.locator("main")).to_contain_text("The placement of NS-TEST-001 has been saved")
    expect(page.get_by_role("link", name="NS-TEST-001")).to_be_visible()
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)

    # When they open an early career record and record its next review
    page.get_by_role("navigation", name="People development").get_by_role("link", name="Early careers").click()
    assert_no_axe_violations(page)
    page.locator("main table a").first.click()
    expect(page.locator("main")).to_contain_text("Reviews")
    assert_no_axe_violations(page)
    page.locator("main table").get_by_role("link", name="Record").first.click()
    _fill_date(page, "held_on", today)
    page.get_by_label("Some concerns").check()
    page.get_by_label("Notes").fill("Caseload to be reviewed with the team manager.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save review").click()
    expect(page.locator("main")).to_contain_text("has been recorded")
    expect(page.locator("main")).to_contain_text("Some concerns")
    assert_no_axe_violations(page)

    # When they open the latest progression panel and record a decision
    page.get_by_role("navigation", name="People development").get_by_role(
        "link", name="Progression", exact=True
    ).click()
    assert_no_axe_violations(page)
    page.locator("main table a").first.click()
    expect(heading(page)).to_contain_text("Panel of")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Record decision").first.click()
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the panel's decision")
    assert_no_axe_violations(page)
    page.get_by_label("Progressed").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.locator("main")).to_contain_text("has been recorded")
    expect(page.locator("main table")).to_contain_text("Progressed")
    assert_no_axe_violations(page)


def test_the_social_worker_sees_their_own_development(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
):
    sign_in(page, "demo-worker")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People development").click()
    expect(heading(page)).to_have_text("Your development")
    expect(page.locator("main")).to_contain_text("Experienced social worker")
    assert_no_axe_violations(page)
