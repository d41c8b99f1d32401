"""What each person finds on their pages."""

from django.urls import reverse

from pswhub.core.models import StaffMember
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory, UserFactory


def test_an_administrator_is_told_about_accounts_with_no_role(client, admin_user, no_role_user):
    client.force_login(admin_user)
    page = client.get(reverse("core:home")).content.decode()
    assert "Accounts with no role: 1" in page


def test_the_hr_officer_is_told_about_staff_with_no_team(client, hr_officer):
    StaffMemberFactory(team=None)
    client.force_login(hr_officer)
    assert "Staff in post with no team: 1" in client.get(reverse("core:home")).content.decode()


def test_a_worker_is_not_told_about_other_peoples_records(client, north_worker):
    StaffMemberFactory(team=None)
    client.force_login(north_worker)
    page = client.get(reverse("core:home")).content.decode()
    assert "Staff in post with no team" not in page
    assert "Nothing needs your attention" in page


def test_someone_with_no_role_is_told_to_ask_for_one(client, no_role_user):
    client.force_login(no_role_user)
    assert "Your account has no role yet" in client.get(reverse("core:home")).content.decode()


def test_the_organisation_page_hides_small_teams_from_a_councillor(client, councillor):
    big, small, other = TeamFactory(name="Big"), TeamFactory(name="Small"), TeamFactory(name="Other")
    StaffMemberFactory.create_batch(12, team=big)
    StaffMemberFactory.create_batch(2, team=small)
    StaffMemberFactory.create_batch(9, team=other)
    client.force_login(councillor)
    page = client.get(reverse("core:organisation")).content.decode()
    # Small (2) is hidden; with the total 23 shown, Other (9) is hidden too so Small cannot be worked out.
    assert ">12<" in page and ">23<" in page
    assert ">2<" not in page and ">9<" not in page
    assert page.count(">c<") == 2


def test_the_403_and_404_pages_use_the_service_design(client, councillor):
    client.force_login(councillor)
    forbidden = client.get(reverse("core:user_list"))
    assert forbidden.status_code == 403
    assert "You cannot see this page" in forbidden.content.decode()
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()


def test_the_500_page_uses_the_service_design(client):
    from pswhub.core.views import error_500

    response = error_500(None)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_the_500_page_s_inline_script_carries_the_request_s_nonce(rf):
    from django.middleware.csp import ContentSecurityPolicyMiddleware, get_nonce

    from pswhub.core.views import error_500

    request = rf.get("/")
    ContentSecurityPolicyMiddleware(lambda request: None).process_request(request)
    html = error_500(request).content.decode()
    assert f'<script nonce="{get_nonce(request)}">' in html


def test_staff_search_finds_by_name_and_employee_number(client, psw):
    StaffMemberFactory(first_name="Zelda", last_name="Quartermaine", employee_number="E424242")
    client.force_login(psw)
    assert "Quartermaine" in client.get(reverse("core:staff_list"), {"q": "quarter"}).content.decode()
    assert "Quartermaine" in client.get(reverse("core:staff_list"), {"q": "E424242"}).content.decode()
    assert "Quartermaine" not in client.get(reverse("core:staff_list"), {"q": "nobody"}).content.decode()


def test_a_users_list_shows_whether_each_has_an_authenticator_app(client, admin_user):
    UserFactory(username="plain", roles=["psw"])
    client.force_login(admin_user)
    page = client.get(reverse("core:user_list")).content.decode()
    assert "Set up" in page and "Not set up" in page


def test_removing_someones_authenticator_app_makes_them_set_it_up_again(client, admin_user, db):
    from pswhub.core.tests.factories import give_authenticator_app

    other_admin = UserFactory(username="admin2", roles=["admin"])
    give_authenticator_app(other_admin)
    client.force_login(admin_user)
    client.post(reverse("core:user_reset_mfa", args=[other_admin.pk]))
    client.force_login(other_admin)
    assert client.get(reverse("core:home")).url.startswith(reverse("mfa_activate_totp"))


def test_a_worker_sees_a_link_to_their_own_record_on_their_home_page(client, north_worker):
    client.force_login(north_worker)
    record = StaffMember.objects.get(user=north_worker)
    assert reverse("core:staff_detail", args=[record.pk]) in client.get(reverse("core:home")).content.decode()
