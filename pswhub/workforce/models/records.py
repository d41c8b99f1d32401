"""A staff member's employment as PSW Hub holds it: assignments (docs/adr/0102-employment-history.md),
each team's establishment, and absence episodes."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core.models import StaffMember, Team

from .. import codes
from .census import FTE_FIELD


class AssignmentQuerySet(models.QuerySet):
    def in_force_on(self, on):
        """Assignments in force on a date: started by then and not ended before it (the end date is
        the last day of the assignment)."""
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)

    def employed(self):
        """Held by people the council employs: every contract type but agency."""
        return self.exclude(contract_type=codes.AGENCY)

    def agency(self):
        return self.filter(contract_type=codes.AGENCY)


class Assignment(models.Model):
    """One stretch of a staff member's employment on the same terms: team, role, FTE and contract
    type, from a start date to an end date (blank while it lasts). A change of any of them ends
    one assignment and starts the next (docs/adr/0102-employment-history.md). Origin is recorded
    on a person's first assignment; the reason for leaving and destination on their last."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="assignments")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    org_role = models.CharField("census role", max_length=1, choices=codes.ORG_ROLE, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    fte = models.DecimalField("FTE", **FTE_FIELD)
    contract_type = models.CharField(max_length=20, choices=codes.CONTRACT_TYPE, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    start_origin = models.CharField("origin", max_length=2, choices=codes.START_ORIGIN, blank=True)
    reason_leave = models.CharField("reason for leaving", max_length=2, choices=codes.REASON_LEAVE, blank=True)
    leaver_destination = models.CharField("destination", max_length=1, choices=codes.LEAVER_DESTINATION, blank=True)
    history = HistoricalRecords()

    objects = AssignmentQuerySet.as_manager()

    # The terms whose change starts a new assignment.
    TERMS = ["team_id", "org_role", "job_title", "fte", "contract_type"]

    class Meta:
        ordering = ["staff_member", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fte__gte=0, fte__lte=1) | Q(fte__isnull=True), name="assignment_fte_0_to_1"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="assignment_ends_on_or_after_start",
            ),
            # Overlaps in general are refused by the services (an exclusion constraint would need
            # PostgreSQL's btree_gist); these two catch the commonest ones in the database itself.
            models.UniqueConstraint(fields=["staff_member", "starts_on"], name="one_assignment_starting_per_day"),
            models.UniqueConstraint(
                fields=["staff_member"], condition=Q(ends_on__isnull=True), name="one_open_assignment_per_person"
            ),
        ]
        # Every read of a service's assignments at a date (the figures at a date, the
        # establishment) finds what it needs in this index without reading the table.
        indexes = [
            models.Index(
                fields=["team", "starts_on", "ends_on", "contract_type", "org_role", "staff_member", "fte"],
                name="assignment_team_dates",
            )
        ]

    def __str__(self):
        post = self.job_title or self.get_org_role_display() or "assignment"
        return f"{self.staff_member}: {post} from {self.starts_on}"

    def terms(self):
        return tuple(getattr(self, name) for name in self.TERMS)


class Establishment(models.Model):
    """A team's funded posts (FTE) from a date, for one census role or for the whole team (role
    blank). The row with the latest start on or before a date is the one in force then."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    org_role = models.CharField("census role", max_length=1, choices=codes.ORG_ROLE, blank=True)
    funded_fte = models.DecimalField("funded FTE", max_digits=8, decimal_places=2)
    starts_on = models.DateField("from")
    history = HistoricalRecords()

    class Meta:
        ordering = ["team", "org_role", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "org_role", "starts_on"], name="one_establishment_per_team_role_date"
            ),
            models.CheckConstraint(condition=Q(funded_fte__gte=0), name="funded_fte_not_negative"),
        ]

    def __str__(self):
        return f"{self.team}: {self.funded_fte} FTE from {self.starts_on}"


class AbsenceEpisode(models.Model):
    """A period of absence with its census reason and the working days it lost. Special category
    data: only the PSW and HR officers see it (rules.py)."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="absences")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    reason = models.CharField("reason for absence", max_length=3, choices=codes.REASON_ABSENCE)
    working_days_lost = models.DecimalField(max_digits=6, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["staff_member", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="absence_ends_on_or_after_start",
            ),
            models.CheckConstraint(condition=Q(working_days_lost__gte=0), name="absence_days_lost_not_negative"),
        ]

    def __str__(self):
        return f"{self.staff_member}: absence from {self.starts_on}"
