"""Reads for the people development pages (the figures are in `figures.py`)."""

from django.db.models import Count, Q

from pswhub.core import roles
from pswhub.core.models import StaffMember

from .models import (
    OPEN_OUTCOMES,
    AccreditationResult,
    CohortParticipant,
    EarlyCareerRecord,
    Placement,
    PlacementIncome,
    PracticeEducator,
    ProgressionApplication,
    ProgressionOutcome,
    ProgressionPanel,
    Review,
    SponsoredCohort,
)


def placement_list(*, academic_year=None):
    placements = Placement.objects.select_related("route", "team", "practice_educator__staff_member", "hired")
    return placements.filter(academic_year=academic_year) if academic_year else placements


def placement_years():
    return sorted(set(Placement.objects.values_list("academic_year", flat=True)), reverse=True)


def placement_income_list():
    return PlacementIncome.objects.all()


def practice_educator_list(*, academic_year=None):
    """Every practice educator with the students they supported in the academic year."""
    supported = (
        Count("placements", filter=Q(placements__academic_year=academic_year)) if academic_year else Count("placements")
    )
    return (
        PracticeEducator.objects.select_related("staff_member__team")
        .annotate(students=supported)
        .order_by("staff_member__last_name", "staff_member__first_name")
    )


def cohort_list():
    return SponsoredCohort.objects.annotate(
        participant_count=Count("participants"),
        qualified=Count("participants", filter=Q(participants__status="qualified")),
        staying=Count(
            "participants",
            filter=Q(participants__staff_member__isnull=False, participants__staff_member__left_on__isnull=True),
        ),
    ).order_by("-started_on", "name")


def cohort_participants(cohort):
    return CohortParticipant.objects.filter(cohort=cohort).select_related("staff_member")


def early_career_list(user, *, open_only=True):
    """The records the user may see, the open ones first by default."""
    records = EarlyCareerRecord.objects.visible_to(user).select_related("staff_member__team", "programme", "assessor")
    return records.filter(outcome__in=OPEN_OUTCOMES) if open_only else records


def record_reviews(record):
    return Review.objects.filter(record=record).select_related("recorded_by")


def reviews_due(user, *, today, within_days=14):
    """Reviews not yet held, due within `within_days` or overdue, of open records the user
    assesses or whose worker is in a team they manage (for the PSW and HR: every one)."""
    from datetime import timedelta

    reviews = Review.objects.filter(
        held_on__isnull=True, record__outcome__in=OPEN_OUTCOMES, due_on__lte=today + timedelta(days=within_days)
    )
    if user.has_role(roles.PSW, roles.HR_OFFICER):
        return reviews
    mine = Q(record__assessor__user=user)
    if user.has_role(roles.TEAM_MANAGER):
        mine |= Q(record__staff_member__team_id__in=user.managed_team_ids())
    return reviews.filter(mine)


def panel_list():
    return ProgressionPanel.objects.annotate(
        application_count=Count("applications"),
        waiting=Count("applications", filter=Q(applications__outcome=ProgressionOutcome.WAITING)),
        progressed=Count("applications", filter=Q(applications__outcome=ProgressionOutcome.PROGRESSED)),
    ).order_by("-held_on")


def panel_applications(panel):
    return ProgressionApplication.objects.filter(panel=panel).select_related("staff_member", "from_level", "to_level")


def panels_waiting(*, today):
    """Panels held on or before today with applications still waiting for a decision."""
    return panel_list().filter(held_on__lte=today, waiting__gt=0)


def applications_without_panel():
    return ProgressionApplication.objects.filter(panel__isnull=True).select_related(
        "staff_member", "from_level", "to_level"
    )


def own_records(staff_member):
    return EarlyCareerRecord.objects.filter(staff_member=staff_member).select_related("programme", "assessor")


def own_applications(staff_member):
    return ProgressionApplication.objects.filter(staff_member=staff_member).select_related(
        "panel", "from_level", "to_level"
    )


def staff_choices():
    return StaffMember.objects.filter(left_on__isnull=True).order_by("last_name", "first_name")


def applications_visible_to(user):
    return ProgressionApplication.objects.visible_to(user).values("pk")


def accreditation_results(user):
    """National accreditation results of the staff whose records the user may open."""
    return AccreditationResult.objects.filter(staff_member__in=StaffMember.objects.visible_to(user)).select_related(
        "staff_member"
    )
