"""Browser journeys through workload, with axe checking every page on the way: a team manager
opens their team's workload; the PSW imports a caseload file through the pages."""

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


def test_a_manager_sees_their_teams_workload_and_the_psw_imports_caseloads(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
    tmp_path,
):
    # Given the demo council, when the team manager opens Workload
    sign_in(page, "demo-manager")
    go_to(page, "Practice", "Workload")
    expect(heading(page)).to_have_text("North Locality")
    assert_no_axe_violations(page)

    # and chooses Safeguarding North, they see each worker against capacity (one of them over it),
    # with the trend chart
    page.get_by_label("Team").select_option(label="Safeguarding North (Children's Social Care)")
    page.get_by_role("button", name="Show workload").click()
    expect(heading(page)).to_have_text("Safeguarding North")
    main = page.locator("main")
    expect(main).to_contain_text("Average caseload")
    expect(main).to_contain_text("Over capacity")
    expect(page.locator("#caseload-trend svg.app-chart--wide")).to_be_visible()
    assert_no_axe_violations(page)
    sign_out(page)

    # When the PSW uploads a caseload file for Wendy Okafor (demo-worker)
    sign_in(page, "demo-psw")
    page.goto("/workload/imports/")
    expect(heading(page)).to_have_text("Import caseloads")
    assert_no_axe_violations(page)
    from pswhub.core.models import StaffMember

    number = StaffMember.objects.get(user__username="demo-worker").employee_number
    bad = tmp_path / "bad.csv"
    bad.write_text(f"worker,date,case_type,count\n{number},2026-10-31,child_in_need,-3\n")
    page.get_by_label("Caseload file (CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    # then a bad row is named by row and column
    expect(page.locator("#problems")).to_contain_text("Enter the count as a whole number of 0 or more, not -3")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Upload the file again").click()

    good = tmp_path / "caseloads.csv"
    good.write_text(
        f"worker,date,case_type,count,complexity\n{number},2026-10-31,child_in_need,9,\n"
        f"{number},2026-10-31,child_protection,4,complex\n"
    )
    page.get_by_label("Caseload file (CSV)").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(heading(page)).to_have_text("caseloads.csv")
    expect(main).to_contain_text("Previewed")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Confirm and import").click()
    expect(main).to_contain_text("Imported")
    assert_no_axe_violations(page)

    # and the team view shows her new count
    page.goto("/workload/")
    page.get_by_label("Team").select_option(label="Assessment North (Children's Social Care)")
    page.get_by_role("button", name="Show workload").click()
    row = page.get_by_role("row").filter(has_text="Wendy Okafor")
    expect(row).to_contain_text("13")
    assert_no_axe_violations(page)

    # and the weighting scheme page is clean too
    page.goto("/workload/schemes/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Change the scheme for Children's Social Care").click()
    expect(heading(page)).to_have_text("Weighting scheme")
    assert_no_axe_violations(page)


def test_an_upload_being_checked_shows_how_far_it_has_got_and_opens_its_preview_when_done(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
):
    from pswhub.core.imports.background import upload_check_run
    from pswhub.core.models import StaffMember, User
    from pswhub.workload.models import CaseloadImport
    from pswhub.workload.services import CASELOADS

    # Given a caseload file the background worker is part way through checking
    number = StaffMember.objects.get(user__username="demo-worker").employee_number
    upload = CaseloadImport.objects.create(
        file_name="caseloads-october.csv",
        content=f"worker,date,case_type,count\n{number},2026-10-31,child_in_need,9\n".encode(),
        uploaded_by=User.objects.get(username="demo-psw"),
        status=CaseloadImport.PREVIEWING,
        rows_read=1000,
        rows_total=4000,
    )
    sign_in(page, "demo-psw")
    page.goto(f"/workload/imports/{upload.pk}/")
    main = page.locator("main")

    # then its page says how far it has got, and offers nothing to confirm yet
    expect(main).to_contain_text("Reading the file: 1,000 of about 4,000 rows read")
    expect(page.get_by_role("button", name="Confirm and import")).to_have_count(0)
    assert_no_axe_violations(page)

    # and follows the check as it reads on, without being reloaded
    CaseloadImport.objects.filter(pk=upload.pk).update(rows_read=3000)
    expect(main).to_contain_text("Reading the file: 3,000 of about 4,000 rows read")

    # When the check finishes, the page opens the preview by itself
    CaseloadImport.objects.filter(pk=upload.pk).update(status=CaseloadImport.QUEUED)
    upload_check_run(importer=CASELOADS, upload_id=upload.pk)
    expect(page.get_by_role("button", name="Confirm and import")).to_be_visible()
    expect(main).to_contain_text("Previewed")
    assert_no_axe_violations(page)
