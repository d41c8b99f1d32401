"""Browser journey through this year's census return built from the demo council's records, with
axe checking every page: the HR officer builds the year, reviews a line with the source of each
value, corrects a value with a reason, compares the year with last year's return, reads the
checks, marks the return as submitted and downloads the XML. A team manager cannot open it."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pswhub.core.periods import census_year_of
from pswhub.workforce import csww
from pswhub.workforce.models import Assignment, CensusCorrection, CensusYear
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


def test_the_hr_officer_builds_corrects_submits_and_downloads_this_years_return(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
    live_server,
):
    # Given the demo council's records, with every leaver's reason and destination recorded
    Assignment.objects.filter(ends_on__isnull=False, reason_leave="").update(reason_leave="9")
    Assignment.objects.filter(ends_on__isnull=False, leaver_destination="").update(leaver_destination="8")
    # This year's return is the census year whose 30 September has most recently passed.
    year = census_year_of(timezone.localdate()) - 1
    # when the HR officer opens this year's census return, not yet built
    sign_in(page, "demo-hr")
    go_to(page, "Workforce", "This year's census return")
    expect(heading(page)).to_have_text(f"Census return {year}")
    assert_no_axe_violations(page)

    # and builds it from the records
    page.get_by_role("button", name=f"Build the {year} return from the records").click()
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        f"The {year} return has been built from the records"
    )
    assert_no_axe_violations(page)
    assert CensusYear.objects.get(year=year).source == CensusYear.BUILT

    # then each line links to its values and where each came from
    first_line = page.locator("main a[href*='/lines/']").first
    swe = first_line.inner_text()
    first_line.click()
    expect(heading(page)).to_contain_text(swe)
    expect(page.get_by_role("table").first).to_contain_text("Where it came from")
    expect(page.get_by_role("table").first).to_contain_text("Staff profile")
    assert_no_axe_violations(page)

    # a correction needs a reason
    page.get_by_label("Value to correct").select_option(label="Cases at 30 September")
    page.get_by_label("Corrected value").fill("7")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the value is corrected")
    assert_no_axe_violations(page)
    page.get_by_label("Reason for the correction").fill("Seven cases held on 30 September, counted by hand")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_role("table").first).to_contain_text("Corrected")
    expect(page.get_by_role("table").first).to_contain_text("counted by hand")
    assert CensusCorrection.objects.get(field="cases_30").value == "7"

    # compared with last year's return
    page.get_by_role("link", name=f"Back to the {year} return").click()
    page.get_by_role("link", name="Compare with last year's return").click()
    expect(heading(page)).to_have_text("Compared with last year's return")
    expect(page.locator("main")).to_contain_text("New in this return")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=f"Back to the {year} return").click()

    # the checks, then marked as submitted
    expect(page.locator("main")).to_contain_text("Checks")
    page.get_by_role("button", name="Mark as submitted").click()
    expect(page.locator(".govuk-notification-banner").first).to_contain_text("marked as submitted (version 1)")
    expect(page.locator("main")).to_contain_text("This return is frozen")
    expect(page.get_by_role("button", name="Build again from the records")).to_have_count(0)
    assert_no_axe_violations(page)

    # and the XML downloads in the year's layout, with the correction in it
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the return (XML)").click()
    returned = csww.census_return_read(download.value.path().read_bytes())
    assert returned.is_valid and returned.year == year
    assert next(line for line in returned.workers if line["swe_number"] == swe)["cases_30"] == 7

    # A team manager cannot open it
    sign_out(page)
    sign_in(page, "demo-manager")
    response = page.goto(f"{live_server.url}/workforce/census/{year}/")
    assert response.status == 403
