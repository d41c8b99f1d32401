"""Social Work England registration: each registered social worker's SWE number and status, each
year's renewal (renewed on, CPD entries, peer reflection) and fitness-to-practise referrals.

A renewal year is named by the calendar year of its deadline: the 2026 renewal runs from
1 September to 30 November 2026. Fitness-to-practise referrals are restricted records: reached
only through `FitnessToPractiseReferral.objects.visible_to(user)` and every view logged."""

from datetime import date

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core import roles
from pswhub.core.imports.models import Upload
from pswhub.core.models import StaffMember

# The roles that see every registration and may open a fitness-to-practise referral.
KEEPS_REGISTRATIONS = (roles.PSW, roles.HR_OFFICER)
READS_EVERY_REGISTRATION = (roles.PSW, roles.HR_OFFICER, roles.HEAD_OF_SERVICE)


def renewal_deadline(year):
    """Social Work England: "Renewal window 1 September – 30 November every year"."""
    return date(year, 11, 30)


def renewal_window_opens(year):
    return date(year, 9, 1)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", "Registered"
    SUSPENDED = "suspended", "Suspended"
    REMOVED = "removed", "Removed from the register"


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every registration for the PSW, HR and heads of service; their teams' for a team
        manager; their own for a social worker; none for a councillor."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(*READS_EVERY_REGISTRATION):
            return self
        return self.filter(staff_member__in=StaffMember.objects.visible_to(user).values("pk"))

    def registered_on(self, day):
        """Registered on the day: registered by then (or date not known), not removed by then."""
        return self.filter(
            Q(registered_on__isnull=True) | Q(registered_on__lte=day),
            Q(removed_on__isnull=True) | Q(removed_on__gt=day),
        )


class Registration(models.Model):
    """A staff member's registration with Social Work England. PSW Hub keeps its own copy of the
    SWE number, as the register shows it ("SW" and digits)."""

    staff_member = models.OneToOneField(StaffMember, on_delete=models.PROTECT, related_name="registration")
    swe_number = models.CharField("Social Work England number", max_length=20, unique=True)
    registered_on = models.DateField("First registered on", null=True, blank=True)
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.REGISTERED)
    removed_on = models.DateField("Removed from the register on", null=True, blank=True)
    history = HistoricalRecords()

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["staff_member__last_name", "staff_member__first_name"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RegistrationStatus.values), name="registration_status_valid"),
            models.CheckConstraint(
                condition=Q(status="removed", removed_on__isnull=False)
                | (~Q(status="removed") & Q(removed_on__isnull=True)),
                name="registration_removed_dated",
            ),
        ]

    def __str__(self):
        return f"{self.staff_member} ({self.swe_number})"


class Renewal(models.Model):
    """One year's renewal: the date it was completed (blank until then), how many CPD entries the
    worker has recorded and whether one of them is a peer reflection."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="renewals")
    year = models.PositiveSmallIntegerField("Renewal year", help_text="The year of the 30 November deadline")
    renewed_on = models.DateField("Renewed on", null=True, blank=True)
    cpd_entries = models.PositiveSmallIntegerField("CPD entries recorded", default=0)
    peer_reflection = models.BooleanField("One of them is a peer reflection", default=False)
    last_reminded_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["last_reminded_on"])

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "year"], name="one_renewal_per_year"),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="renewal_year_sensible"),
        ]

    def __str__(self):
        return f"{self.registration.staff_member}, {self.year} renewal"

    @property
    def deadline(self):
        return renewal_deadline(self.year)


class ReferralStage(models.TextChoices):
    """The stages of Social Work England's fitness-to-practise process."""

    CONCERN = "concern", "Concern raised"
    TRIAGE = "triage", "Triage"
    INVESTIGATION = "investigation", "Investigation"
    CASE_EXAMINERS = "case_examiners", "Case examiners"
    HEARING = "hearing", "Hearing"
    CLOSED = "closed", "Closed"


class ReferralQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Only the PSW (the council's link officer with Social Work England) and HR officers."""
        if not user.is_authenticated or not user.has_role(*KEEPS_REGISTRATIONS):
            return self.none()
        return self


class FitnessToPractiseReferral(models.Model):
    """A fitness-to-practise referral about a staff member: a restricted record. It never appears
    in any figure below council level."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="ftp_referrals")
    referred_on = models.DateField("Referred on")
    referred_by = models.CharField("Referred by", max_length=200, help_text="The council, the public, the police…")
    concern = models.TextField("The concern")
    stage = models.CharField(max_length=20, choices=ReferralStage.choices, default=ReferralStage.CONCERN)
    outcome = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_on"]
        constraints = [
            models.CheckConstraint(condition=Q(stage__in=ReferralStage.values), name="referral_stage_valid"),
            models.CheckConstraint(
                condition=Q(stage="closed", closed_on__isnull=False) | (~Q(stage="closed") & Q(closed_on__isnull=True)),
                name="referral_closed_dated",
            ),
        ]

    def __str__(self):
        return f"Referral of {self.staff_member}, {self.referred_on}"


class RenewalImport(Upload):
    """One renewal file (core.imports.models.Upload) and the renewals it would add or update, or
    did."""

    RESULT_FIELDS = ["rows", "added", "updated", "unchanged"]

    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta(Upload.Meta):
        pass
