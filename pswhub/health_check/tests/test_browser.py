"""Browser journeys through the health check, with axe on every page: a social worker answers the
survey (also with JavaScript turned off), the PSW reads the results, and a published plan is read
by staff."""

import pytest
from playwright.sync_api import expect

from pswhub.health_check.models import Participation, Response
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

OPEN_RUN = "Children's Social Work Health Check 2026/27"


def test_a_social_worker_answers_the_health_check_without_javascript(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
    browser,  # noqa: F811
    live_server,
):
    # With JavaScript: the survey page passes axe.
    sign_in(page, "demo-worker")
    go_to(page, "Staff voice", "Health check")
    expect(heading(page)).to_have_text("Social Work Health Check")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Answer the health check").click()
    expect(heading(page)).to_have_text(OPEN_RUN)
    assert_no_axe_violations(page)
    # Sending with no answers gives the error summary, which passes axe too.
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select an answer, or Not applicable")
    assert_no_axe_violations(page)
    responses_before = Response.objects.count()

    # Without JavaScript: the same person answers through plain HTML forms.
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    plain = context.new_page()
    sign_in(plain, "demo-worker")
    plain.goto("/health-check/")
    plain.get_by_role("button", name="Answer the health check").click()
    agree = plain.locator("input[type=radio][value='4']")
    for index in range(agree.count()):
        agree.nth(index).check()
    plain.get_by_label("Prefer not to say").check()
    plain.get_by_label("Anything else you would like to tell us (optional)").fill("More time to reflect, please.")
    plain.get_by_role("button", name="Send my answers").click()
    expect(plain.locator("main")).to_contain_text("Your answers have been recorded anonymously")
    expect(plain.locator("main")).to_contain_text("There is no health check for you to answer at the moment.")
    context.close()
    assert Response.objects.count() == responses_before + 1
    assert Participation.objects.filter(user__username="demo-worker").count() == 1


def test_the_psw_reads_results_and_staff_read_the_published_plan(
    reference_data_restored,  # noqa: F811
    page,  # noqa: F811
    demo_council,  # noqa: F811
):
    sign_in(page, "demo-psw")
    go_to(page, "Staff voice", "Health check results")
    expect(heading(page)).to_have_text("Health check results")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Children's Social Work Health Check 2025/26").click()
    expect(heading(page)).to_have_text("Children's Social Work Health Check 2025/26")
    main = page.locator("main")
    expect(main).to_contain_text("Scores by standard")
    expect(main).to_contain_text("Standard 5: Supervision")
    expect(main).to_contain_text("response rate of")
    expect(main).to_contain_text("Year on year")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Read the comments").click()
    expect(heading(page)).to_have_text("Comments")
    assert_no_axe_violations(page)
    sign_out(page)

    sign_in(page, "demo-worker")
    go_to(page, "Staff voice", "Health check")
    page.get_by_role("link", name="Joint Social Work Health Check Action Plan 2025/26").click()
    expect(heading(page)).to_have_text("Joint Social Work Health Check Action Plan 2025/26")
    for words in ("You said", "We will", "We expect you", "Reflective supervision"):
        expect(main).to_contain_text(words)
    expect(page.get_by_role("button", name="Publish to all staff")).to_have_count(0)
    assert_no_axe_violations(page)
