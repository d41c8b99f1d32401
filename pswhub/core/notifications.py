"""Who is told what: the one way PSW Hub tells a person that something needs them.

A capability calls `notify(...)` from the service that made the change. Each active recipient gets
a `Notification` (their "Sent to you" page lists it) and, once the change is committed, an e-mail
if they have an address, sent by a background task. Every message carries an absolute link when
`PSWHUB_SITE_URL` is set (`make run` sets it), so it can be followed from an inbox. Messages name
a case by its reference only, never a child's details.

What needs doing stays on the home page through the attention registry (core/attention.py) until
it is done; a notification is the moment someone is told."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)

EMAIL_FOOTER = (
    "\n\nYou are receiving this because of your role in PSW Hub. Please do not reply to this e-mail "
    "or forward it outside the council.\n"
)
NOT_SENT = "Notifications %s: the e-mail could not be sent; they stay on the recipients' pages"


def absolute_url(path):
    """The address of a page on PSW Hub: absolute when PSWHUB_SITE_URL is set, else the path."""
    return settings.PSWHUB_SITE_URL.rstrip("/") + path


def notify(*, recipients, kind, subject, text, path):
    """Tells each active recipient (users, each once) about something that concerns them, with a
    link to `path`. Returns the notifications made; the e-mails go after the change commits."""
    people = sorted({user.pk: user for user in recipients if user is not None and user.is_active}.values(), key=str)
    link = absolute_url(path)
    made = Notification.objects.bulk_create(
        [Notification(recipient=person, kind=kind, subject=subject, text=text, link=link) for person in people]
    )
    ids = [notification.pk for notification in made if notification.recipient.email]
    if ids:
        from .tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(notification_ids=ids), robust=True)
    return made


def notification_emails_send(*, notification_ids):
    """E-mails each notification to its recipient, one message per person, and records when. A mail
    failure is logged, never raised: the notification is already on the person's page."""
    from django.core.mail import mailers
    from django.core.mail.message import EmailMessage

    pending = list(
        Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True)
        .exclude(recipient__email="")
        .select_related("recipient")
    )
    messages = [
        EmailMessage(
            subject=notification.subject,
            body=f"{notification.text}\n\n{notification.link}{EMAIL_FOOTER}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.recipient.email],
        )
        for notification in pending
    ]
    try:
        sent = mailers.default.send_messages(messages) or 0
    except Exception:  # Any mail failure: the notifications must survive it, and the log must say so.
        logger.exception(NOT_SENT, notification_ids)
        return 0
    Notification.objects.filter(pk__in=[notification.pk for notification in pending]).update(emailed_at=timezone.now())
    return sent


def notifications_for(user, *, limit=100):
    """What was sent to this user, newest first."""
    return Notification.objects.filter(recipient=user)[:limit]
