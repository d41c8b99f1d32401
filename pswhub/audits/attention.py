"""What needs a person's attention about audits, for their home page."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core import roles
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
    elif user.has_role(roles.HEAD_OF_SERVICE):
        council_flags = selectors.open_risk_flag_count()
        if council_flags:
            items.append(
                AttentionItem(
                    "Risk flags not yet acknowledged",
                    council_flags,
                    reverse("audits:dashboard"),
                    "The PSW and the managers of each case's team have been told and act on them.",
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
    own_cases = selectors.audits_of_own_cases_in_progress(user).count()
    if own_cases:
        items.append(
            AttentionItem(
                "Audits of your cases in progress",
                own_cases,
                reverse("audits:list") + "?cases=mine",
                "Read what the auditor has found so far and add what you want them to know.",
            )
        )
    actions = selectors.open_actions_of(user).count()
    if actions:
        items.append(
            AttentionItem(
                "Audit actions you have been given",
                actions,
                reverse("audits:list") + "?actions=mine",
                "Each is on its audit's page; mark it done there.",
            )
        )
    drafts = selectors.drafts_of(user).count()
    if drafts:
        items.append(AttentionItem("Your audits in draft", drafts, reverse("audits:list") + "?status=draft"))
    return items
