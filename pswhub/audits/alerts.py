"""The risk-flag alert: when an auditor says "this child may be at risk now", the managers of the
case's team (and of the teams above it) and every PSW are told at once, through core's
notifications: on their "Sent to you" page and by e-mail, with the case reference and a link only.

The flag itself is the alert that matters: it is saved first and stays on the home pages until
someone acknowledges it, whatever happens to the e-mail. The e-mails go once the flag is
committed, by a background task; a failure to send is logged and never raised to the person
raising the flag. See docs/adr/0202-risk-flag-email.md."""

import logging

from django.urls import reverse

from pswhub.core import roles
from pswhub.core.models import Team, User
from pswhub.core.notifications import notify

logger = logging.getLogger(__name__)

ALERT_SUBJECT = "A child may be at risk now: case {reference}"
ALERT_TEXT = (
    "An auditor has raised a risk flag on an audit of case {reference} in PSW Hub: this child may be "
    "at risk now.\n\n"
    "Open the audit to read the concern, act on it, then acknowledge the flag:"
)
NO_RECIPIENTS = "Risk flag %s: nobody with an e-mail address to alert; it is shown on the home pages only"


def team_and_ancestor_ids(team_id):
    """The team and every team above it: their managers manage the case's team."""
    ids, current = [], Team.objects.filter(pk=team_id).values_list("pk", "parent_id").first()
    while current is not None and current[0] not in ids:
        ids.append(current[0])
        parent_id = current[1]
        current = Team.objects.filter(pk=parent_id).values_list("pk", "parent_id").first() if parent_id else None
    return ids


def risk_flag_recipients(flag):
    """Every active PSW, and every active team manager of the case's team or a team above it (the
    people who act on the flag from their home page); each once."""
    managers = User.objects.filter(
        roles__code=roles.TEAM_MANAGER, managed_teams__in=team_and_ancestor_ids(flag.audit.team_id)
    )
    psws = User.objects.filter(roles__code=roles.PSW)
    return list((managers | psws).filter(is_active=True).distinct().order_by("pk"))


def risk_flag_notify(*, flag):
    """Tells the flag's recipients. The message names the case by its reference and links to the
    audit; it carries no name and none of the audit's own words. Returns the notifications made."""
    people = risk_flag_recipients(flag)
    if not any(person.email for person in people):
        logger.warning(NO_RECIPIENTS, flag.pk)
    reference = flag.audit.case_reference
    return notify(
        recipients=people,
        kind="risk_flag",
        subject=ALERT_SUBJECT.format(reference=reference),
        text=ALERT_TEXT.format(reference=reference),
        path=reverse("audits:detail", args=[flag.audit_id]),
    )
