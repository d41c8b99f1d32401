"""The demo council's registrations: an SWE number for every social worker, and renewals for
2023 to 2026 (the 2026 window is open on the demo's today, 1 November 2026), with a few workers
behind on CPD and one removal after the 2024 deadline."""

from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from pswhub.core.models import StaffMember

from .models import Registration, RegistrationStatus, Renewal, renewal_deadline

YEARS = [2023, 2024, 2025, 2026]


def load_registrations_demo(*, rng, authority, today):
    workers = list(
        StaffMember.objects.filter(team__service__authority=authority, job_title__icontains="social worker").order_by(
            "employee_number"
        )
    )
    registrations = [
        Registration(
            staff_member=member,
            swe_number=f"SW{100000 + index * 7 + rng.randint(0, 6)}",
            registered_on=(member.started_on or date(2019, 4, 1)) - timedelta(days=rng.randint(20, 120)),
        )
        for index, member in enumerate(workers)
    ]
    registrations = bulk_create_with_history(registrations, Registration)
    renewals = []
    removed = None
    for registration in registrations:
        member = registration.staff_member
        for year in YEARS:
            deadline = renewal_deadline(year)
            if registration.registered_on > deadline or (member.left_on and member.left_on < date(year, 9, 1)):
                continue
            cpd = rng.choice([0, 1, 2, 2, 3, 3, 4, 5])
            reflection = cpd >= 2 and rng.random() < 0.85
            renewed_on = None
            closes = min(deadline, today)
            if year < today.year or rng.random() < 0.55:
                if year < today.year and removed is None and year == 2024 and rng.random() < 0.02:
                    removed = registration
                    break
                renewed_on = date(year, 9, 1) + timedelta(days=rng.randint(0, (closes - date(year, 9, 1)).days))
                cpd, reflection = max(cpd, 2), True
            renewals.append(
                Renewal(
                    registration=registration,
                    year=year,
                    renewed_on=renewed_on,
                    cpd_entries=cpd,
                    peer_reflection=reflection,
                )
            )
    bulk_create_with_history(renewals, Renewal)
    if removed is not None:
        removed.status = RegistrationStatus.REMOVED
        removed.removed_on = date(2024, 12, 1)
        removed.save(update_fields=["status", "removed_on"])
