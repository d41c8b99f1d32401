"""Writes for registration. Each records who made the change."""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core import roles
from pswhub.core.imports import Importer, write_or_rehearse
from pswhub.core.notifications import notify
from pswhub.core.presenters import govuk_date
from pswhub.core.services import personal_record_view_log

from . import importing
from .models import FitnessToPractiseReferral, Registration, RegistrationStatus, Renewal, RenewalImport

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


REMINDER_SUBJECT = "Renew your Social Work England registration by 30 November"
REMINDER_TEXT = (
    "Your Social Work England registration ({swe_number}) must be renewed by {deadline}. PSW Hub has no "
    "record of your {year} renewal yet. {standing}\n\nRenew through your Social Work England account, then "
    "record the date in PSW Hub."
)
MANAGER_SUBJECT = "A social worker in your team has not renewed their registration"
MANAGER_TEXT = (
    "{name} ({team}) has not yet renewed their Social Work England registration, due by {deadline}. {standing}"
)
STANDING_WORDS = {
    "ready": "The CPD record meets the requirement; the renewal itself is still to do.",
    "at_risk": "The CPD record does not yet meet the requirement: at least two entries, one a peer reflection.",
}


def renewal_reminders_send(*, today, within_days, every_days=7):
    """Tells each worker who has not renewed, and their teams' managers, as 30 November nears
    (within `within_days` days), at most once every `every_days` days per worker, through core's
    notifications (their "Sent to you" page and an e-mail once committed). Returns how many workers
    were reminded."""
    from pswhub.core.models import User

    from .models import renewal_deadline
    from .selectors import renewals_needing_reminder

    rows = renewals_needing_reminder(today=today, within_days=within_days, every_days=every_days)
    deadline = govuk_date(renewal_deadline(today.year))
    managers = list(User.objects.filter(is_active=True, roles__code=roles.TEAM_MANAGER).distinct())
    for row in rows:
        worker = row.registration.staff_member
        path = reverse("registrations:detail", args=[row.registration.pk])
        standing = STANDING_WORDS.get(row.standing, "")
        with transaction.atomic():
            renewal_mark_reminded(registration=row.registration, year=today.year, on=today)
            notify(
                recipients=[worker.user],
                kind="registration_renewal",
                subject=REMINDER_SUBJECT,
                text=REMINDER_TEXT.format(
                    swe_number=row.registration.swe_number, deadline=deadline, year=today.year, standing=standing
                ),
                path=path,
            )
            notify(
                recipients=[manager for manager in managers if worker.team_id in manager.managed_team_ids()],
                kind="registration_renewal_team",
                subject=MANAGER_SUBJECT,
                text=MANAGER_TEXT.format(name=worker.full_name, team=worker.team, deadline=deadline, standing=standing),
                path=path,
            )
    return len(rows)


@dataclass
class ImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


def renewals_import(*, renewal_file, changed_by=None, dry_run=False):
    """Writes a checked renewal file all or nothing: each worker's renewal of the year is added,
    updated or left as it is, so importing the same file again changes nothing. A dry run works
    out the same result and writes nothing."""
    return write_or_rehearse(lambda: _renewals_write(renewal_file.rows, changed_by), dry_run=dry_run)


def _renewals_write(rows, changed_by):
    result = ImportResult(rows=len(rows))
    existing = {
        (renewal.registration_id, renewal.year): renewal
        for renewal in Renewal.objects.filter(registration__in={row["registration"].pk for row in rows})
    }
    new, changed = [], []
    fields = ["renewed_on", "cpd_entries", "peer_reflection"]
    for row in rows:
        renewal = existing.get((row["registration"].pk, row["year"]))
        if renewal is None:
            new.append(
                Renewal(registration=row["registration"], year=row["year"], **{name: row[name] for name in fields})
            )
            continue
        if all(getattr(renewal, name) == row[name] for name in fields):
            result.unchanged += 1
            continue
        for name in fields:
            setattr(renewal, name, row[name])
        changed.append(renewal)
    result.added, result.updated = len(new), len(changed)
    bulk_create_with_history(new, Renewal, default_user=changed_by)
    bulk_update_with_history(changed, Renewal, fields, default_user=changed_by)
    return result


def _renewals_import_write(renewal_file, *, changed_by=None, dry_run=False):
    return renewals_import(renewal_file=renewal_file, changed_by=changed_by, dry_run=dry_run)


# Renewal files kept as RenewalImport uploads: previewed, then confirmed (core.imports).
RENEWALS = Importer(model=RenewalImport, read=importing.renewal_file_read, write=_renewals_import_write)
