"""What comes out of an audit: actions, risk flags and moderation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .audits import Audit
from .tools import Grade


class AuditAction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="audit_actions"
    )
    owner_name = models.CharField(max_length=200, blank=True, help_text="When the owner has no account")
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", done_on__isnull=True) | Q(status="done", done_on__isnull=False),
                name="done_action_has_date",
            )
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="audit_action_status_due")]

    def __str__(self):
        return self.description[:60]


class RiskFlag(models.Model):
    """ "This child may be at risk now": alerts the team manager and the PSW at once, and stays
    open until one of them acknowledges it."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="risk_flags")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(auto_now_add=True)
    description = models.TextField()
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(acknowledged_by__isnull=True, acknowledged_at__isnull=True)
                | Q(acknowledged_by__isnull=False, acknowledged_at__isnull=False),
                name="acknowledged_flag_has_who_and_when",
            )
        ]

    def __str__(self):
        return f"Risk flag on {self.audit}"

    @property
    def is_open(self):
        return self.acknowledged_at is None


class Moderation(models.Model):
    """A second reviewer's look at a submitted audit. The auditor's grade stays on the audit; the
    moderated grade is kept here beside it."""

    SAMPLE, INADEQUATE = "sample", "inadequate"
    REASON_CHOICES = [(SAMPLE, "Chosen in the moderation sample"), (INADEQUATE, "Graded inadequate")]

    audit = models.OneToOneField(Audit, on_delete=models.CASCADE, related_name="moderation")
    reason = models.CharField(max_length=20, choices=REASON_CHOICES)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="moderations"
    )
    original_grade = models.ForeignKey(Grade, on_delete=models.PROTECT, related_name="+")
    moderated_grade = models.ForeignKey(Grade, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    comments = models.TextField(blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(moderated_grade__isnull=True, moderated_at__isnull=True)
                | Q(moderated_grade__isnull=False, moderated_at__isnull=False),
                name="moderated_has_grade_and_time",
            )
        ]

    def __str__(self):
        return f"Moderation of {self.audit}"

    @property
    def is_done(self):
        return self.moderated_at is not None

    @property
    def agreed(self):
        return self.is_done and self.moderated_grade_id == self.original_grade_id
