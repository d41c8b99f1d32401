"""Writes for registration. Each records who made the change."""

from django.db import transaction

from pswhub.core.services import personal_record_view_log

from .models import FitnessToPractiseReferral, Registration, RegistrationStatus, Renewal

RENEWED_BEFORE_WINDOW = "The renewal date must be on or after 1 September of the renewal year"
RENEWED_AFTER_DEADLINE = "The renewal date must be on or before 30 November of the renewal year"


def _save(obj, user):
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def registration_save(
    *, user, staff_member, swe_number, registered_on=None, status=RegistrationStatus.REGISTERED, removed_on=None
):
    registration = Registration.objects.filter(staff_member=staff_member).first() or Registration(
        staff_member=staff_member
    )
    registration.swe_number = swe_number
    registration.registered_on = registered_on
    registration.status = status
    registration.removed_on = removed_on if status == RegistrationStatus.REMOVED else None
    return _save(registration, user)


@transaction.atomic
def renewal_record(*, user, registration, year, renewed_on, cpd_entries, peer_reflection):
    """Records (or corrects) a year's renewal: the date it was completed, if it has been, and the
    CPD entries so far."""
    renewal = Renewal.objects.filter(registration=registration, year=year).first() or Renewal(
        registration=registration, year=year
    )
    renewal.renewed_on = renewed_on
    renewal.cpd_entries = cpd_entries
    renewal.peer_reflection = peer_reflection
    return _save(renewal, user)


@transaction.atomic
def referral_save(*, user, referral=None, **fields):
    referral = referral or FitnessToPractiseReferral()
    for name, value in fields.items():
        setattr(referral, name, value)
    if referral.stage != "closed":
        referral.closed_on = None
    return _save(referral, user)


def referral_view_log(*, viewer, referral, path):
    """Opening a referral is opening a personal record: it goes in core's append-only log, with
    the referral's address, where the PSW and HR see who has looked."""
    return personal_record_view_log(viewer=viewer, staff_member=referral.staff_member, path=path)


@transaction.atomic
def renewal_mark_reminded(*, registration, year, on):
    renewal, _ = Renewal.objects.get_or_create(registration=registration, year=year)
    renewal.last_reminded_on = on
    renewal.save(update_fields=["last_reminded_on"])
    return renewal


def renewal_reminders_send(*, today, within_days, every_days=7):
    """E-mails each worker who has not renewed, and their team's managers, as 30 November nears
    (within `within_days` days), at most once every `every_days` days per worker. The e-mails are
    sent by a background task once the reminders are recorded. Returns how many workers were
    reminded."""
    from .selectors import renewals_needing_reminder
    from .tasks import send_renewal_reminder

    rows = renewals_needing_reminder(today=today, within_days=within_days, every_days=every_days)
    for row in rows:
        with transaction.atomic():
            renewal_mark_reminded(registration=row.registration, year=today.year, on=today)
            transaction.on_commit(
                lambda pk=row.registration.pk, standing=row.standing: send_renewal_reminder.enqueue(
                    registration_id=pk, year=today.year, standing=standing
                )
            )
    return len(rows)
