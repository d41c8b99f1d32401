"""The workforce sections of the staff record page (registered with `core.staff_record`):
employment history for whoever may open the record; starting and leaving details, equality
details and absence (special category) for the PSW and HR officers only."""

from django.urls import reverse

from pswhub.core.presenters import govuk_date, number
from pswhub.core.staff_record import StaffRecordSection

from . import codes, employment
from .models import StaffProfile

NOT_RECORDED = "Not recorded"


def workforce_sections(user, staff_member):
    keeps_records = user.has_perm("workforce.change_staff_records")
    profile = StaffProfile.objects.filter(staff_member=staff_member).first()
    sections = [
        StaffRecordSection(
            "Employment history",
            "workforce/staff_record_employment.html",
            {
                "profile_rows": profile_rows(profile),
                "assignment_rows": assignment_rows(staff_member, with_details=keeps_records),
                "with_details": keeps_records,
                "change_href": reverse("workforce:personal_details", args=[staff_member.pk]) if keeps_records else None,
            },
        )
    ]
    if user.has_perm("workforce.view_equality"):
        sections.append(
            StaffRecordSection(
                "Equality details", "workforce/staff_record_equality.html", {"rows": equality_rows(profile)}
            )
        )
    if user.has_perm("workforce.view_absence_reasons"):
        sections.append(
            StaffRecordSection(
                "Absence",
                "workforce/staff_record_absence.html",
                {
                    "rows": absence_rows(staff_member),
                    "add_href": reverse("workforce:absence_create", args=[staff_member.pk]),
                },
            )
        )
    return sections


def _shown(value):
    return value or NOT_RECORDED


def profile_rows(profile):
    return [
        ("Social Work England number", _shown(profile and profile.swe_number)),
        ("Route into social work", _shown(profile and profile.get_qualification_route_display())),
    ]


def equality_rows(profile):
    return [
        ("Date of birth", _shown(profile and govuk_date(profile.date_of_birth))),
        ("Sex", _shown(profile and profile.get_sex_display())),
        ("Gender", _shown(profile and profile.get_gender_current_display())),
        ("Ethnicity", _shown(profile and profile.get_ethnicity_display())),
    ]


def assignment_rows(staff_member, *, with_details):
    rows = []
    for assignment in employment.employment_history(staff_member):
        row = {
            "from": govuk_date(assignment.starts_on),
            "to": govuk_date(assignment.ends_on) if assignment.ends_on else "Continuing",
            "team": assignment.team.name if assignment.team else "No team",
            "job": assignment.job_title or NOT_RECORDED,
            "role": assignment.get_org_role_display() or NOT_RECORDED,
            "fte": number(assignment.fte, 2) if assignment.fte is not None else NOT_RECORDED,
            "contract": assignment.get_contract_type_display() or NOT_RECORDED,
        }
        if with_details:
            row["details"] = "; ".join(
                f"{label}: {codes.label(choices, code)}"
                for label, choices, code in (
                    ("Origin", codes.START_ORIGIN, assignment.start_origin),
                    ("Reason for leaving", codes.REASON_LEAVE, assignment.reason_leave),
                    ("Destination", codes.LEAVER_DESTINATION, assignment.leaver_destination),
                )
                if code
            )
            row["change_href"] = reverse("workforce:assignment_details", args=[staff_member.pk, assignment.pk])
        rows.append(row)
    return rows


def absence_rows(staff_member):
    return [
        {
            "from": govuk_date(episode.starts_on),
            "to": govuk_date(episode.ends_on) if episode.ends_on else "Continuing",
            "reason": episode.get_reason_display(),
            "days": number(episode.working_days_lost, 2),
        }
        for episode in employment.absence_episodes(staff_member)
    ]
