"""Sign-in rules: no self-service sign-up for local accounts; people who sign in with the
council's Microsoft Entra ID get an account whose roles follow their Entra app roles."""

import time

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.core.internal import ratelimit
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .models import Role


def entra_role_codes(claims, role_map=None):
    """PSW Hub role codes for the `roles` claim of an Entra ID token, through ENTRA_ROLE_MAP.
    App roles that are not in the map are ignored."""
    role_map = settings.ENTRA_ROLE_MAP if role_map is None else role_map
    return {role_map[value] for value in claims.get("roles", []) if value in role_map}


def record_last_login(sender, user, **kwargs):
    """Keeps the time of a sign-in as Django does, but with an update that writes no
    change-history row: signing in changes nothing anyone needs to see in the history.
    Connected in place of Django's own update_last_login (CoreConfig.ready)."""
    user.last_login = timezone.now()
    type(user)._default_manager.filter(pk=user.pk).update(last_login=user.last_login)


def sign_in_lock_keys(user):
    """The keys failed sign-ins are counted under for one account: its username (password
    failures) and its id (authenticator code failures)."""
    return [user.username.lower(), f"mfa-auth-user-{user.pk}"]


def _account_limits(user):
    """(cache key, rate) of each per-account limit on failed sign-ins. allauth counts failures in
    the cache under a key made from the action, the rate and the account's key."""
    rates = ratelimit.get_rates(app="allauth.account", action="login_failed")
    return [
        (ratelimit.get_cache_key(None, app="allauth.account", action="login_failed", rate=rate, key=key), rate)
        for rate in rates
        if rate.per == "key"
        for key in sign_in_lock_keys(user)
    ]


def sign_in_locked(user):
    """Whether too many failed sign-ins for this account stop it signing in now."""
    now = time.time()
    return any(
        not ratelimit.apply_rate(list(cache.get(cache_key, [])), now, rate, dry_run=True)[0]
        for cache_key, rate in _account_limits(user)
    )


def sign_in_lock_clear(user):
    """Forgets the account's failed sign-ins. Limits per address are left alone."""
    for cache_key, _ in _account_limits(user):
        cache.delete(cache_key)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Failed sign-ins are counted per username, whichever host name the request came in on,
        so that an administrator can lift the lock (sign_in_lock_clear)."""
        return credentials.get("email", credentials.get("username", "")).lower()

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
