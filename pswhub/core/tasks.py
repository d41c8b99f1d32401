"""Background tasks of the organisation app, run by `manage.py db_worker`."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task


@task()
def send_account_created_email(*, user_id, sign_in_url):
    from .models import User

    user = User.objects.get(pk=user_id)
    send_mail(
        subject="Your PSW Hub account",
        message=(
            f"Hello {user.display_name},\n\n"
            f"An account has been made for you on PSW Hub. Your username is {user.username}.\n"
            f"Sign in at {sign_in_url or 'your council’s PSW Hub address'} with your council account.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
    return user.email


@task()
def send_notification_emails(*, notification_ids):
    from .notifications import notification_emails_send

    return notification_emails_send(notification_ids=notification_ids)
