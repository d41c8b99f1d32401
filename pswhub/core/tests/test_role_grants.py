"""The PSW and administrator roles are given only when a second administrator approves: one
administrator alone can never give them, to themselves or anyone."""

import pytest
from django.urls import reverse

from pswhub.core import roles, services
from pswhub.core.models import RoleGrantRequest, StaffMember
from pswhub.core.tests.factories import UserFactory, give_authenticator_app


@pytest.fixture
def second_admin(db):
    admin = UserFactory(username="admin2", roles=[roles.ADMIN])
    give_authenticator_app(admin)
    return admin


def edit_roles(client, user, role_codes):
    """Saves the user's page with these roles ticked and everything else as it is."""
    data = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email, "is_active": "on"}
    data["roles"] = role_codes
    staff = StaffMember.objects.filter(user=user).first()
    if staff is not None:
        data["staff_member"] = staff.pk
    return client.post(reverse("core:user_edit", args=[user.pk]), data, follow=True)


def codes(user):
    user.forget_cached_roles()
    return set(user.role_codes)


def test_a_sole_administrator_cannot_give_themselves_the_psw_role(client, admin_user):
    client.force_login(admin_user)
    page = edit_roles(client, admin_user, [roles.ADMIN, roles.PSW]).content.decode()
    assert codes(admin_user) == {roles.ADMIN}
    assert "waits for another administrator’s approval" in page
    grant = RoleGrantRequest.objects.get(user=admin_user)
    assert (grant.role_id, grant.status, grant.requested_by) == (roles.PSW, "pending", admin_user)
    assert client.post(reverse("core:role_grant_approve", args=[grant.pk])).status_code == 403
    assert codes(admin_user) == {roles.ADMIN}


def test_a_second_administrator_approves_and_the_change_is_in_the_history(client, admin_user, second_admin):
    client.force_login(admin_user)
    edit_roles(client, admin_user, [roles.ADMIN, roles.PSW])
    grant = RoleGrantRequest.objects.get(user=admin_user)
    client.force_login(second_admin)
    page = client.get(reverse("core:user_list")).content.decode()
    assert "Roles waiting for a second administrator" in page
    client.post(reverse("core:role_grant_approve", args=[grant.pk]))
    assert codes(admin_user) == {roles.ADMIN, roles.PSW}
    grant.refresh_from_db()
    assert (grant.status, grant.decided_by) == ("approved", second_admin)
    latest = admin_user.history.first()
    assert latest.history_user == second_admin
    assert {row.role_id for row in latest.roles.all()} == {roles.ADMIN, roles.PSW}
    assert [row.status for row in grant.history.order_by("history_date")] == ["pending", "approved"]
    history = client.get(reverse("core:history")).content.decode()
    assert "Principal Social Worker for admin (role request)" in history
    # Who decided reads as the administrator, not their number.
    assert f"Decided by: blank to {second_admin}" in history


def test_the_person_who_would_get_the_role_cannot_approve_it(client, admin_user, second_admin):
    client.force_login(admin_user)
    edit_roles(client, second_admin, [roles.ADMIN, roles.PSW])
    grant = RoleGrantRequest.objects.get(user=second_admin)
    client.force_login(second_admin)
    assert client.post(reverse("core:role_grant_approve", args=[grant.pk])).status_code == 403
    assert codes(second_admin) == {roles.ADMIN}


@pytest.mark.parametrize("person", ["psw", "hr_officer", "north_manager"])
def test_only_an_administrator_decides(request, client, admin_user, north_worker, person):
    grant = RoleGrantRequest.objects.create(user=north_worker, role_id=roles.PSW, requested_by=admin_user)
    client.force_login(request.getfixturevalue(person))
    assert client.post(reverse("core:role_grant_approve", args=[grant.pk])).status_code == 403
    assert roles.PSW not in codes(north_worker)


def test_a_refused_role_is_not_given_and_cannot_then_be_approved(admin_user, second_admin, north_worker):
    grant = RoleGrantRequest.objects.create(user=north_worker, role_id=roles.ADMIN, requested_by=admin_user)
    services.role_grant_refuse(grant=grant, refused_by=second_admin)
    with pytest.raises(ValueError, match=services.GRANT_NOT_PENDING):
        services.role_grant_approve(grant=grant, approved_by=second_admin)
    assert roles.ADMIN not in codes(north_worker)


def test_the_service_refuses_an_approval_by_the_administrator_who_asked(admin_user, north_worker):
    grant = RoleGrantRequest.objects.create(user=north_worker, role_id=roles.PSW, requested_by=admin_user)
    with pytest.raises(ValueError, match=services.GRANT_NEEDS_ANOTHER_ADMINISTRATOR):
        services.role_grant_approve(grant=grant, approved_by=admin_user)


def test_other_roles_are_given_at_once(client, admin_user, north_worker):
    client.force_login(admin_user)
    edit_roles(client, north_worker, [roles.SOCIAL_WORKER, roles.AUDITOR])
    assert codes(north_worker) == {roles.SOCIAL_WORKER, roles.AUDITOR}
    assert not RoleGrantRequest.objects.exists()


def test_taking_the_psw_role_away_needs_no_approval(client, admin_user, psw):
    client.force_login(admin_user)
    edit_roles(client, psw, [roles.QA_OFFICER])
    assert codes(psw) == {roles.QA_OFFICER}
    assert not RoleGrantRequest.objects.exists()


def test_a_new_account_with_the_administrator_role_waits_for_approval(client, admin_user):
    client.force_login(admin_user)
    client.post(
        reverse("core:user_create"),
        {"username": "newadmin", "first_name": "New", "last_name": "Admin", "roles": [roles.ADMIN, roles.AUDITOR]},
    )
    grant = RoleGrantRequest.objects.get(user__username="newadmin")
    assert codes(grant.user) == {roles.AUDITOR}
    assert grant.role_id == roles.ADMIN


def test_asking_twice_makes_one_request(client, admin_user, north_worker):
    client.force_login(admin_user)
    edit_roles(client, north_worker, [roles.SOCIAL_WORKER, roles.PSW])
    edit_roles(client, north_worker, [roles.SOCIAL_WORKER, roles.PSW])
    assert RoleGrantRequest.objects.filter(user=north_worker).count() == 1


def test_the_other_administrators_home_page_shows_what_waits_for_them(client, admin_user, second_admin, north_worker):
    RoleGrantRequest.objects.create(user=north_worker, role_id=roles.PSW, requested_by=admin_user)
    client.force_login(second_admin)
    assert "Roles waiting for your approval" in client.get(reverse("core:home")).content.decode()
    client.force_login(admin_user)
    assert "Roles waiting for your approval" not in client.get(reverse("core:home")).content.decode()
