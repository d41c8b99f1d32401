"""Who may see and change people development, stated once.

The PSW and HR officers keep the records (placements, practice educators, cohorts, programmes,
panels) and import past spreadsheets. QA officers and heads of service read them all. A team
manager reads the early career records and progression of the staff in their teams and records
their reviews; an assessor reads and records reviews for the workers they assess. Anyone with a
staff record sees their own programme, reviews and progression. Councillors see the figures only,
with disclosure control; administrators manage accounts, not people's development."""

import rules

from pswhub.core import roles
from pswhub.core.rules import has_role

from .models import EarlyCareerRecord, ProgressionApplication

keeps_records = has_role(roles.PSW, roles.HR_OFFICER)
reads_everything = has_role(roles.PSW, roles.HR_OFFICER, roles.QA_OFFICER, roles.HEAD_OF_SERVICE)
is_team_manager = has_role(roles.TEAM_MANAGER)
is_councillor = has_role(roles.COUNCILLOR)


@rules.predicate
def has_staff_record(user):
    return user.is_authenticated and getattr(user, "staff_member", None) is not None


@rules.predicate
def assesses_someone(user):
    return user.is_authenticated and EarlyCareerRecord.objects.filter(assessor__user=user).exists()


@rules.predicate
def can_see_record(user, record):
    return record is not None and EarlyCareerRecord.objects.visible_to(user).filter(pk=record.pk).exists()


@rules.predicate
def manages_or_assesses(user, record):
    if record is None or not user.is_authenticated:
        return False
    if record.assessor_id and record.assessor.user_id == user.pk:
        return True
    return user.has_role(roles.TEAM_MANAGER) and record.staff_member.team_id in user.managed_team_ids()


@rules.predicate
def can_see_application(user, application):
    return (
        application is not None and ProgressionApplication.objects.visible_to(user).filter(pk=application.pk).exists()
    )


# The readable list.
rules.add_perm("people_development.view_dashboard", reads_everything | is_councillor)
rules.add_perm("people_development.view_unsuppressed_figures", reads_everything)
rules.add_perm("people_development.view_area", reads_everything | is_councillor | is_team_manager | has_staff_record)
rules.add_perm("people_development.view_placements", reads_everything)
rules.add_perm("people_development.change_placements", keeps_records)
rules.add_perm("people_development.view_early_careers", reads_everything | is_team_manager | assesses_someone)
rules.add_perm("people_development.view_early_career_record", can_see_record)
rules.add_perm("people_development.change_early_careers", keeps_records)
rules.add_perm("people_development.record_review", keeps_records | manages_or_assesses)
rules.add_perm("people_development.view_progression", reads_everything | is_team_manager)
rules.add_perm("people_development.view_application", reads_everything | can_see_application)
rules.add_perm("people_development.change_progression", keeps_records)
rules.add_perm("people_development.view_own", has_staff_record)
rules.add_perm("people_development.import_records", keeps_records)
