"""What needs a team manager's attention about workload, for their home page."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core.attention import AttentionItem

from . import selectors


def workload_attention_items(user):
    """One item per managed team with someone over capacity at today's caseloads."""
    items = []
    for team, over in selectors.managed_teams_over_capacity(user, on=timezone.localdate()).items():
        items.append(
            AttentionItem(
                f"Over capacity in {team.name}",
                len(over),
                reverse("workload:team") + f"?team={team.pk}",
                "Their weighted workload is above their capacity at the latest caseload count.",
            )
        )
    return items
