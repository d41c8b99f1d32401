"""The registration section of the staff record page (registered with `core.staff_record`): the
SWE number and this year's renewal, for whoever may see the registration. Fitness-to-practise
referrals are never shown here."""

from django.urls import reverse
from django.utils import timezone

from pswhub.core.staff_record import StaffRecordSection

from . import selectors


def registration_sections(user, staff_member):
    registration = selectors.registration_for(staff_member=staff_member)
    if registration is None or not user.has_perm("registrations.view_registration", registration):
        return []
    today = timezone.localdate()
    renewal = registration.renewals.filter(year=today.year).first()
    return [
        StaffRecordSection(
            "Social Work England registration",
            "registrations/staff_record_registration.html",
            {
                "registration": registration,
                "year": today.year,
                "renewal": renewal,
                "standing": selectors.renewal_standing(renewal, today),
                "href": reverse("registrations:detail", args=[registration.pk]),
            },
        )
    ]
