from django.conf import settings
from django.middleware.csp import get_nonce

from .navigation import navigation_for, pages_for, subnavigation_for
from .selectors import authority_get


def layout(request):
    authority = authority_get()
    council = authority.name if authority else (settings.PSWHUB_COUNCIL_NAME or "Your council")
    user = getattr(request, "user", None)
    nonce = get_nonce(request)
    navigable = user is not None and not getattr(request, "mfa_setup_required", False)
    pages = pages_for(user) if navigable else []  # once: the navigation and sub-navigation share them
    return {
        "council_name": council,
        "service_name": "PSW Hub",
        "navigation": navigation_for(user, request.path, pages=pages) if navigable else [],
        "subnavigation": subnavigation_for(user, request.path, pages=pages) if navigable else None,
        "entra_enabled": bool(settings.ENTRA_CLIENT_ID),
        "idle_minutes": settings.SESSION_COOKIE_AGE // 60,
        # GOV.UK Frontend's page template reads the nonce under this name.
        # str() makes Django generate the nonce, so the header carries it too.
        "cspNonce": str(nonce) if nonce is not None else None,
        "themeColor": "#12436d",
    }
