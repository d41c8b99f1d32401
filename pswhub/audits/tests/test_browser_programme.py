"""Browser journeys for running the audit programme, with axe checking every page on the way,
error states included: the PSW publishes a new version of a tool, the QA officer imports historic
audits after putting a bad row right, and the PSW plans a quarter's sample, assigns it to an
auditor in one go, and the auditor starts one of the audits."""

import re

import pytest
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
    sign_out,
)

pytestmark = pytest.mark.browser

HEADER = "case_reference,audit_type,team,completed_on,overall_grade,themes\n"


def csv_upload(name, text):
    return {"name": name, "mimeType": "text/csv", "buffer": text.encode()}


def fill_date(tab, legend, day, month, year):
    group = tab.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def test_the_psw_makes_a_new_version_of_a_tool_and_publishes_it(reference_data_restored, page, demo_council):  # noqa: F811
    # Given the PSW on the audit plans page, when they open the audit tools
    sign_in(page, "demo-psw")
    page.goto("/audits/plans/")
    page.get_by_role("link", name="Audit tools").click()
    expect(heading(page)).to_have_text("Audit tools")
    assert_no_axe_violations(page)
    assert_no_escaped_markup(page)

    # and create a new version of the dip sample, it starts as a draft copy of version 1
    page.get_by_role("button", name="Create a new version of Dip sample").click()
    expect(heading(page)).to_contain_text("Version 2")
    expect(heading(page)).to_contain_text("Draft")
    expect(page.locator("main")).to_contain_text("Compliance")
    assert_no_axe_violations(page)
    assert_no_escaped_markup(page)

    # When they add a section without a title, they are told what is missing
    page.get_by_role("button", name="Add a section").click()
    page.get_by_role("button", name="Add the section").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter the section's title")
    assert_no_axe_violations(page)
    page.get_by_label("Section title").fill("Voice of the child")
    page.get_by_role("button", name="Add the section").click()
    expect(page.locator("main")).to_contain_text("The section Voice of the child has been added")

    # and a free-text question to it, then move it above Quality
    page.get_by_role("link", name="Add a question to Voice of the child").click()
    assert_no_axe_violations(page)
    page.get_by_label("Question").fill("What does the child say about their plan?")
    page.get_by_label("Free text").check()
    page.get_by_role("button", name="Add the question").click()
    page.get_by_role("button", name="Move up the section Voice of the child").click()
    titles = page.locator("main h2.govuk-heading-m").all_inner_texts()
    assert titles[:3] == ["1. Compliance", "2. Voice of the child", "3. Quality"]
    assert_no_axe_violations(page)

    # Then publishing it makes version 2 the one new audits use
    page.get_by_role("button", name="Publish version 2").click()
    expect(page.locator("main")).to_contain_text("Version 2 of Dip sample has been published")
    versions = page.get_by_role("table", name="Versions of Dip sample")
    expect(versions).to_contain_text("Version 2")
    expect(versions.get_by_role("row").nth(1)).to_contain_text("Published")
    assert_no_axe_violations(page)


def test_the_qa_officer_imports_historic_audits_after_fixing_a_bad_row(reference_data_restored, page, demo_council):  # noqa: F811
    good = "H-2101,full,Assessment North,2022-05-03,good,voice-of-the-child\n"
    bad = "H-2102,dip_sample,Care Leavers,2022-31-06,inadequate,\n"
    fixed = "H-2102,dip_sample,Care Leavers,2022-06-30,inadequate,\n"

    # Given the QA officer on the historic imports page
    sign_in(page, "demo-qa")
    page.goto("/audits/plans/")
    page.get_by_role("link", name="Historic audit imports").click()
    expect(heading(page)).to_have_text("Historic audit imports")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Import historic audits").click()
    assert_no_axe_violations(page)

    # When they upload a file with a bad date in row 3, they see the row and the field
    page.get_by_label("Historic audits (CSV)").set_input_files(csv_upload("audits-2022.csv", HEADER + good + bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("alert")).to_contain_text("1 problem to put right")
    problem = page.get_by_role("table", name="Problems by row and field").get_by_role("row").nth(1)
    expect(problem).to_contain_text("3")
    expect(problem).to_contain_text("completed_on")
    expect(problem).to_contain_text("Enter a date as YYYY-MM-DD")
    assert_no_axe_violations(page)
    assert_no_escaped_markup(page)

    # Then, with the row put right, the preview shows what will be imported
    page.get_by_role("link", name="Upload the file again").click()
    page.get_by_label("Historic audits (CSV)").set_input_files(csv_upload("audits-2022.csv", HEADER + good + fixed))
    page.get_by_role("button", name="Check the file").click()
    expect(heading(page)).to_have_text("Check the import of audits-2022.csv")
    expect(page.locator("main")).to_contain_text("Audits to import")
    assert_no_axe_violations(page)

    # and confirming imports both audits and keeps a record of the import
    page.get_by_role("button", name="Confirm and import").click()
    expect(heading(page)).to_have_text("audits-2022.csv")
    expect(page.locator("main")).to_contain_text("Quentin Adams")
    expect(page.get_by_role("table", name="Audits in this import")).to_contain_text("H-2102")
    assert_no_axe_violations(page)
    assert_no_escaped_markup(page)


def test_the_psw_plans_a_quarter_and_the_auditor_starts_one(reference_data_restored, page, demo_council):  # noqa: F811
    # Given the PSW on the audit plans page, when they plan the first quarter of 2027/28
    sign_in(page, "demo-psw")
    page.goto("/audits/plans/")
    assert_no_axe_violations(page)

    # (a case list with a bad row is refused, the problem shown by row and field)
    page.get_by_role("button", name="Import the case list").click()
    page.get_by_label("Case list (CSV)").set_input_files(
        csv_upload("cases.csv", "case_reference,team,case_type,opened_on\nCM99001,Care Leavers,lodger,2025-01-06\n")
    )
    page.get_by_role("button", name="Import the case list").click()
    problem = page.get_by_role("table", name="Problems by row and field").get_by_role("row").nth(1)
    expect(problem).to_contain_text("case_type")
    assert_no_axe_violations(page)
    page.goto("/audits/plans/")

    page.get_by_role("button", name="Create a plan").click()
    page.get_by_role("button", name="Create the plan").click()  # nothing filled in yet
    expect(page.get_by_role("alert")).to_be_visible()
    assert_no_axe_violations(page)
    fill_date(page, "First day", "1", "4", "2027")
    fill_date(page, "Last day", "30", "6", "2027")
    page.get_by_label("Service", exact=True).select_option(label="Children's Social Care")
    page.get_by_label("Full case audit").check()
    page.get_by_label("Number of cases to sample").fill("4")
    page.get_by_role("button", name="Create the plan").click()

    # and draw a stratified sample
    expect(heading(page)).to_contain_text("1 April 2027 to 30 June 2027")
    page.get_by_label(re.compile("Stratify by team")).check()
    page.get_by_role("button", name="Draw the sample").click()
    expect(page.locator("main")).to_contain_text("4 cases have been added to the plan")
    assert_no_axe_violations(page)
    assert_no_escaped_markup(page)

    # When they assign without choosing an auditor, they are told
    cases = page.get_by_role("group", name="Cases to assign")
    cases.get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Assign the cases").click()
    expect(page.get_by_role("alert")).to_contain_text("Choose the auditor")
    assert_no_axe_violations(page)

    # Then choosing every case, the auditor and a due date assigns all four at once
    cases = page.get_by_role("group", name="Cases to assign")
    for box in cases.get_by_role("checkbox").all():
        box.check()
    first_case = cases.get_by_role("checkbox").first.get_attribute("value")
    reference = page.locator(f"label[for='{cases.get_by_role('checkbox').first.get_attribute('id')}']").inner_text()
    reference = reference.split(" ")[0]
    page.get_by_label("Auditor").select_option(label="Aoife Doyle")
    fill_date(page, "Due date", "15", "6", "2027")
    page.get_by_role("button", name="Assign the cases").click()
    expect(page.locator("main")).to_contain_text("4 cases have been assigned to Aoife Doyle")
    glance = page.get_by_role("table", name="Status at a glance")
    expect(glance.get_by_role("row").nth(1)).to_contain_text("4")
    assert first_case
    assert_no_axe_violations(page)

    # and the plan can be changed from its page, its current values filled in
    page.get_by_role("link", name="Change the plan").click()
    expect(heading(page)).to_have_text("Change the plan")
    expect(page.get_by_role("group", name="First day").get_by_label("Year")).to_have_value("2027")
    expect(page.get_by_label("Number of cases to sample")).to_have_value("4")
    page.get_by_label("Number of cases to sample").fill("2")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("alert")).to_contain_text("The plan already holds 4 cases")
    assert_no_axe_violations(page)
    sign_out(page)

    # When the auditor opens their assignments, they start the audit of one of the cases
    sign_in(page, "demo-auditor")
    page.goto("/audits/assignments/")
    assert_no_axe_violations(page)
    row = page.get_by_role("row").filter(has_text=reference).filter(has_text="15 June 2027")
    row.get_by_role("button", name=f"Start the audit of case {reference}").click()
    expect(heading(page)).to_have_text(f"Audit of case {reference}")
    assert_no_axe_violations(page)
