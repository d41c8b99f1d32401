"""Sign-in with Microsoft Entra ID: app roles in the ID token decide PSW Hub roles."""

from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.test import RequestFactory, override_settings

from pswhub.core import roles
from pswhub.core.auth import SocialAccountAdapter, entra_role_codes
from pswhub.core.models import User
from pswhub.core.tests.factories import UserFactory

ROLE_MAP = {"PSWHub.PSW": roles.PSW, "PSWHub.Manager": roles.TEAM_MANAGER, "PSWHub.Admin": roles.ADMIN}


def test_app_roles_map_to_pswhub_roles():
    claims = {"roles": ["PSWHub.PSW", "PSWHub.Manager"]}
    assert entra_role_codes(claims, ROLE_MAP) == {roles.PSW, roles.TEAM_MANAGER}


def test_app_roles_not_in_the_map_give_no_role():
    assert entra_role_codes({"roles": ["Finance.Reader"]}, ROLE_MAP) == set()
    assert entra_role_codes({}, ROLE_MAP) == set()


def _sociallogin(user, claims):
    account = SocialAccount(provider="entra", uid=claims["sub"], extra_data={"id_token": claims, "userinfo": {}})
    return SocialLogin(user=user, account=account)


def _request():
    request = RequestFactory().get("/accounts/oidc/entra/login/callback/")
    from django.contrib.sessions.backends.db import SessionStore

    request.session = SessionStore()
    return request


@override_settings(ENTRA_ROLE_MAP=ROLE_MAP)
def test_a_first_entra_sign_in_creates_an_account_with_the_mapped_roles(db):
    claims = {"sub": "abc-123", "preferred_username": "sam.jones@northshire.gov.uk", "roles": ["PSWHub.Manager"]}
    adapter = SocialAccountAdapter()
    sociallogin = _sociallogin(User(), claims)
    adapter.populate_user(_request(), sociallogin, {"email": "sam.jones@northshire.gov.uk"})
    user = adapter.save_user(_request(), sociallogin)
    user = User.objects.get(pk=user.pk)
    assert user.username == "sam.jones@northshire.gov.uk"
    assert user.role_codes == {roles.TEAM_MANAGER}


@override_settings(ENTRA_ROLE_MAP=ROLE_MAP)
def test_roles_follow_entra_at_every_sign_in(db):
    user = UserFactory(username="sam", roles=[roles.TEAM_MANAGER])
    claims = {"sub": "abc-123", "roles": ["PSWHub.PSW"]}
    sociallogin = _sociallogin(user, claims)
    sociallogin.account.user = user
    sociallogin.account.save()
    SocialAccountAdapter().pre_social_login(_request(), sociallogin)
    assert User.objects.get(pk=user.pk).role_codes == {roles.PSW}


@override_settings(ENTRA_ROLE_MAP=ROLE_MAP)
def test_losing_every_app_role_in_entra_removes_pswhub_roles(db):
    user = UserFactory(username="sam", roles=[roles.ADMIN])
    sociallogin = _sociallogin(user, {"sub": "abc-123", "roles": []})
    sociallogin.account.user = user
    sociallogin.account.save()
    SocialAccountAdapter().pre_social_login(_request(), sociallogin)
    assert User.objects.get(pk=user.pk).role_codes == frozenset()
