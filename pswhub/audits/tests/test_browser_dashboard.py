"""The audit dashboard in a browser, with axe: the PSW's charts, tables and drill-down; a
councillor's suppressed figures with no way through to audits."""

import pytest
from playwright.sync_api import expect

from pswhub.audits.tests.test_browser import assert_no_escaped_markup
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    assert_no_axe_violations,
    browser,
    demo_council,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
)

pytestmark = pytest.mark.browser


def test_the_psw_reads_the_figures_and_opens_a_teams_audits(reference_data_restored, page, demo_council):  # noqa: F811
    # Given the demo council's four years of audits, the PSW sees each chart with its table
    sign_in(page, "demo-psw")
    page.goto("/audits/")
    expect(heading(page)).to_have_text("Case file audits")
    main = page.locator("main")
    for title in ("Overall grades of completed audits", "good or better, per cent", "by service", "learning themes"):
        expect(main.locator("figure figcaption", has_text=title)).to_have_count(1)
    expect(main.locator("figure svg[role=img]:visible")).to_have_count(4)
    expect(main).to_contain_text("Median days from start to submission")
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)

    # When they open a team's completed audits from its count
    team_table = main.locator("table", has=page.locator("caption", has_text="Completed audits by team"))
    link = team_table.locator("a").first
    shown = int(link.inner_text().split()[0].replace(",", ""))
    link.click()
    # Then the list holds that many audits
    expect(page.locator("main caption")).to_have_text(f"{shown} audits")
    assert_no_axe_violations(page)


def test_a_councillor_sees_the_charts_without_drill_down(reference_data_restored, page, demo_council):  # noqa: F811
    sign_in(page, "demo-councillor")
    page.goto("/audits/")
    main = page.locator("main")
    expect(main.locator("figure svg[role=img]:visible")).to_have_count(4)
    expect(main.locator("a[href^='/audits/list'], a[href*='?year=']")).to_have_count(0)
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)
