"""Browser journey, with axe checking every page on the way: a social worker records their own
renewal, and a date after the deadline is refused with its message."""

from datetime import date

import pytest
from playwright.sync_api import expect

from pswhub.core import roles
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory, UserFactory
from pswhub.registrations.tests.factories import RegistrationFactory
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
def worker(council):  # noqa: F811
    team = TeamFactory(name="Assessment North", service__authority=council)
    user = UserFactory(username="wes", first_name="Wes", last_name="Ormerod", roles=[roles.SOCIAL_WORKER])
    member = StaffMemberFactory(
        user=user, team=team, first_name="Wes", last_name="Ormerod", started_on=date(2020, 1, 6)
    )
    RegistrationFactory(staff_member=member, swe_number="SW123456")
    return user


def test_a_worker_records_their_own_renewal(reference_data_restored, page, worker):  # noqa: F811
    sign_in(page, "wes", PASSWORD)
    page.goto("/registration/mine/")
    expect(heading(page)).to_have_text("Wes Ormerod")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Record a renewal").click()
    expect(heading(page)).to_have_text("Record a renewal")
    assert_no_axe_violations(page)
    page.get_by_label("Renewal year").select_option("2026")
    fill_date(page, "Renewed on", date(2026, 12, 2))
    page.get_by_label("CPD entries recorded this year").fill("3")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Save renewal").click()
    # a date after the deadline is refused with its message
    expect(page.locator(".govuk-error-summary")).to_contain_text("between 1 September and 30 November 2026")
    assert_no_axe_violations(page)
    fill_date(page, "Renewed on", date(2026, 10, 2))
    page.get_by_role("button", name="Save renewal").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The 2026 renewal has been saved")
    row = page.get_by_role("row").filter(has_text="2026")
    expect(row).to_contain_text("2 October 2026")
    expect(row).to_contain_text("Renewed")
    assert_no_axe_violations(page)
