"""Audits and what is written in them: section grades and evidence, answers, contributions, and
the batch a historic audit was imported in. An audit refers to a case only by its reference in the
council's case management system; no field holds a child's or adult's personal details."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core import roles
from pswhub.core.models import StaffMember, Team

from .tools import AuditToolVersion, AuditType, Grade, LearningTheme, Question, Section

# Roles that see every audit individually.
SEE_EVERY_AUDIT = {roles.PSW, roles.QA_OFFICER}


class AuditImportBatch(models.Model):
    """One historic import: which file, by whom, how many audits it added."""

    file_name = models.CharField(max_length=300)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    audit_count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.file_name} ({self.audit_count} audits)"


class AuditQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The audits a user may open one by one: every audit for the PSW and QA officers; for
        anyone else the audits they conduct or moderate, the audits of their own cases, and, for a
        team manager, the audits of cases in the teams they manage. Councillors, HR officers,
        heads of service and administrators see none individually (aggregates only)."""
        if not user.is_authenticated:
            return self.none()
        if user.role_codes & SEE_EVERY_AUDIT:
            return self
        allowed = Q(auditor=user) | Q(worker__user=user) | Q(moderation__moderator=user)
        if user.has_role(roles.TEAM_MANAGER):
            allowed |= Q(team_id__in=user.managed_team_ids())
        return self.filter(allowed)

    def completed_between(self, date_from, date_to):
        return self.filter(status=Audit.Status.COMPLETED, completed_on__gte=date_from, completed_on__lte=date_to)


class Audit(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Awaiting moderation"
        COMPLETED = "completed", "Completed"

    tool_version = models.ForeignKey(
        AuditToolVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits",
        help_text="Blank for historic audits imported from a spreadsheet",
    )
    audit_type = models.CharField(max_length=20, choices=AuditType.choices)
    case_reference = models.CharField(
        max_length=40, help_text="The reference in the case management system: never a name"
    )
    case_type = models.CharField(max_length=60, blank=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="audits")
    worker = models.ForeignKey(
        StaffMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audits_of_cases",
        help_text="The case's social worker",
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="audits_conducted"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    due_on = models.DateField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True, db_index=True)
    overall_grade = models.ForeignKey(
        Grade, on_delete=models.PROTECT, null=True, blank=True, related_name="+", help_text="The auditor's grade"
    )
    strengths = models.TextField(blank=True)
    areas_for_development = models.TextField(blank=True)
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="audits")
    import_batch = models.ForeignKey(
        AuditImportBatch, on_delete=models.PROTECT, null=True, blank=True, related_name="audits"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[themes])

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-completed_on", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(case_reference=""), name="audit_has_case_reference"),
            models.CheckConstraint(
                condition=Q(status="draft") | (Q(completed_on__isnull=False) & Q(overall_grade__isnull=False)),
                name="submitted_audit_has_date_and_grade",
            ),
        ]
        indexes = [
            # The dashboard's grouped counts of a year's completed audits, and its time to
            # complete, read only this index.
            models.Index(
                fields=["status", "completed_on", "team", "audit_type", "overall_grade", "id", "started_on", "due_on"],
                name="audit_status_completed",
            )
        ]

    def __str__(self):
        return f"{self.get_audit_type_display()} of case {self.case_reference}"

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT


class SectionResult(models.Model):
    """A section's grade and the evidence for it."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="section_results")
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="+")
    grade = models.ForeignKey(Grade, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    evidence = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section__order"]
        constraints = [models.UniqueConstraint(fields=["audit", "section"], name="one_result_per_section")]
        # Section grades of a year's audits are counted from this index alone.
        indexes = [models.Index(fields=["audit", "section", "grade"], name="section_result_grade")]

    def __str__(self):
        return f"{self.section} in {self.audit}"


class Answer(models.Model):
    YES, NO, PARTLY = "yes", "no", "partly"
    VALUE_CHOICES = [(YES, "Yes"), (NO, "No"), (PARTLY, "Partly")]

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.CharField(max_length=10, choices=VALUE_CHOICES, blank=True)
    text = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.question} in {self.audit}"


class Contribution(models.Model):
    """What the auditor, the case's social worker or their manager adds to a collaborative audit."""

    AUDITOR, WORKER, MANAGER, OTHER = "auditor", "worker", "manager", "other"
    ROLE_CHOICES = [
        (AUDITOR, "Auditor"),
        (WORKER, "Social worker"),
        (MANAGER, "Team manager"),
        (OTHER, "Quality assurance"),
    ]

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20, choices=ROLE_CHOICES)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_role_display()} on {self.audit}"
