"""Browser journey through the annual report, with axe checking every page on the way: the PSW
starts a report for 2025/26, writes its text and a section's narrative, makes the Word, PDF and
HTML files, downloads each one and publishes; then a councillor reads the published version and
never sees a draft.

The tests run tasks with the immediate backend, so a file is made while the request that asks for
it runs, and its page says it is ready at once."""

import io
import re
import zipfile
from datetime import date

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import UserFactory
from pswhub.reporting import services
from pswhub.reporting.forms import PERIOD_BACKWARDS
from pswhub.reporting.models import ExportStatus, ReportExport
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
    sign_out,
)

pytestmark = pytest.mark.browser

TITLE = "Principal Social Worker annual report 2025/26"
OWN_TEXT = "Northshire's social workers kept practice steady through a year of change."
PEER_REVIEW = "A peer review of the front door in May found strong management oversight."
PRIORITIES_TEXT = "The work plan for 2026/27 was agreed with the director in March."
NARRATIVE = "Turnover fell in both services.\n\nAgency use is now the lowest in five years."
SECTIONS = [
    "Social work workforce",
    "Practice quality and case file audits",
    "Peer reviews",
    "Progress against the work plan",
    "Actions set by committees",
]


def open_annual_reports(tab):
    go_to(tab, "Governance and reports", "Annual report")
    expect(heading(tab)).to_have_text("Annual reports to committee")


def fill_date(tab, legend, day, month, year):
    group = tab.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def download(tab, control):
    """Follows a download link or button and returns (suggested file name, bytes)."""
    with tab.expect_download() as waiting:
        control.click()
    file = waiting.value
    assert file.failure() is None, file.failure()
    with open(file.path(), "rb") as handle:
        return file.suggested_filename, handle.read()


def make_file(tab, button):
    """Asks for a file from the report's page and returns its bytes, once its page offers it."""
    tab.get_by_role("button", name=button).click()
    expect(heading(tab)).to_have_text(re.compile(r"^(Word|PDF|HTML page) file$"))
    main = tab.locator("main")
    expect(main).to_contain_text("Ready")
    expect(tab.locator("progress")).to_have_attribute("value", "100")
    assert_no_axe_violations(tab)
    name, content = download(tab, tab.get_by_role("button", name=re.compile(r"^Download ")))
    assert content, f"{name} is empty"
    tab.get_by_role("link", name="Back to the report").click()
    return name, content


def test_the_psw_writes_and_publishes_the_annual_report(reference_data_restored, page, demo_council):  # noqa: F811
    # Given the demo council and no reports yet, the PSW opens "Annual report"
    sign_in(page, "demo-psw")
    open_annual_reports(page)
    main = page.locator("main")
    expect(main).to_contain_text("No report has been published yet.")
    expect(main).to_contain_text("There are no drafts.")
    assert_no_axe_violations(page)

    # When they start a report with nothing in the dates, the form says what is missing
    page.get_by_role("button", name="Start an annual report").click()
    expect(heading(page)).to_have_text("Start an annual report")
    assert_no_axe_violations(page)
    for legend in ("First day of the period", "Last day of the period"):
        fill_date(page, legend, "", "", "")
    page.get_by_role("button", name="Make the draft").click()
    expect(error_summary(page)).to_contain_text("Enter the first day of the period")
    expect(error_summary(page)).to_contain_text("Enter the last day of the period")
    assert_no_axe_violations(page)

    # and when the end is before the start, it says so
    fill_date(page, "First day of the period", "1", "4", "2025")
    fill_date(page, "Last day of the period", "31", "3", "2025")
    page.get_by_role("button", name="Make the draft").click()
    expect(error_summary(page)).to_contain_text(PERIOD_BACKWARDS)
    assert_no_axe_violations(page)

    # When they ask for the financial year 2025/26 for both services
    fill_date(page, "First day of the period", "1", "4", "2025")
    fill_date(page, "Last day of the period", "31", "3", "2026")
    page.get_by_role("group", name="Services").get_by_label("Children's and adults' services").check()
    page.get_by_role("button", name="Make the draft").click()

    # then the draft is made from the data
    expect(heading(page)).to_have_text(TITLE)
    expect(main).to_contain_text("Draft: not yet published.")
    expect(main).to_contain_text("Children's and adults' services, 2025/26")
    draft_address = page.url
    assert_no_axe_violations(page)

    # When they change the report's text, choosing the committee meeting from those recorded
    page.get_by_role("button", name="Change the report’s text and committee").click()
    expect(heading(page)).to_have_text("Change the report’s text")
    assert_no_axe_violations(page)
    meeting = page.get_by_label("Committee meeting")
    chosen = meeting.locator("option").nth(1).inner_text()
    meeting.select_option(index=1)
    page.get_by_label("Introduction").fill(OWN_TEXT)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The report’s text has been saved")
    committee, held_on = chosen.split(", ")[:2]
    expect(main).to_contain_text(f"Report to {committee}, {held_on}")

    # and write a peer review and the priorities for the year ahead, which have no figures of their own
    for link, text in [("Peer reviews", PEER_REVIEW), ("Priorities for the year ahead", PRIORITIES_TEXT)]:
        page.get_by_role("link", name=f"Write the narrative for {link}").click()
        assert_no_axe_violations(page)
        page.get_by_label("Narrative").fill(text)
        page.get_by_role("button", name="Save narrative").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("has been saved")
    expect(page.locator("main .app-numbered").filter(has_text=PEER_REVIEW)).to_have_count(1)
    expect(page.get_by_role("heading", level=3, name="Priorities for 2026/27")).to_be_visible()
    expect(main).to_contain_text(PRIORITIES_TEXT)
    expect(main).to_contain_text("and the priorities for 2026/27.")

    # and write the workforce section's narrative
    page.get_by_role("link", name="Write the narrative for Social work workforce").click()
    expect(heading(page)).to_have_text("Social work workforce")
    assert_no_axe_violations(page)
    page.get_by_label("Narrative").fill(NARRATIVE)
    page.get_by_role("button", name="Save narrative").click()

    # then the draft shows their words as numbered paragraphs among the sections built from data
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The narrative of “Social work workforce” has been saved"
    )
    numbered = page.locator("main .app-numbered")
    expect(numbered.filter(has_text=OWN_TEXT)).to_have_count(1)
    expect(numbered.filter(has_text="Turnover fell in both services.")).to_have_count(1)
    expect(numbered.filter(has_text="Agency use is now the lowest in five years.")).to_have_count(1)
    numbers = [int(text.rstrip(".")) for text in page.locator("main .app-numbered__number").all_inner_texts()]
    assert numbers == list(range(1, len(numbers) + 1)), numbers
    for title in SECTIONS:
        expect(page.get_by_role("heading", level=3, name=title)).to_be_visible()
    expect(main).to_contain_text("Social work workforce (written)")
    assert_no_escaped_markup(page)
    assert_no_axe_violations(page)

    # When they ask for each file, each one is ready at once and downloads
    name, docx = make_file(page, "Make a Word file")
    assert name == "Principal Social Worker annual report 2025-26 DRAFT.docx"
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        document_xml = archive.read("word/document.xml").decode()
    assert "Turnover fell in both services." in document_xml
    expect(heading(page)).to_have_text(TITLE)

    name, pdf = make_file(page, "Make a PDF")
    assert name.endswith(" DRAFT.pdf") and pdf.startswith(b"%PDF-")

    name, html = make_file(page, "Make an HTML file")
    assert name.endswith(" DRAFT.html")
    html = html.decode()
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Agency use is now the lowest in five years." in html

    # and the draft lists the three files, each ready
    files = page.locator("main ul.govuk-list").last
    expect(files.get_by_role("listitem")).to_have_count(3)
    for kind in ("Word", "PDF", "HTML page"):
        expect(files.get_by_role("listitem").filter(has_text=f"{kind} file requested")).to_contain_text(": ready")
    assert_no_axe_violations(page)

    # When they publish the report
    page.get_by_role("button", name="Publish this report").click()
    expect(heading(page)).to_have_text("Publish the report")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Publish the report").click()

    # then they see the published version, with their words and no draft marking
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Version 1 has been published")
    expect(heading(page)).to_have_text(TITLE)
    expect(main).to_contain_text("Published ")
    expect(main).not_to_contain_text("Draft: not yet published")
    expect(main).to_contain_text("Turnover fell in both services.")
    assert_no_axe_violations(page)
    name, published_html = download(page, page.get_by_role("link", name="Download this report as an HTML file"))
    assert name == "Principal Social Worker annual report 2025-26.html"
    assert b"Agency use is now the lowest in five years." in published_html

    # and the HTML file itself, opened on its own as a council's website would publish it, passes axe
    report_page = page.context.new_page()
    report_page.set_content(published_html.decode())
    expect(report_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_no_axe_violations(report_page)
    report_page.close()

    # and the list shows the published report beside the draft
    open_annual_reports(page)
    expect(page.get_by_role("table").get_by_role("link", name=TITLE)).to_be_visible()
    expect(main).not_to_contain_text("There are no drafts.")
    assert_no_axe_violations(page)
    sign_out(page)

    # When a councillor opens "Annual report"
    sign_in(page, "demo-councillor")
    open_annual_reports(page)

    # then they see the published version and no drafts
    expect(page.get_by_role("heading", name="Drafts")).to_have_count(0)
    expect(page.get_by_role("button", name="Start an annual report")).to_have_count(0)
    assert_no_axe_violations(page)
    page.get_by_role("table").get_by_role("link", name=TITLE).click()
    expect(heading(page)).to_have_text(TITLE)
    expect(main).to_contain_text("Turnover fell in both services.")
    expect(main).not_to_contain_text("Draft")
    for title in SECTIONS:
        expect(page.get_by_role("heading", level=3, name=title)).to_be_visible()
    expect(main).to_contain_text("Principal Social Worker")
    expect(main).not_to_contain_text("Not given.")
    assert_no_axe_violations(page)

    # and on a phone every chart fits the screen, with no label cut
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for chart in page.locator("main svg.app-chart:visible").all():
        box = chart.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
        cut = chart.evaluate(
            """svg => [...svg.querySelectorAll('text')].filter(text => {
                const box = text.getBBox(), view = svg.viewBox.baseVal;
                return box.x < 0 || box.x + box.width > view.width;
            }).map(text => text.textContent)"""
        )
        assert cut == [], cut
    page.set_viewport_size({"width": 1280, "height": 800})

    # and the draft itself stays closed to them
    assert page.goto(draft_address).status == 403
    expect(page.locator("main")).not_to_contain_text(OWN_TEXT)
    assert_no_axe_violations(page)


def test_the_file_page_shows_the_file_when_it_is_ready_without_being_reloaded(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    council,
):
    # Given a Word file that the worker has not made yet
    psw = UserFactory(username="psw", roles=[roles.PSW])
    report = services.report_create(
        user=psw, period_start=date(2025, 4, 1), period_end=date(2026, 3, 31), services="all"
    )
    export = ReportExport.objects.create(report=report, format="docx", requested_by=psw)
    sign_in(page, "psw", password="correct-horse-battery")

    # When the PSW opens the file's page, it says the file is waiting, with a button to check again
    page.goto(f"/reports/files/{export.pk}/")
    expect(heading(page)).to_have_text("Word file")
    expect(page.get_by_role("button", name="Check progress")).to_be_visible()
    assert_no_axe_violations(page)

    # and when the worker finishes the file, the page offers it by itself
    ReportExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.DONE, progress=100, stage="Done", filename="report.docx", content=b"PK"
    )
    expect(page.get_by_role("button", name="Download report.docx")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("button", name="Check progress")).to_have_count(0)
    expect(page.locator("progress")).to_have_attribute("value", "100")
    assert_no_axe_violations(page)
