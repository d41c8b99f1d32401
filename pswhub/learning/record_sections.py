"""The learning section of the staff record page (registered with `core.staff_record`): what the
person attended and where their supervision stands, for whoever may open the record."""

from django.urls import reverse

from pswhub.core.staff_record import StaffRecordSection

from . import selectors


def learning_sections(user, staff_member):
    if not user.has_perm("learning.view_staff_learning", staff_member):
        return []
    return [
        StaffRecordSection(
            "Learning and supervision",
            "learning/staff_record_learning.html",
            {
                "attended": selectors.learning_attended_by(staff_member=staff_member)[:10],
                "href": reverse("learning:staff", args=[staff_member.pk]),
            },
        )
    ]
