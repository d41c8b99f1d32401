"""Home-page items for the work plan and committee actions."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from pswhub.core.attention import AttentionItem

from . import selectors


def reminder_days():
    return settings.PSWHUB_ACTION_REMINDER_DAYS


def governance_attention_items(user):
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    items = []
    mine = selectors.actions_owned_by(user=user)
    due = mine.filter(due_on__lte=today + timedelta(days=reminder_days())).count()
    if due:
        items.append(
            AttentionItem(
                "Committee actions you own that are due soon or overdue",
                due,
                reverse("governance:action_list"),
                "Add an update to say where each one stands.",
            )
        )
    if user.has_perm("governance.view_committees"):
        overdue = selectors.actions_overdue(today=today).count()
        if overdue:
            items.append(
                AttentionItem(
                    "Committee actions overdue",
                    overdue,
                    reverse("governance:action_list"),
                    "The committee will ask about these at its next meeting.",
                )
            )
    return items
