"""Writes to agency engagements and the price cap, with history (docs/agency.md). Keyword-only,
`<entity>_<action>`; each checks what a form cannot, so a script gets the same refusals."""

from django.db import transaction

from .models import Engagement, PriceCap

END_BEFORE_START = "The end date must be on or after the start date, {starts_on}"
ALREADY_ENDED = "This engagement has already ended"


class EngagementError(Exception):
    pass


@transaction.atomic
def engagement_save(*, changed_by, engagement=None, **fields):
    """Adds an engagement, or changes one; returns it."""
    engagement = engagement or Engagement()
    for name, value in fields.items():
        setattr(engagement, name, value)
    if engagement.ends_on and engagement.ends_on < engagement.starts_on:
        raise EngagementError(END_BEFORE_START.format(starts_on=engagement.starts_on))
    engagement._history_user = changed_by
    engagement.full_clean()
    engagement.save()
    return engagement


@transaction.atomic
def engagement_end(*, engagement, ends_on, changed_by):
    """Ends an engagement on its last day, `ends_on`; returns it."""
    engagement = Engagement.objects.select_for_update().get(pk=engagement.pk)
    if engagement.ends_on is not None:
        raise EngagementError(ALREADY_ENDED)
    if ends_on < engagement.starts_on:
        raise EngagementError(END_BEFORE_START.format(starts_on=engagement.starts_on))
    engagement.ends_on = ends_on
    engagement._history_user = changed_by
    engagement.save(update_fields=["ends_on"])
    return engagement


@transaction.atomic
def price_cap_save(*, starts_on, hourly_rate, note="", changed_by):
    """Records the regional price cap from `starts_on` (replacing one recorded for that same day);
    returns it."""
    cap = PriceCap.objects.filter(starts_on=starts_on).first() or PriceCap(starts_on=starts_on)
    cap.hourly_rate, cap.note = hourly_rate, note
    cap._history_user = changed_by
    cap.full_clean()
    cap.save()
    return cap
