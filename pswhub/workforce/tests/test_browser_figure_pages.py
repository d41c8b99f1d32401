"""Browser journey through the workforce figures' sub-pages, with axe on every page (the error
state of the date included): the PSW moves between them by the area's sub-navigation, shows the
figures at a date for children's and adults' social workers side by side and month by month; a
councillor is offered only the census pages."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    assert_no_axe_violations,
    assert_no_escaped_markup,
    browser,
    demo_council,
    error_summary,
    fill_date,
    go_to,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
    sign_out,
)

pytestmark = pytest.mark.browser

SUB_PAGES = [
    ("Workforce figures", "Workforce"),
    ("Trends", "Trends"),
    ("Breakdowns", "Breakdowns"),
    ("Equality", "Equality profile"),
    ("England comparison", "England comparison"),
]


def test_the_psw_moves_between_the_workforce_sub_pages(reference_data_restored, page, demo_council):  # noqa: F811
    sign_in(page, "demo-psw")
    for label, title in SUB_PAGES:
        go_to(page, "Workforce", label)
        expect(heading(page)).to_have_text(title)
        current = page.get_by_role("navigation", name="Workforce", exact=True).locator("[aria-current=page]")
        expect(current).to_have_text(label)
        assert_no_escaped_markup(page)
        assert_no_axe_violations(page)

    # The figures at a date: an impossible date is refused with a message that links to the field
    go_to(page, "Workforce", "At a date")
    expect(heading(page)).to_contain_text("Workforce at")
    table = page.get_by_role("table").first
    expect(table).to_contain_text("Children's social workers")
    expect(table).to_contain_text("Adults' social workers")
    expect(page.locator("main")).to_contain_text("counts children's social workers only")
    assert_no_axe_violations(page)
    fill_date(page, "Show the figures at", date(2026, 3, 31))
    page.get_by_label("Month").fill("2")
    page.get_by_role("button", name="Show").click()
    expect(error_summary(page)).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_label("Month").fill("3")
    page.get_by_role("button", name="Show").click()
    expect(heading(page)).to_have_text("Workforce at 31 March 2026")
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)

    # Month by month, for adults' social workers
    go_to(page, "Workforce", "Month by month")
    page.get_by_label("Social workers", exact=True).select_option("adults")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("table", name="Adults' social workers at each month end")).to_be_visible()
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)

    # A councillor is offered the census pages only
    sign_out(page)
    sign_in(page, "demo-councillor")
    go_to(page, "Workforce", "Trends")
    area = page.get_by_role("navigation", name="Workforce", exact=True)
    expect(area.get_by_role("link", name="Breakdowns")).to_be_visible()
    for hidden in ("Equality", "At a date", "Month by month"):
        expect(area.get_by_role("link", name=hidden, exact=True)).to_have_count(0)
    assert_no_axe_violations(page)
