"""Agency social workers held as engagements (docs/agency.md, docs/adr/0701-agency-engagements.md):
who the agency is, which team the worker covers in and why, from when to when, the hourly charge
rate, the worker's years since qualifying and census role; and the regional price cap the council has agreed,
so engagements charged above it can be seen. History is kept for both."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core import roles
from pswhub.core.imports.models import Upload
from pswhub.core.models import StaffMember, Team
from pswhub.workforce import codes

# A full-time week, in hours, by which an engagement's FTE becomes the hours it is charged for.
FULL_TIME_HOURS = Decimal("37")


class CoverReason(models.TextChoices):
    VACANCY = "vacancy", "Covering a vacancy"
    MATERNITY = "maternity", "Covering maternity or other family leave"
    SICKNESS = "sickness", "Covering sickness absence"
    PROJECT = "project", "A project or extra capacity"


class EngagementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The engagements a user may see: all of them for those who read across the service; a
        team manager's own teams' (and the teams beneath them); none for anyone else."""
        if not user.is_authenticated:
            return self.none()
        if user.role_codes & {roles.PSW, roles.HR_OFFICER, roles.HEAD_OF_SERVICE}:
            return self
        if user.has_role(roles.TEAM_MANAGER):
            return self.filter(team_id__in=Team.objects.ids_with_descendants(user.managed_team_ids()))
        return self.none()

    def in_force_on(self, day):
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)

    def overlapping(self, start, end):
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start), starts_on__lte=end)


class Engagement(models.Model):
    """One agency social worker engaged to cover in one team, from `starts_on` until `ends_on`
    (blank while it continues). Charged `hourly_rate` pounds an hour for FTE × 37 hours a week."""

    agency = models.CharField(max_length=200)
    worker_name = models.CharField(
        max_length=200, blank=True, help_text="The worker's name, when they have no staff record in PSW Hub."
    )
    staff_member = models.ForeignKey(
        StaffMember, on_delete=models.PROTECT, null=True, blank=True, related_name="agency_engagements"
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="agency_engagements")
    cover_reason = models.CharField(max_length=20, choices=CoverReason.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    fte = models.DecimalField(
        "FTE",
        max_digits=4,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1"))],
    )
    hourly_rate = models.DecimalField(max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    years_qualified = models.PositiveSmallIntegerField("years since qualifying", null=True, blank=True)
    org_role = models.CharField(
        "census role",
        max_length=1,
        choices=codes.ORG_ROLE,
        default=codes.CASE_HOLDER,
        help_text="The worker's role as the census return codes it; most agency social workers hold cases.",
    )
    history = HistoricalRecords()

    objects = EngagementQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="agency_engagement_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.worker} ({self.agency})"

    @property
    def worker(self):
        if self.staff_member_id:
            return self.staff_member.full_name
        return self.worker_name or "Not named"


class PriceCap(models.Model):
    """The most the region's councils have agreed to pay an agency an hour for a social worker,
    from `starts_on` until the next cap starts."""

    starts_on = models.DateField(unique=True)
    hourly_rate = models.DecimalField(max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    note = models.CharField(max_length=300, blank=True, help_text="Such as who agreed it and when.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self):
        return f"£{self.hourly_rate} an hour from {self.starts_on}"


class EngagementUpload(Upload):
    """One file of engagements (core.imports.models.Upload) and the engagements it would add or
    update, or did (importing.py)."""

    RESULT_FIELDS = ["rows", "added", "updated", "unchanged"]

    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta(Upload.Meta):
        pass
