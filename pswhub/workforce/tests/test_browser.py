"""Browser journeys through the workforce pages, with axe checking every page on the way (error
states included): the HR officer imports an HR extract (CSV, then XLSX), prepares the census
return, and the PSW reads the workforce dashboard."""

import io
import re
from decimal import Decimal

import pytest
import xlsxwriter
from playwright.sync_api import expect

from pswhub.core.models import StaffMember
from pswhub.workforce import csww, selectors
from pswhub.workforce.checks import LEAVER_REASON_MISSING
from pswhub.workforce.hr_import import FTE_OUT_OF_RANGE, TEMPLATE_COLUMNS, UNKNOWN_TEAM
from pswhub.workforce.models import Assignment, CensusWorker
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    assert_no_axe_violations,
    assert_no_escaped_markup,
    browser,
    demo_council,
    error_summary,
    go_to,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
)

pytestmark = pytest.mark.browser

YEAR = 2025


def extract_row(number, first, last, team, fte="1"):
    values = {
        "employee_number": number,
        "first_name": first,
        "last_name": last,
        "email": f"{first.lower()}.{last.lower()}@example.gov.uk",
        "job_title": "Social Worker",
        "team": team,
        "started_on": "2026-09-07",
        "left_on": "",
        "fte": fte,
        "contract_type": "permanent",
        "swe_number": "",
    }
    return [values.get(column, "") for column in TEMPLATE_COLUMNS]  # the census code columns left blank


def current_fte(employee_number):
    return Assignment.objects.get(staff_member__employee_number=employee_number, ends_on=None).fte


def csv_file(*rows):
    lines = [",".join(TEMPLATE_COLUMNS)] + [",".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def xlsx_file(*rows):
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = workbook.add_worksheet("Staff")
    for number, cells in enumerate([TEMPLATE_COLUMNS, *rows]):
        sheet.write_row(number, 0, cells)
    workbook.close()
    return out.getvalue()


def choose_file(tab, name, content):
    mime = "text/csv" if name.endswith(".csv") else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    tab.get_by_label("HR extract (CSV or XLSX)").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": content}]
    )
    tab.get_by_role("button", name="Check the file").click()


def open_hr_imports(tab):
    go_to(tab, "Workforce", "Workforce figures")
    expect(heading(tab)).to_have_text("Workforce")
    assert_no_axe_violations(tab)
    tab.get_by_role("link", name="HR imports").click()
    expect(heading(tab)).to_have_text("HR imports")
    assert_no_axe_violations(tab)


def test_the_hr_officer_imports_an_extract_after_putting_its_problems_right(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
):
    # Given the demo council, when the HR officer uploads a CSV with an FTE over 1 and a team
    # PSW Hub does not know
    sign_in(page, "demo-hr")
    open_hr_imports(page)
    page.get_by_role("button", name="Upload an HR extract").click()
    expect(heading(page)).to_have_text("Upload an HR extract")
    assert_no_axe_violations(page)
    bad = csv_file(
        extract_row("N9001", "Amara", "Osei", "Assessment North", fte="1.5"),
        extract_row("N9002", "Ben", "Hollis", "Assessment Nowhere"),
    )
    choose_file(page, "new-starters.csv", bad)

    # then nothing is imported and each problem is shown with its row and column
    expect(error_summary(page)).to_contain_text("The file has problems and nothing was imported")
    problems = page.get_by_role("table", name="Problems by row and column")
    expect(problems.get_by_role("row").nth(1)).to_contain_text(re.compile(r"2\s+fte"))
    expect(problems).to_contain_text(FTE_OUT_OF_RANGE.format(value="1.5"))
    expect(problems.get_by_role("row").nth(2)).to_contain_text(re.compile(r"3\s+team"))
    expect(problems).to_contain_text(UNKNOWN_TEAM.format(value="Assessment Nowhere"))
    assert page.title().startswith("Error:")
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)
    assert not StaffMember.objects.filter(employee_number__in=["N9001", "N9002"]).exists()

    # When they put the file right and upload it again, they see the preview
    page.get_by_role("link", name="Upload the file again").click()
    good = csv_file(
        extract_row("N9001", "Amara", "Osei", "Assessment North", fte="0.8"),
        extract_row("N9002", "Ben", "Hollis", "Assessment North"),
    )
    choose_file(page, "new-starters.csv", good)
    expect(heading(page)).to_have_text("new-starters.csv")
    summary = page.locator(".govuk-summary-list").first  # the batch; each person added has a card below
    expect(summary).to_contain_text("Previewed")
    expect(row(summary, "To add")).to_contain_text("2")
    assert_no_axe_violations(page)
    assert not StaffMember.objects.filter(employee_number__in=["N9001", "N9002"]).exists()

    # and confirming imports both rows and records the batch
    page.get_by_role("button", name="Confirm and import").click()
    expect(summary).to_contain_text("Imported")
    expect(row(summary, "Added")).to_contain_text("2")
    assert_no_axe_violations(page)
    assert current_fte("N9001") == Decimal("0.8")

    # When they upload the same people as an XLSX file with one change, it updates one record
    page.get_by_role("link", name="Back to HR imports").click()
    # (the list holds the refused upload too, newest first)
    expect(page.get_by_role("link", name="new-starters.csv").first).to_be_visible()
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Upload an HR extract").click()
    changed = xlsx_file(
        extract_row("N9001", "Amara", "Osei", "Assessment North", fte="1"),
        extract_row("N9002", "Ben", "Hollis", "Assessment North"),
    )
    choose_file(page, "starters-october.xlsx", changed)
    expect(heading(page)).to_have_text("starters-october.xlsx")
    expect(row(summary, "To update")).to_contain_text("1")
    expect(row(summary, "Unchanged")).to_contain_text("1")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirm and import").click()
    expect(summary).to_contain_text("Imported")
    assert_no_axe_violations(page)
    assert current_fte("N9001") == 1
    # (the earlier contract is kept as employment history)
    assert Assignment.objects.filter(staff_member__employee_number="N9001").count() == 2

    # and both imports are listed
    page.get_by_role("link", name="Back to HR imports").click()
    expect(page.get_by_role("link", name="starters-october.xlsx")).to_be_visible()
    # (the list holds the refused upload too, newest first)
    expect(page.get_by_role("link", name="new-starters.csv").first).to_be_visible()
    assert_no_axe_violations(page)


def test_an_empty_upload_names_the_field_and_passes_axe(reference_data_restored, page, demo_council):  # noqa: F811
    sign_in(page, "demo-hr")
    page.goto("/workforce/imports/upload/")
    page.get_by_role("button", name="Check the file").click()
    expect(error_summary(page)).to_contain_text("Choose a CSV or XLSX file")
    assert_no_axe_violations(page)


def two_leavers_without_a_reason():
    """Takes the reason for leaving from two of the demo return's leavers; returns their SWE
    numbers, in the order the return lists them."""
    leavers = list(
        CensusWorker.objects.filter(census_year__year=YEAR, agency=False, role_end_date__isnull=False)
        .exclude(reason_leave="")
        .order_by("swe_number")[:2]
    )
    for leaver in leavers:
        leaver.reason_leave = ""
        leaver.save()
    return [leaver.swe_number for leaver in leavers]


def test_the_hr_officer_puts_the_census_return_right_and_downloads_it(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
    tmp_path,
):
    # Given the demo council's 2025 return, kept as it was, and two leavers whose reasons for
    # leaving have since been lost
    authority_year = selectors.census_year_get(authority=demo_council, year=YEAR)
    corrected = tmp_path / "csww-2025-corrected.xml"
    corrected.write_bytes(
        csww.census_return_xml(census_year=authority_year, workers=selectors.census_workers(census_year=authority_year))
    )
    broken = two_leavers_without_a_reason()

    # When the HR officer opens the 2025 census return from the dashboard
    sign_in(page, "demo-hr")
    go_to(page, "Workforce", "Workforce figures")
    page.get_by_role("link", name=f"Census return {YEAR}").click()
    expect(heading(page)).to_have_text(f"Census return {YEAR}")

    # then each problem is listed by worker and field, and there is no XML to download
    problems = page.get_by_role("table", name="Problems by worker and field")
    for swe_number in broken:
        expect(problems.get_by_role("row", name=re.compile(swe_number))).to_contain_text("ReasonLeave")
    expect(problems).to_contain_text(LEAVER_REASON_MISSING)
    expect(page.get_by_role("link", name="Download the return (XML)")).to_have_count(0)
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)

    # and the problems download as a CSV with one line per problem
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the problems (CSV)").click()
    assert download.value.suggested_filename == f"csww-{YEAR}-problems.csv"
    lines = download.value.path().read_text(encoding="utf-8").strip().splitlines()
    assert len(lines) == 1 + len(broken)
    assert all(any(swe_number in line for line in lines[1:]) for swe_number in broken)

    # When they import the corrected return through the pages, seeing what it changes first
    go_to(page, "Workforce", "Workforce figures")
    page.get_by_role("link", name="Import a past census return").click()
    expect(heading(page)).to_have_text("Import a past census return")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Check the return").click()
    expect(error_summary(page)).to_contain_text("Choose the census return's XML file")
    assert_no_axe_violations(page)
    page.get_by_label("Census return (XML)").set_input_files(
        files=[{"name": corrected.name, "mimeType": "application/xml", "buffer": corrected.read_bytes()}]
    )
    page.get_by_role("button", name="Check the return").click()
    expect(heading(page)).to_have_text(f"Check the {YEAR} census return")
    expect(page.locator(".govuk-summary-list__row", has_text="Lines to update")).to_contain_text(str(len(broken)))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirm and import").click()

    # then the census return page shows it imported, the checks find nothing, and it downloads
    expect(heading(page)).to_have_text(f"Census return {YEAR}")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"The {YEAR} census return has been imported")
    expect(page.locator("main")).to_contain_text("PSW Hub's own checks found no problems")
    expect(page.get_by_role("table", name="Problems by worker and field")).to_have_count(0)
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the return (XML)").click()
    assert download.value.suggested_filename == f"csww-{YEAR}.xml"
    downloaded = csww.census_return_read(download.value.path().read_bytes())
    assert downloaded.is_valid, downloaded.problems
    assert downloaded.year == YEAR
    assert len(downloaded.workers) == CensusWorker.objects.filter(census_year__year=YEAR).count()
    assert not CensusWorker.objects.filter(census_year__year=YEAR, swe_number__in=broken, reason_leave="").exists()


def test_the_psw_reads_the_workforce_dashboard(reference_data_restored, page, demo_council):  # noqa: F811
    sign_in(page, "demo-psw")
    go_to(page, "Workforce", "Workforce figures")
    expect(heading(page)).to_have_text("Workforce")
    expect(page.locator("main table").first).to_be_visible()
    expect(page.get_by_role("link", name=f"Census return {YEAR}")).to_be_visible()
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)


def row(summary, key):
    """The summary list row whose key is exactly `key` ("To add", not "Teams to add")."""
    return summary.locator(".govuk-summary-list__row").filter(has=summary.page.get_by_text(key, exact=True))
