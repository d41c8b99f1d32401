"""Browser journeys through a collaborative audit, with axe checking every page on the way:
an auditor does an audit, the case's worker responds, a moderator moderates it, and a manager
acknowledges a risk flag."""

import re

import pytest
from playwright.sync_api import expect

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


def assert_no_escaped_markup(tab):
    """Fails if a table shows HTML as text, as it does when markup is escaped twice."""
    text = tab.locator("main").inner_text()
    assert not [fragment for fragment in ("<a ", "</a>", "<span", "&lt;", "&amp;") if fragment in text], tab.url


def test_a_collaborative_audit_from_start_to_moderation(reference_data_restored, page, demo_council):  # noqa: F811
    # Given the demo council, when the team manager, who also audits, starts a dip sample of a
    # case in Assessment North (a team they manage, so they may name its social worker)
    sign_in(page, "demo-manager")
    go_to(page, "Practice", "Audits")
    expect(heading(page)).to_have_text("Case file audits")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Start an audit").click()
    assert_no_axe_violations(page)
    page.get_by_label("Dip sample").check()
    page.get_by_label("Case reference").fill("C300001")
    page.get_by_label("The case's team").select_option(label="Assessment North")
    page.get_by_label("The case's social worker (optional)").select_option(label="Wendy Okafor")
    page.get_by_role("button", name="Start the audit").click()

    # then they fill in the sections and grade it
    expect(heading(page)).to_have_text("Audit of case C300001")
    assert_no_axe_violations(page)
    page.get_by_role("group", name="Grade for compliance").get_by_label("Requires improvement to be good").check()
    page.get_by_role("group", name="Are statutory visits within timescale?").get_by_label("No").check()
    page.get_by_label("Evidence for compliance").fill("Two visits missed since June.")
    page.get_by_role("group", name="Overall grade").get_by_label("Inadequate").check()
    page.get_by_label("Areas for development").fill("Visits must be within timescale.")
    page.get_by_role("group", name="Learning themes").get_by_label("Voice of the child").check()
    page.get_by_role("button", name="Save and continue").click()

    # and check and submit it
    expect(heading(page)).to_have_text("Check the audit of case C300001")
    expect(page.locator("main")).to_contain_text("Two visits missed since June.")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Submit the audit").click()
    expect(heading(page)).to_have_text("Case C300001")
    expect(page.locator("main")).to_contain_text("Awaiting moderation")
    assert_no_axe_violations(page)
    sign_out(page)

    # When the case's social worker signs in, they have been told, and their home page leads
    # them to the audits of their cases, where they can read the audit and respond
    sign_in(page, "demo-worker")
    expect(page.locator("main")).to_contain_text("Case C300001 is being audited")
    page.get_by_role("link", name=re.compile("Audits of your cases in progress")).click()
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="C300001").click()
    page.get_by_label("Add what you see, or respond to the audit").fill(
        "The missed visits were during my leave; cover is now arranged."
    )
    page.get_by_role("button", name="Add to the audit").click()
    expect(page.locator("main")).to_contain_text("cover is now arranged")
    expect(page.locator("main")).to_contain_text("(Social worker)")
    assert_no_axe_violations(page)
    sign_out(page)

    # When the QA officer signs in, the audit waits for moderation on their home page
    sign_in(page, "demo-qa")
    page.get_by_role("link", name=re.compile("Audits awaiting moderation")).click()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="C300001").click()
    page.get_by_role("button", name="Moderate this audit").click()
    expect(heading(page)).to_have_text("Moderate the audit of case C300001")
    assert_no_axe_violations(page)
    page.get_by_role("group", name="Moderated grade").get_by_label("Requires improvement to be good").check()
    page.get_by_label("Comments for the auditor").fill("The plan is in place; the visits are the gap.")
    page.get_by_role("button", name="Save the moderated grade").click()

    # then both grades are shown and the audit is completed
    expect(page.locator("main")).to_contain_text("Completed")
    moderation = page.locator("main")
    expect(moderation).to_contain_text("Inadequate")
    expect(moderation).to_contain_text("Requires improvement to be good")
    assert_no_axe_violations(page)


def test_a_manager_acknowledges_a_risk_flag(reference_data_restored, page, demo_council):  # noqa: F811
    # Given an open risk flag on an audit in the North Locality, the manager sees it at once
    sign_in(page, "demo-manager")
    alert = page.get_by_role("link", name=re.compile("Children who may be at risk now: 1"))
    expect(alert).to_be_visible()
    assert_no_axe_violations(page)
    alert.click()
    page.get_by_role("link", name="C204517").click()
    expect(page.locator("main")).to_contain_text("This child may be at risk now")
    assert_no_axe_violations(page)

    # When they acknowledge it, it leaves their home page
    page.get_by_role("button", name="Acknowledge the risk flag").click()
    expect(page.locator("main")).to_contain_text("Acknowledged by Marcus Green")
    assert_no_axe_violations(page)
    page.goto("/")
    expect(page.locator("main")).not_to_contain_text("Children who may be at risk now")


def test_the_dashboard_for_a_councillor_is_accessible(reference_data_restored, page, demo_council):  # noqa: F811
    sign_in(page, "demo-councillor")
    page.goto("/audits/")
    expect(heading(page)).to_have_text("Case file audits")
    expect(page.locator("main")).not_to_contain_text("Audits you can see")
    assert_no_axe_violations(page)
