"""Home-page items for registration renewals, from 1 September to 30 November: for a worker their
own renewal, for a team manager their teams' workers not yet renewed, for the PSW and HR every
worker not yet renewed and those at risk."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core.attention import AttentionItem

from . import selectors
from .models import Registration, renewal_deadline


def registration_attention_items(user, today=None):
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    if not selectors.renewal_is_open(today):
        return []
    deadline = renewal_deadline(today.year)
    items = []
    staff_member = getattr(user, "staff_member", None)
    if staff_member is not None:
        own = Registration.objects.filter(staff_member=staff_member)
        if selectors.renewals_needing_attention(today=today, registrations=own):
            items.append(
                AttentionItem(
                    "Your Social Work England renewal",
                    1,
                    reverse("registrations:mine"),
                    f"Renew by {deadline.day} November and record it here, with your CPD entries.",
                )
            )
    if user.has_perm("registrations.view_renewals"):
        rows = selectors.renewals_needing_attention(today=today, registrations=Registration.objects.visible_to(user))
        if staff_member is not None:
            rows = [row for row in rows if row.registration.staff_member_id != staff_member.pk]
        if rows:
            items.append(
                AttentionItem(
                    "Social workers not yet renewed",
                    len(rows),
                    reverse("registrations:home"),
                    f"Registrations lapse if not renewed by {deadline.day} November.",
                )
            )
        at_risk = sum(1 for row in rows if row.standing == selectors.AT_RISK)
        if at_risk and user.has_perm("registrations.change_registrations"):
            items.append(
                AttentionItem(
                    "Social workers at risk of not renewing",
                    at_risk,
                    reverse("registrations:home"),
                    "Fewer than two CPD entries, or no peer reflection.",
                )
            )
    return items
