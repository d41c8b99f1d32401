"""What someone sees when they reach a page their role does not include, or one that does not exist."""

from playwright.sync_api import expect

from pswhub.core.models import StaffMember

from .conftest import PASSWORD, assert_no_axe_violations, go_to, heading, sign_in


def test_a_team_manager_cannot_reach_the_users_page(page, council, north_manager):
    # Given the team manager is signed in
    sign_in(page, "manager", password=PASSWORD)

    # then no navigation offers them Users, not even the Organisation area's own
    go_to(page, "Organisation")
    expect(page.get_by_role("link", name="Users", exact=True)).to_have_count(0)

    # and when they type its address
    response = page.goto("/users/")

    # then they get the "You cannot see this page" page, which is accessible
    assert response.status == 403
    expect(heading(page)).to_have_text("You cannot see this page")
    expect(page.get_by_role("link", name="Go to your home page")).to_be_visible()
    assert_no_axe_violations(page)

    # and the same for adding a user
    assert page.goto("/users/new/").status == 403


def test_a_page_that_does_not_exist_says_so_accessibly(page, council, north_worker):
    sign_in(page, "worker", password=PASSWORD)

    response = page.goto("/no-such-page/")

    assert response.status == 404
    expect(heading(page)).to_have_text("Page not found")
    assert_no_axe_violations(page)


def test_a_worker_cannot_open_a_record_in_another_team_by_its_address(page, council, north_worker, south_worker):
    sign_in(page, "worker", password=PASSWORD)

    response = page.goto(f"/staff/{StaffMember.objects.get(user=south_worker).pk}/")

    assert response.status == 404
    expect(heading(page)).to_have_text("Page not found")


def test_a_worker_can_open_their_own_record(page, council, north_worker):
    own_record = StaffMember.objects.get(user=north_worker)
    sign_in(page, "worker", password=PASSWORD)

    page.get_by_role("main").get_by_role("link", name=own_record.full_name, exact=True).click()

    expect(heading(page)).to_have_text(own_record.full_name)
    assert_no_axe_violations(page)
