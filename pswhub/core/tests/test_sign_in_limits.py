"""Failed sign-ins lock the account they were tried on, not the address they came from; an
administrator can lift an account's lock; signing in leaves no row in the change history."""

import logging

import pytest
from django.test import override_settings
from django.urls import reverse

from pswhub.core import services
from pswhub.core.auth import sign_in_locked
from pswhub.core.models import User

PASSWORD = "correct-horse-battery"
COUNCIL_ADDRESS = "203.0.113.7"
HOME_ADDRESS = "198.51.100.20"


def sign_in(client, username, password=PASSWORD, address=COUNCIL_ADDRESS):
    return client.post(reverse("account_login"), {"login": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client):
    return client.get(reverse("core:home")).status_code == 200


def fail(client, username, times, address=COUNCIL_ADDRESS):
    for _ in range(times):
        sign_in(client, username, "wrong-password", address)


def test_five_wrong_passwords_for_one_account_do_not_stop_another_at_the_same_address(client, psw, qa_officer):
    fail(client, "psw", 5)
    assert sign_in(client, "qa").status_code == 302
    assert signed_in(client)


def test_after_five_wrong_passwords_the_account_is_locked_from_every_address(client, psw):
    fail(client, "psw", 5)
    assert sign_in(client, "psw").status_code != 302
    assert sign_in(client, "psw", address=HOME_ADDRESS).status_code != 302
    assert not signed_in(client)
    assert sign_in_locked(psw)


def test_four_wrong_passwords_leave_the_account_open(client, psw):
    fail(client, "psw", 4)
    assert not sign_in_locked(psw)
    assert sign_in(client, "psw").status_code == 302


def test_an_address_trying_twenty_wrong_passwords_a_minute_is_stopped_but_not_others(client, psw, qa_officer, db):
    for name in ["guess1", "guess2", "guess3", "guess4"]:
        fail(client, name, 5)
    assert sign_in(client, "qa").status_code != 302, "the twenty-first attempt from that address is refused"
    assert sign_in(client, "qa", address=HOME_ADDRESS).status_code == 302


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_limit_applies_to_each_persons_address(client, psw, qa_officer, db):
    proxy = "10.0.0.1"
    for name in ["guess1", "guess2", "guess3", "guess4"]:
        for _ in range(5):
            client.post(
                reverse("account_login"),
                {"login": name, "password": "wrong-password"},
                REMOTE_ADDR=proxy,
                HTTP_X_FORWARDED_FOR=COUNCIL_ADDRESS,
            )
    colleague = client.post(
        reverse("account_login"),
        {"login": "qa", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=HOME_ADDRESS,
    )
    assert colleague.status_code == 302


def test_an_administrator_sees_the_lock_and_lifts_it(client, psw, admin_user, caplog):
    fail(client, "psw", 5)
    client.force_login(admin_user)
    page = client.get(reverse("core:user_edit", args=[psw.pk])).content.decode()
    assert "Sign-in locked" in page
    with caplog.at_level(logging.INFO, logger="pswhub.security"):
        client.post(reverse("core:user_sign_in_unlock", args=[psw.pk]))
    assert "admin lifted the sign-in lock on psw" in caplog.text
    assert not sign_in_locked(psw)
    client.logout()
    assert sign_in(client, "psw").status_code == 302


def test_an_account_that_is_not_locked_offers_no_button(client, psw, admin_user):
    client.force_login(admin_user)
    assert "Sign-in locked" not in client.get(reverse("core:user_edit", args=[psw.pk])).content.decode()


@pytest.mark.parametrize("person", ["psw", "qa_officer", "hr_officer", "north_manager"])
def test_only_an_administrator_can_lift_a_lock(request, client, psw, person):
    fail(client, "psw", 5)
    client.force_login(request.getfixturevalue(person))
    assert client.post(reverse("core:user_sign_in_unlock", args=[psw.pk])).status_code == 403
    assert sign_in_locked(psw)


def test_lifting_a_lock_leaves_the_addresss_count_alone(client, psw, qa_officer, admin_user):
    for name in ["guess1", "guess2", "guess3", "psw"]:
        fail(client, name, 5)
    services.user_sign_in_unlock(user=psw, changed_by=admin_user)
    assert sign_in(client, "psw").status_code != 302, "the address is still stopped for the minute"
    assert sign_in(client, "psw", address=HOME_ADDRESS).status_code == 302


def test_signing_in_adds_no_row_to_the_change_history(client, psw):
    rows = User.history.filter(id=psw.pk).count()
    assert sign_in(client, "psw").status_code == 302
    psw.refresh_from_db()
    assert psw.last_login is not None
    assert User.history.filter(id=psw.pk).count() == rows


def test_changing_an_account_still_adds_a_row(psw, admin_user):
    rows = User.history.filter(id=psw.pk).count()
    services.user_update(
        user=psw,
        changed_by=admin_user,
        first_name="Priyanka",
        last_name=psw.last_name,
        email="",
        is_active=True,
        role_codes=["psw"],
        managed_teams=[],
    )
    assert User.history.filter(id=psw.pk).count() > rows
