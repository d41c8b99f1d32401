"""Browser journeys, with axe on every page on the way: the PSW records the price cap, adds an
engagement above it (a mistake refused first), sees it marked, ends it and reads the figures; the
HR officer previews an HR extract that adopts a census-made record and adds a team."""

from datetime import date

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import TeamFactory, UserFactory
from pswhub.workforce.tests.returns import census_return, worker
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    PASSWORD,
    assert_no_axe_violations,
    browser,
    council,
    fill_date,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def psw(council):  # noqa: F811
    TeamFactory(name="Assessment North", service__authority=council)
    return UserFactory(username="pat", first_name="Pat", last_name="Shah", roles=[roles.PSW])


def test_the_psw_records_the_cap_adds_an_engagement_above_it_and_ends_it(reference_data_restored, page, psw):  # noqa: F811
    sign_in(page, "pat", PASSWORD)
    page.goto("/workforce/agency/")
    expect(heading(page)).to_have_text("Agency social workers")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Record the regional price cap").click()
    assert_no_axe_violations(page)
    page.get_by_label("Price cap (£ an hour)").fill("45")
    fill_date(page, "Holds from", date(2025, 4, 1))
    page.get_by_role("button", name="Save the cap").click()
    expect(page.get_by_role("row").filter(has_text="1 April 2025")).to_contain_text("£45.00")

    page.goto("/workforce/agency/new/")
    assert_no_axe_violations(page)
    page.get_by_label("Agency", exact=True).fill("Meridian Locums")
    page.get_by_label("Team").select_option(label="Assessment North")
    page.get_by_label("Covering a vacancy").check()
    fill_date(page, "Start date", date(2026, 1, 5))
    page.get_by_label("Hourly charge rate (£)").fill("52")
    page.get_by_role("button", name="Save engagement").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("enter their name")
    assert_no_axe_violations(page)
    page.get_by_label("Worker's name").fill("Ola Okafor")
    page.get_by_role("button", name="Save engagement").click()
    row = page.get_by_role("row").filter(has_text="Ola Okafor")
    expect(row).to_contain_text("Over the cap")
    assert_no_axe_violations(page)

    row.get_by_role("link", name="End the engagement of Ola Okafor").click()
    assert_no_axe_violations(page)
    fill_date(page, "Last day of the engagement", date(2026, 3, 31))
    page.get_by_role("button", name="End engagement").click()
    expect(page.get_by_role("row").filter(has_text="Ola Okafor")).to_contain_text("31 March 2026")

    page.goto("/workforce/agency/figures/?year=2025")
    expect(heading(page)).to_have_text("Agency figures, 2025/26")
    # 5 January to 31 March 2026 is 86 days: 52 × 37 × 86 / 7 = 165,464 / 7 = 23,637.71… → £23,638.
    expect(page.get_by_role("row").filter(has_text="Spend")).to_contain_text("£23,638")
    assert_no_axe_violations(page)


@pytest.fixture
def hr_officer(council):  # noqa: F811
    TeamFactory(name="Assessment North", service__authority=council)
    return UserFactory(username="hana", first_name="Hana", last_name="Reid", roles=[roles.HR_OFFICER])


@pytest.fixture
def census_record(council, tmp_path):  # noqa: F811
    xml = tmp_path / "csww.xml"
    xml.write_bytes(census_return(2025, lea=council.la_code, workers=[worker("SW77", year=2025)]))
    call_command("import_csww", str(xml))


def test_an_hr_extract_adopts_a_census_record(reference_data_restored, page, hr_officer, census_record, tmp_path):  # noqa: F811
    extract = tmp_path / "staff.csv"
    extract.write_text(
        "employee_number,first_name,last_name,job_title,team,started_on,left_on,fte,contract_type,swe_number\n"
        "E1,Amina,Khan,Social worker,Assessment North,2019-09-02,,1,permanent,SW77\n"
        "E2,Ben,Ode,Social worker,Edge of Care,2025-01-06,,0.6,permanent,SW78\n"
    )
    sign_in(page, "hana", PASSWORD)
    page.goto("/workforce/imports/upload/")
    page.get_by_label("HR extract (CSV or XLSX)").set_input_files(str(extract))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("main table")).to_contain_text("Add teams not in PSW Hub")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Upload the file again").click()
    page.get_by_label("HR extract (CSV or XLSX)").set_input_files(str(extract))
    page.get_by_label("Add teams not in PSW Hub").check()
    page.get_by_role("button", name="Check the file").click()
    card = page.locator(".govuk-summary-card").filter(has_text="E1 Amina Khan")
    expect(card).to_contain_text("Matched to SWE-SW77, the record a census return made")
    expect(card.locator(".govuk-summary-list__row").filter(has_text="First name")).to_contain_text(
        "Social worker → Amina"
    )
    expect(page.locator("main")).to_contain_text("Edge of Care (Children's services)")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirm and import").click()
    expect(page.locator("main")).to_contain_text("Who it added or changed")
