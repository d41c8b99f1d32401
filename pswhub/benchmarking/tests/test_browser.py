"""Browser journey, with axe checking every page: the PSW opens Benchmarking from the Workforce
area, chooses comparator councils and sees them beside the council; a councillor reads the same
page and cannot change it."""

import pytest
from playwright.sync_api import expect

from pswhub.benchmarking import services
from pswhub.core import roles
from pswhub.core.tests.factories import UserFactory
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    PASSWORD,
    assert_no_axe_violations,
    browser,
    council,
    go_to,
    heading,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def wandsworth(council):  # noqa: F811
    # The live server's tests empty the tables between them, so the bundled figures are loaded here.
    services.bundled_figures_load()
    council.name, council.la_code = "Wandsworth Council", "212"
    council.save()
    UserFactory(username="priya", first_name="Priya", last_name="Sharma", roles=[roles.PSW])
    UserFactory(username="cllr", first_name="Cara", last_name="Lowe", roles=[roles.COUNCILLOR])
    return council


def test_the_psw_chooses_comparators_and_a_councillor_reads_the_benchmarks(reference_data_restored, page, wandsworth):  # noqa: F811
    sign_in(page, "priya", PASSWORD)
    go_to(page, "Workforce", "Benchmarking")
    expect(heading(page)).to_have_text("Benchmarking")
    expect(
        page.get_by_text("The turnover rate was 15.1%, against 16.5% across London and 15.9% in England")
    ).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Choose comparator councils").click()
    expect(heading(page)).to_have_text("Choose comparator councils")
    page.get_by_label("Camden").check()
    page.get_by_label("Kensington and Chelsea").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save").click()
    table = page.get_by_role("table").first
    expect(table.get_by_role("columnheader", name="Camden")).to_be_visible()
    # Kensington and Chelsea's 2023 agency worker rate is DfE's `x`: the cell says why.
    agency = table.get_by_role("row").filter(has_text="Agency worker rate (FTE, %)")
    expect(agency).to_contain_text("15.3%")
    expect(agency).to_contain_text("Not available")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "cllr", PASSWORD)
    page.goto("/benchmarking/")
    expect(page.get_by_text("The turnover rate was 15.1%")).to_be_visible()
    expect(page.get_by_role("link", name="Choose comparator councils")).to_have_count(0)
    assert_no_axe_violations(page)
