"""Home-page items for supervision: a team manager sees the staff of their teams overdue for
supervision; a worker sees when they are overdue themselves."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core import roles
from pswhub.core.attention import AttentionItem

from . import supervision


def learning_attention_items(user, today=None):
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    items = []
    if user.has_role(roles.TEAM_MANAGER):
        overdue = supervision.overdue_workers(on=today, team_ids=user.managed_team_ids())
        staff_member = getattr(user, "staff_member", None)
        overdue = [row for row in overdue if staff_member is None or row.staff_member.pk != staff_member.pk]
        if overdue:
            items.append(
                AttentionItem(
                    "Staff in your teams overdue for supervision",
                    len(overdue),
                    reverse("learning:supervision"),
                    "Record each session once it has taken place.",
                )
            )
    staff_member = getattr(user, "staff_member", None)
    # A worker is told only once their supervision is recorded here at all.
    if (
        staff_member is not None
        and user.has_role(roles.SOCIAL_WORKER)
        and supervision.sessions_of(staff_member=staff_member).exists()
    ):
        mine = supervision.overdue_workers(on=today, team_ids=None, staff_ids=[staff_member.pk])
        if mine:
            items.append(
                AttentionItem(
                    "Your supervision is overdue",
                    1,
                    reverse("learning:mine"),
                    "Ask your manager to book a session.",
                )
            )
    return items
