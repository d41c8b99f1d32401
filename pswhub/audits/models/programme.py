"""The audit programme: plans, the case list from the case management system, and the audits
planned from a sample of it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core.models import StaffMember, Team

from .audits import SEE_EVERY_AUDIT, Audit
from .tools import AuditTool


class CaseType(models.TextChoices):
    """Stable codes for the kind of case, as the case management system's extract gives them."""

    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION = "child_protection", "Child protection"
    CHILD_IN_CARE = "child_in_care", "Child in care"
    CARE_LEAVER = "care_leaver", "Care leaver"
    EARLY_HELP = "early_help", "Early help"
    ADULTS_CARE_AND_SUPPORT = "adults_care_and_support", "Adults' care and support"
    ADULTS_SAFEGUARDING = "adults_safeguarding", "Adults' safeguarding"


class ProgrammeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The case list and the plans are the audit programme's raw material: the PSW and QA
        officers only."""
        if not user.is_authenticated or not (user.role_codes & SEE_EVERY_AUDIT):
            return self.none()
        return self


class Case(models.Model):
    """A case in the case management system, by its reference only: never a name."""

    case_reference = models.CharField(max_length=40, unique=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    worker = models.ForeignKey(
        StaffMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        help_text="The case's worker",
    )
    case_type = models.CharField(max_length=40, choices=CaseType.choices)
    opened_on = models.DateField()
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["case_reference"]
        constraints = [models.CheckConstraint(condition=~Q(case_reference=""), name="case_has_reference")]

    def __str__(self):
        return f"Case {self.case_reference}"


class AuditPlan(models.Model):
    """A month's or a quarter's audits for a service or one team: how many cases to sample, with
    which tool, leaving out cases audited recently."""

    period_start = models.DateField()
    period_end = models.DateField()
    service = models.ForeignKey("core.Service", on_delete=models.PROTECT, related_name="audit_plans")
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_plans",
        help_text="Blank for the whole service",
    )
    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="plans")
    sample_size = models.PositiveSmallIntegerField()
    skip_months = models.PositiveSmallIntegerField(
        default=6, help_text="Leave out cases audited within this many months"
    )
    due_on = models.DateField(
        null=True, blank=True, help_text="When the plan's audits are due; blank for the plan's last day"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-period_start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="plan_ends_after_start"),
            models.CheckConstraint(condition=Q(sample_size__gte=1), name="plan_samples_at_least_one"),
        ]

    def __str__(self):
        scope = self.team.name if self.team_id else self.service.name
        return f"{self.tool.name}, {scope}, {self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"


class PlannedAudit(models.Model):
    """A sampled case in a plan, assigned to an auditor with a due date. Its progress is read from
    the audit started from it."""

    class Status(models.TextChoices):
        UNASSIGNED = "unassigned", "Not assigned"
        ASSIGNED = "assigned", "Assigned"
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"

    plan = models.ForeignKey(AuditPlan, on_delete=models.CASCADE, related_name="planned_audits")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="planned_audits")
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="planned_audits"
    )
    due_on = models.DateField(null=True, blank=True)
    audit = models.OneToOneField(Audit, on_delete=models.SET_NULL, null=True, blank=True, related_name="planned")
    history = HistoricalRecords()

    class Meta:
        ordering = ["case__case_reference"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "case"], name="case_once_per_plan"),
            models.CheckConstraint(
                condition=Q(auditor__isnull=True, due_on__isnull=True) | Q(auditor__isnull=False, due_on__isnull=False),
                name="assignment_has_auditor_and_due_date",
            ),
        ]

    def __str__(self):
        return f"Planned audit of case {self.case.case_reference}"

    @property
    def status(self):
        if self.audit_id is not None:
            return self.Status.IN_PROGRESS if self.audit.is_draft else self.Status.SUBMITTED
        return self.Status.ASSIGNED if self.auditor_id else self.Status.UNASSIGNED

    def is_overdue(self, today):
        return self.due_on is not None and self.due_on < today and self.status != self.Status.SUBMITTED
