"""Home-page items for the health check: a survey open to you, and for the PSW the comments
waiting to be read before anyone else sees them."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core.attention import AttentionItem

from . import selectors


def health_check_attention_items(user):
    if not user.is_authenticated or not user.has_perm("health_check.view_own"):
        return []
    items = []
    to_answer = selectors.runs_to_answer(user=user, today=timezone.localdate()).count()
    if to_answer:
        items.append(
            AttentionItem(
                "Health check surveys open for you to answer",
                to_answer,
                reverse("health_check:home"),
                "Your answers are anonymous and take about 15 minutes.",
            )
        )
    if user.has_perm("health_check.review_comments"):
        unread = selectors.comments_unread().count()
        if unread:
            items.append(
                AttentionItem(
                    "Health check comments to read",
                    unread,
                    reverse("health_check:run_list"),
                    "No comment is shown to anyone else until you have read it.",
                )
            )
    return items
