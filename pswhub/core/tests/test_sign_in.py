import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from pswhub.core import roles
from pswhub.core.tests.factories import UserFactory, current_totp_code, give_authenticator_app

PASSWORD = "correct-horse-battery"


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": username, "password": password})


def test_a_person_signs_in_with_their_username_and_password(client, psw):
    response = sign_in(client, "psw")
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


def test_a_wrong_password_is_refused_with_a_message(client, psw):
    response = sign_in(client, "psw", "wrong-password")
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert client.get(reverse("core:home")).status_code == 302


def test_repeated_failed_sign_ins_are_blocked_even_with_the_right_password(client, psw):
    for _ in range(5):
        sign_in(client, "psw", "wrong-password")
    response = sign_in(client, "psw")
    assert response.status_code == 429 or "Too many failed" in response.content.decode()
    assert client.get(reverse("core:home")).status_code == 302


def test_people_cannot_create_their_own_account(client, db):
    response = client.get(reverse("account_signup"))
    assert "Accounts are made by your administrator" in response.content.decode()


def test_sign_out_ends_the_session(client, psw):
    sign_in(client, "psw")
    client.post(reverse("account_logout"))
    assert client.get(reverse("core:home")).status_code == 302


def test_a_session_ends_after_thirty_idle_minutes(client, psw):
    with time_machine.travel(datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC), tick=False) as clock:
        sign_in(client, "psw")
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("core:home")).status_code == 200
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("core:home")).status_code == 200, "activity keeps the session alive"
        clock.shift(datetime.timedelta(minutes=31))
        assert client.get(reverse("core:home")).status_code == 302


def test_a_session_is_written_at_most_once_a_minute_while_in_use(client, psw):
    from django.contrib.sessions.models import Session

    with time_machine.travel(datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC), tick=False) as clock:
        sign_in(client, "psw")
        client.get(reverse("core:home"))
        ends = Session.objects.get().expire_date
        clock.shift(datetime.timedelta(seconds=59))
        assert client.get(reverse("core:home")).status_code == 200
        assert Session.objects.get().expire_date == ends, "not written again within the minute"
        clock.shift(datetime.timedelta(seconds=1))
        client.get(reverse("core:home"))
        assert Session.objects.get().expire_date == ends + datetime.timedelta(minutes=1)


def test_a_visitor_not_signed_in_gets_no_session_written(client, db):
    from django.contrib.sessions.models import Session

    client.get(reverse("account_login"))
    client.get("/accessibility/")
    assert not Session.objects.exists()


def test_an_administrator_must_set_up_an_authenticator_app_first(client, db):
    UserFactory(username="newadmin", roles=[roles.ADMIN])
    sign_in(client, "newadmin")
    response = client.get(reverse("core:user_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_an_administrator_with_an_authenticator_app_is_asked_for_the_code(client, db):
    admin = UserFactory(username="secureadmin", roles=[roles.ADMIN])
    secret = give_authenticator_app(admin)
    response = sign_in(client, "secureadmin")
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("core:home")).status_code == 302, "not signed in before the code"
    client.post(reverse("mfa_authenticate"), {"code": current_totp_code(secret)})
    assert client.get(reverse("core:user_list")).status_code == 200


def test_a_wrong_authenticator_code_is_refused(client, db):
    admin = UserFactory(username="secureadmin", roles=[roles.ADMIN])
    give_authenticator_app(admin)
    sign_in(client, "secureadmin")
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "There is a problem" in response.content.decode()
    assert client.get(reverse("core:home")).status_code == 302


def test_other_roles_do_not_need_an_authenticator_app_by_default(client, psw):
    sign_in(client, "psw")
    assert client.get(reverse("core:home")).status_code == 200


@override_settings(PSWHUB_MFA_REQUIRED_ROLES=["admin", "psw"])
def test_a_council_can_require_an_authenticator_app_for_more_roles(client, psw):
    sign_in(client, "psw")
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("page", ["core:accessibility", "account_logout"])
def test_an_administrator_without_an_app_can_still_read_public_pages_and_sign_out(client, db, page):
    UserFactory(username="newadmin", roles=[roles.ADMIN])
    sign_in(client, "newadmin")
    assert client.get(reverse(page)).status_code == 200


def test_a_superuser_must_set_up_an_authenticator_app_too(client, db):
    UserFactory(username="root", is_superuser=True)
    sign_in(client, "root")
    assert client.get(reverse("core:home")).url.startswith(reverse("mfa_activate_totp"))


def test_a_forgotten_password_is_reset_by_an_emailed_link(client, psw, mailoutbox):
    psw.email = "psw@example.gov.uk"
    psw.save()
    page = client.get(reverse("account_reset_password")).content.decode()
    assert "Reset your password" in page
    client.post(reverse("account_reset_password"), {"email": "psw@example.gov.uk"})
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/password/reset/key/" in line).strip()
    form_page = client.get(link, follow=True)
    assert "Set a new password" in form_page.content.decode()
    client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "a-brand-new-passphrase", "password2": "a-brand-new-passphrase"},
    )
    client.logout()
    assert sign_in(client, "psw", "a-brand-new-passphrase").status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


@pytest.mark.parametrize("page", ["account_email", "socialaccount_connections", "account_change_password", "mfa_index"])
def test_account_pages_are_in_the_service_design(client, psw, page):
    client.force_login(psw)
    assert 'class="govuk-template' in client.get(reverse(page)).content.decode()


def test_while_setting_up_the_app_an_administrator_is_offered_no_links_that_would_bounce(client, db):
    UserFactory(username="newadmin", roles=[roles.ADMIN])
    sign_in(client, "newadmin")
    page = client.get(reverse("mfa_activate_totp") + "?required=1").content.decode()
    assert "Set up an authenticator app" in page
    assert 'href="/users/"' not in page and 'href="/organisation/"' not in page


def test_sensitive_account_changes_ask_again_once_the_sign_in_is_not_recent(client, db):
    UserFactory(username="newadmin", roles=[roles.ADMIN])
    with time_machine.travel(datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC), tick=False) as clock:
        sign_in(client, "newadmin")
        assert client.get(reverse("mfa_activate_totp")).status_code == 200
        clock.shift(datetime.timedelta(minutes=10))
        assert client.get(reverse("mfa_activate_totp")).url.startswith(reverse("account_reauthenticate"))


def test_the_sign_in_page_offers_one_password_reset_link_styled_as_a_link(client, db):
    page = client.get(reverse("account_login")).content.decode()
    reset = reverse("account_reset_password")
    assert page.count(f'href="{reset}"') == 1
    assert f'<a class="govuk-link" href="{reset}">' in page
