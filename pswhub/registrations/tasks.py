"""Background tasks of registration, run by `manage.py db_worker`."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task

from pswhub.core import roles
from pswhub.core.presenters import govuk_date

REMINDER_SUBJECT = "Renew your Social Work England registration by 30 November"
STANDING_WORDS = {
    "ready": "Your CPD record meets the requirement; the renewal itself is still to do.",
    "at_risk": "Your CPD record does not yet meet the requirement: at least two entries, one with peer reflection.",
}


@task()
def send_renewal_reminder(*, registration_id, year, standing):
    """E-mails the worker, with their team's managers in copy, that their renewal is not done.
    Returns the addresses written to."""
    from pswhub.core.models import User

    from .models import Registration, renewal_deadline

    registration = Registration.objects.select_related("staff_member", "staff_member__user").get(pk=registration_id)
    worker = registration.staff_member
    own = worker.email or (worker.user.email if worker.user else "")
    managers = sorted(
        user.email
        for user in User.objects.filter(is_active=True, roles__code=roles.TEAM_MANAGER).exclude(email="").distinct()
        if worker.team_id and worker.team_id in user.managed_team_ids()
    )
    to = [own] if own else managers
    if not to:
        return []
    EmailMessage(
        subject=REMINDER_SUBJECT,
        body=(
            f"Hello {worker.full_name},\n\n"
            f"Your Social Work England registration ({registration.swe_number}) must be renewed by "
            f"{govuk_date(renewal_deadline(year))}. PSW Hub has no record of your {year} renewal yet.\n\n"
            f"{STANDING_WORDS.get(standing, '')}\n\n"
            "Renew through your Social Work England account, then record the date in PSW Hub.\n"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        cc=managers if own else [],
    ).send()
    return to + (managers if own else [])
