"""Carrying a previewed file back in the confirm form, signed (kept until every import stores its
uploads)."""

import base64

from django.core import signing

from .pipeline import PREVIEW_HOURS


def upload_sign(*, name, content, salt, **extra):
    """A token that carries a previewed file (its name, bytes and any `extra` choices) back in the
    confirm form, signed with the site's secret key under `salt`."""
    return signing.dumps(
        {"name": name, "content": base64.b64encode(content).decode(), **extra}, salt=salt, compress=True
    )


def upload_unsign(token, *, salt, max_age_hours=PREVIEW_HOURS):
    """What `upload_sign` carried, with `content` as bytes again; None when the token was altered,
    has expired or cannot be read."""
    try:
        sent = signing.loads(token or "", salt=salt, max_age=max_age_hours * 3600)
        return sent | {"content": base64.b64decode(sent["content"])}
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
