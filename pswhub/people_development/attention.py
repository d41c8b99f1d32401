"""Home-page items for people development: reviews due or overdue for the assessor, the worker's
manager and those who keep the records; progression panels held with applications still waiting;
newly qualified workers over their workload capacity."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core import roles
from pswhub.core.attention import AttentionItem
from pswhub.workload.selectors import worker_lines

from . import selectors
from .models import OPEN_OUTCOMES, EarlyCareerRecord

REVIEW_WINDOW_DAYS = 14


def newly_qualified_over_capacity(user, *, on):
    """Workers on an open programme, in the user's care (every one for the PSW and HR; their teams'
    for a team manager), whose weighted workload is above their capacity at `on`."""
    records = EarlyCareerRecord.objects.filter(outcome__in=OPEN_OUTCOMES, started_on__lte=on)
    if not user.has_role(roles.PSW, roles.HR_OFFICER):
        if not user.has_role(roles.TEAM_MANAGER):
            return []
        records = records.filter(staff_member__team_id__in=user.managed_team_ids())
    staff = [record.staff_member for record in records.select_related("staff_member__team")]
    return [line for line in worker_lines(staff_members=staff, on=on) if line.over_capacity]


def people_development_attention_items(user):
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    items = []
    due = selectors.reviews_due(user, today=today, within_days=REVIEW_WINDOW_DAYS).count()
    if due:
        items.append(
            AttentionItem(
                "Early career reviews due or overdue",
                due,
                reverse("people_development:record_list"),
                f"Reviews not yet held that are overdue or due in the next {REVIEW_WINDOW_DAYS} days.",
            )
        )
    if user.has_perm("people_development.change_progression"):
        waiting = selectors.panels_waiting(today=today).count()
        if waiting:
            items.append(
                AttentionItem(
                    "Progression panels with applications waiting for a decision",
                    waiting,
                    reverse("people_development:panel_list"),
                    "Record the panel's decision on each application.",
                )
            )
    over = newly_qualified_over_capacity(user, on=today)
    if over:
        items.append(
            AttentionItem(
                "Newly qualified social workers over their workload capacity",
                len(over),
                reverse("people_development:record_list"),
                "Their weighted workload is above the lower early-career capacity at the latest caseload count.",
            )
        )
    return items
