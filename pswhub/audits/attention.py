"""What needs a person's attention about audits, for their home page."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core.attention import AttentionItem

from . import selectors


def audit_attention_items(user):
    items = []
    flags = selectors.open_risk_flags_for(user).count()
    if flags:
        items.append(
            AttentionItem(
                "Children who may be at risk now",
                flags,
                reverse("audits:list") + "?risk=open",
                "An auditor has flagged a risk to a child. Open the audit, act, then acknowledge the flag.",
            )
        )
    if user.has_perm("audits.view_unsuppressed_figures"):
        awaiting = selectors.audits_awaiting_moderation(user=user).count()
        if awaiting:
            items.append(
                AttentionItem("Audits awaiting moderation", awaiting, reverse("audits:list") + "?status=submitted")
            )
    assigned = selectors.assignments_of(user)
    if assigned:
        overdue = sum(planned.is_overdue(timezone.localdate()) for planned in assigned)
        items.append(
            AttentionItem(
                "Audits assigned to you",
                len(assigned),
                reverse("audits:assignments"),
                f"{overdue} past the due date." if overdue else "Start each one from the list.",
            )
        )
    drafts = selectors.drafts_of(user).count()
    if drafts:
        items.append(AttentionItem("Your audits in draft", drafts, reverse("audits:list") + "?status=draft"))
    return items
