import time

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers


class RequireMultiFactorMiddleware:
    """Users holding a role in PSWHUB_MFA_REQUIRED_ROLES (administrators by default) must set up
    an authenticator app before they can use anything but the sign-in pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        # Remembered on the request so that pages can leave out links that would only bounce.
        request.mfa_setup_required = (
            user.is_authenticated
            and (user.is_superuser or user.has_role(*settings.PSWHUB_MFA_REQUIRED_ROLES))
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        )
        if request.mfa_setup_required and not self._is_exempt(request.path):
            return redirect(f"{reverse('mfa_activate_totp')}?required=1")
        return self.get_response(request)

    @staticmethod
    def _is_exempt(path):
        return path.startswith(("/accounts/", settings.STATIC_URL, "/accessibility/", "/privacy/", "/cookies/"))


class NoStoreMiddleware:
    """Nothing a signed-in person sees, and no download, is kept by the browser or a proxy:
    `Cache-Control: no-store` (with Django's other never-cache headers) on every response to a
    signed-in request and on every response that is a file to save. A shared computer's back
    button or a proxy's cache then never shows personal data to the next person."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        download = response.get("Content-Disposition", "").startswith("attachment")
        if signed_in or download:
            add_never_cache_headers(response)
        return response


class SessionActivityMiddleware:
    """A session ends after PSWHUB_IDLE_MINUTES without a request (SESSION_COOKIE_AGE). Each
    request of a session in use moves its end on, but the session is written at most once a
    minute (`TOUCH_SECONDS`), not on every request: the idle limit then ends a session between
    one minute before and the limit itself after its last request, and a busy server is spared a
    database write per page. Sessions with nothing in them (no one signed in) are never written
    for it."""

    TOUCH_SECONDS = 60
    KEY = "_pswhub_touched"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get(self.KEY, 0) >= self.TOUCH_SECONDS:
                session[self.KEY] = now
        return response
