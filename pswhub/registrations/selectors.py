"""Reads for registration: every figure the pages, the `registration_figures` command and the
annual report show is computed here, once (definitions in docs/registrations.md and
docs/figures.md).

The population of a renewal year, on a day, is the registered social workers in post on that day:
a registration made by then (or with no date) and not removed by then, of a staff member who had
started by then (or has no start date) and had not left before it (a leaver is in post on their
last day)."""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from pswhub.core.models import StaffMember

from .models import (
    FitnessToPractiseReferral,
    Registration,
    Renewal,
    renewal_deadline,
    renewal_window_opens,
)

# Social Work England: "at least 2 pieces [of CPD] a year, at least 1 with peer reflection".
CPD_ENTRIES_REQUIRED = 2

RENEWED, READY, AT_RISK = "renewed", "ready", "at_risk"


def cpd_requirement_met(*, cpd_entries, peer_reflection):
    """Social Work England's CPD requirement: "at least 2 pieces a year, at least 1 with peer
    reflection"."""
    return cpd_entries >= CPD_ENTRIES_REQUIRED and peer_reflection


def renewal_standing(renewal, on):
    """Where a worker's renewal of a year stands on a day: `renewed` if renewed on or before it;
    otherwise `ready` when the CPD requirement is met, else `at_risk` (no renewal recorded counts
    as no CPD)."""
    if renewal is not None and renewal.renewed_on is not None and renewal.renewed_on <= on:
        return RENEWED
    if renewal is not None and cpd_requirement_met(
        cpd_entries=renewal.cpd_entries, peer_reflection=renewal.peer_reflection
    ):
        return READY
    return AT_RISK


def _in_post_on(day):
    return Q(staff_member__started_on__isnull=True) | Q(staff_member__started_on__lte=day), Q(
        staff_member__left_on__isnull=True
    ) | Q(staff_member__left_on__gte=day)


def registrations_in_post(*, on, registrations=None):
    """Registered social workers in post on a day (the population above)."""
    registrations = Registration.objects.all() if registrations is None else registrations
    return registrations.registered_on(on).filter(*_in_post_on(on))


@dataclass
class RenewalRow:
    registration: Registration
    renewal: Renewal | None
    standing: str


def renewal_rows(*, year, on=None, registrations=None):
    """Each worker of the population with their renewal of the year and where it stands on `on`
    (the deadline when not given)."""
    on = on or renewal_deadline(year)
    population = registrations_in_post(on=on, registrations=registrations).select_related(
        "staff_member", "staff_member__team"
    )
    renewals = {renewal.registration_id: renewal for renewal in Renewal.objects.filter(year=year)}
    rows = []
    for registration in population:
        renewal = renewals.get(registration.pk)
        rows.append(RenewalRow(registration, renewal, renewal_standing(renewal, on)))
    return rows


def registration_figures(*, year, on=None, registrations=None):
    """The renewal of a year on a day (by default its deadline, 30 November): `social_workers`
    (the population), `renewed` (renewed on or before the day), `not_renewed` (the rest) and
    `at_risk` (not renewed, and fewer than two CPD entries or no peer reflection)."""
    on = on or renewal_deadline(year)
    rows = renewal_rows(year=year, on=on, registrations=registrations)
    renewed = sum(1 for row in rows if row.standing == RENEWED)
    return {
        "year": year,
        "on": on.isoformat(),
        "social_workers": len(rows),
        "renewed": renewed,
        "not_renewed": len(rows) - renewed,
        "at_risk": sum(1 for row in rows if row.standing == AT_RISK),
    }


def registration_figures_suppressed(figures):
    """The figures as councillors and the published report see them: renewed and not renewed
    suppressed as a pair with their total (the social workers), at risk on its own."""
    from pswhub.core import disclosure
    from pswhub.core.presenters import SUPPRESSED

    pair = disclosure.suppress_counts({"renewed": figures["renewed"], "not_renewed": figures["not_renewed"]})
    return figures | {
        "social_workers": pair["total"],
        "renewed": pair["renewed"],
        "not_renewed": pair["not_renewed"],
        "at_risk": SUPPRESSED if disclosure.is_small(figures["at_risk"]) else figures["at_risk"],
    }


def renewal_outcome(*, year):
    """After the deadline: the year's figures on 30 November, and the workers who had not renewed
    by then, each with whether they have since been removed from the register."""
    deadline = renewal_deadline(year)
    rows = [row for row in renewal_rows(year=year, on=deadline) if row.standing != RENEWED]
    return {
        "figures": registration_figures(year=year),
        "not_renewed": [
            {"registration": row.registration, "removed": row.registration.removed_on is not None} for row in rows
        ],
    }


def renewal_year_for(day):
    """The renewal year a day belongs to on the PSW's page: the current year's from 1 January."""
    return day.year


def renewal_is_open(day):
    """From 1 September to 30 November the PSW watches who has not renewed."""
    return renewal_window_opens(day.year) <= day <= renewal_deadline(day.year)


def renewals_needing_attention(*, today, registrations):
    """In the renewal window: the workers (of `registrations`) not yet renewed this year."""
    if not renewal_is_open(today):
        return []
    return [
        row for row in renewal_rows(year=today.year, on=today, registrations=registrations) if row.standing != RENEWED
    ]


def renewals_needing_reminder(*, today, within_days, every_days=7):
    """Renewals not completed by workers of the population, when the deadline is within
    `within_days` days, not reminded in the last `every_days` days. Rows without a renewal get
    one made by the reminder service, so the date of the reminder is kept."""
    deadline = renewal_deadline(today.year)
    if not (renewal_window_opens(today.year) <= today <= deadline) or (deadline - today).days > within_days:
        return []
    rows = renewals_needing_attention(today=today, registrations=Registration.objects.all())
    recent = today.toordinal() - every_days + 1
    return [
        row
        for row in rows
        if row.renewal is None
        or row.renewal.last_reminded_on is None
        or row.renewal.last_reminded_on.toordinal() < recent
    ]


def registration_for(*, staff_member):
    return Registration.objects.filter(staff_member=staff_member).first()


def renewals_of(*, registration):
    return registration.renewals.order_by("-year")


def renewal_years():
    return sorted(set(Renewal.objects.values_list("year", flat=True)), reverse=True)


def referral_list(*, user):
    return FitnessToPractiseReferral.objects.visible_to(user).select_related("staff_member").order_by("-referred_on")


def referral_views(*, referral, limit=20):
    """Who has opened a referral, newest first: the rows of core's record-view log made at its
    address."""
    from pswhub.core.models import PersonalRecordView

    address = reverse("registrations:referral_detail", args=[referral.pk])
    return (
        PersonalRecordView.objects.filter(staff_member=referral.staff_member, path__startswith=address)
        .select_related("viewer")
        .order_by("-viewed_at")[:limit]
    )


def referral_count_open(*, user):
    """Open referrals: a council-level count, for the PSW and HR only."""
    return FitnessToPractiseReferral.objects.visible_to(user).exclude(stage="closed").count()


def staff_without_registration(*, user):
    """Staff in post with a social worker's job title and no registration held: a prompt to add
    the SWE number."""
    held = Registration.objects.values("staff_member_id")
    return (
        StaffMember.objects.visible_to(user)
        .filter(left_on__isnull=True, job_title__icontains="social worker")
        .exclude(pk__in=held)
    )
