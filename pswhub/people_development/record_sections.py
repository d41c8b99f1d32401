"""The people development section of a staff record: their early career programme and
progression, for whoever may see them."""

from pswhub.core.staff_record import StaffRecordSection

from . import selectors
from .models import EarlyCareerRecord


def people_development_record_sections(user, staff_member):
    records = [
        record
        for record in selectors.own_records(staff_member)
        if EarlyCareerRecord.objects.visible_to(user).filter(pk=record.pk).exists()
    ]
    applications = selectors.own_applications(staff_member).filter(pk__in=selectors.applications_visible_to(user))
    if not records and not applications:
        return []
    return [
        StaffRecordSection(
            "Early career and progression",
            "people_development/_record_section.html",
            {"records": records, "applications": list(applications)},
        )
    ]
