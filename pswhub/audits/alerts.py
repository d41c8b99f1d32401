"""The risk-flag e-mail: when an auditor says "this child may be at risk now", the managers of the
case's team and every PSW are e-mailed at once, with the case reference and a link only.

The flag itself is the alert that matters: it is saved first and stays on the home pages until
someone acknowledges it, whatever happens to the e-mail. The e-mail is sent by a background task
(`tasks.send_risk_flag_alert`), enqueued once, when the flag is raised. A failure to send is
logged and never raised to the person raising the flag. See docs/adr/0202-risk-flag-email.md."""

import logging

from django.conf import settings
from django.core.mail import mailers
from django.core.mail.message import EmailMessage
from django.urls import reverse

from pswhub.core import roles
from pswhub.core.models import Team, User

logger = logging.getLogger(__name__)

ALERT_SUBJECT = "A child may be at risk now: case {reference}"
ALERT_BODY = (
    "An auditor has raised a risk flag on an audit of case {reference} in PSW Hub: this child may be "
    "at risk now.\n\n"
    "Open the audit to read the concern, act on it, then acknowledge the flag:\n{link}\n\n"
    "You are receiving this because you are a Principal Social Worker or a manager of the case's "
    "team. Please do not reply to this e-mail or forward it outside the council.\n"
)
NO_RECIPIENTS = "Risk flag %s: nobody with an e-mail address to alert; it is shown on the home pages only"
NOT_SENT = "Risk flag %s: the alert e-mail could not be sent; the flag stays on the home pages"
SENT = "Risk flag %s: alert e-mailed to %s people"


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
    people `selectors.open_risk_flags_for` shows the flag to), who has an e-mail address; each once."""
    managers = User.objects.filter(
        roles__code=roles.TEAM_MANAGER, managed_teams__in=team_and_ancestor_ids(flag.audit.team_id)
    )
    psws = User.objects.filter(roles__code=roles.PSW)
    people = (managers | psws).filter(is_active=True).exclude(email="").distinct()
    addresses = {}
    for address in sorted(person.email.strip() for person in people):
        addresses.setdefault(address.lower(), address)
    return sorted(addresses.values())


def audit_link(audit):
    """An absolute link when PSWHUB_SITE_URL is set, otherwise the page's path on PSW Hub."""
    return settings.PSWHUB_SITE_URL.rstrip("/") + reverse("audits:detail", args=[audit.pk])


def risk_flag_messages(flag):
    """One e-mail per person, so no one sees who else was told. The body names the case by its
    reference and links to the audit; it carries no name and none of the audit's own words."""
    reference = flag.audit.case_reference
    subject = ALERT_SUBJECT.format(reference=reference)
    body = ALERT_BODY.format(reference=reference, link=audit_link(flag.audit))
    return [
        EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[address])
        for address in risk_flag_recipients(flag)
    ]


def risk_flag_alert_send(*, flag):
    """Sends the alert for a flag and returns how many e-mails went. Never raises: the flag is
    already saved and on the home pages, so a mail failure is logged and left at that."""
    try:
        messages = risk_flag_messages(flag)
        if not messages:
            logger.warning(NO_RECIPIENTS, flag.pk)
            return 0
        sent = mailers.default.send_messages(messages) or 0
    except Exception:  # Any mail failure: the flag must survive it, and someone must be told in the log.
        logger.exception(NOT_SENT, flag.pk)
        return 0
    logger.info(SENT, flag.pk, sent)
    return sent
