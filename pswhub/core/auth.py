"""Sign-in rules: no self-service sign-up for local accounts; people who sign in with the
council's Microsoft Entra ID get an account whose roles follow their Entra app roles."""

import time

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings

from .models import Role


def entra_role_codes(claims, role_map=None):
    """PSW Hub role codes for the `roles` claim of an Entra ID token, through ENTRA_ROLE_MAP.
    App roles that are not in the map are ignored."""
    role_map = settings.ENTRA_ROLE_MAP if role_map is None else role_map
    return {role_map[value] for value in claims.get("roles", []) if value in role_map}


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app, **kwargs):
        """Someone who signed in moments ago is not asked for their password again, so an
        administrator can set up the authenticator app their role needs straight after signing in.
        Later sensitive changes still ask them to confirm it is them."""
        request = context.request
        if request is not None and request.user.is_authenticated:
            records = get_authentication_records(request, request.user)
            if records and time.time() - records[-1]["at"] < allauth_settings.REAUTHENTICATION_TIMEOUT:
                return False
        return super().is_reauthentication_required(app=app, **kwargs)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return True

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        claims = _claims(sociallogin)
        user.username = claims.get("preferred_username") or user.username or claims.get("sub", "")
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        sync_entra_roles(user, _claims(sociallogin))
        return user

    def pre_social_login(self, request, sociallogin):
        if sociallogin.is_existing:
            sync_entra_roles(sociallogin.user, _claims(sociallogin))


def _claims(sociallogin):
    extra = sociallogin.account.extra_data or {}
    return {**extra.get("userinfo", {}), **extra.get("id_token", {})}


def sync_entra_roles(user, claims):
    """Entra ID is the source of truth for the roles of people who sign in through it."""
    codes = entra_role_codes(claims)
    user.roles.set(Role.objects.filter(code__in=codes))
    user.forget_cached_roles()
    return user
