"""The grade scale, learning themes and audit tools with their numbered versions, sections and
questions: what an audit is done with."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class AuditType(models.TextChoices):
    FULL = "full", "Full case audit"
    DIP_SAMPLE = "dip_sample", "Dip sample"
    THEMED = "themed", "Themed audit"


class GradeScale(models.Model):
    """Reference data: a grading scale, loaded by a data migration (code `ofsted` by default)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    history = HistoricalRecords()

    def __str__(self):
        return self.name


class Grade(models.Model):
    """One point on a scale. `rank` 1 is the best; `good_or_better` marks the grades counted in
    "% good or better"."""

    scale = models.ForeignKey(GradeScale, on_delete=models.PROTECT, related_name="grades")
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=100)
    rank = models.PositiveSmallIntegerField()
    good_or_better = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="unique_grade_code_in_scale"),
            models.UniqueConstraint(fields=["scale", "rank"], name="unique_grade_rank_in_scale"),
        ]

    def __str__(self):
        return self.name


class LearningTheme(models.Model):
    """Reference data: the shared taxonomy of learning themes, with stable codes."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class AuditTool(models.Model):
    """A template for audits. Its content lives in numbered versions; audits point at the version
    they were done with, so a new version never changes an audit already done."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    audit_type = models.CharField(max_length=20, choices=AuditType.choices)
    service_kind = models.CharField(max_length=20, blank=True, help_text="children or adults; blank for both")
    description = models.TextField(blank=True)
    scale = models.ForeignKey(GradeScale, on_delete=models.PROTECT, related_name="tools")
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def current_version(self):
        """The latest published version: the one new audits are done with."""
        return self.versions.filter(is_draft=False).order_by("-number").first()

    def draft_version(self):
        return self.versions.filter(is_draft=True).order_by("-number").first()


class AuditToolVersion(models.Model):
    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    is_draft = models.BooleanField(
        default=False, help_text="A draft is being edited and cannot be used for audits until it is published"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["tool", "number"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "number"], name="unique_tool_version_number"),
            models.UniqueConstraint(fields=["tool"], condition=Q(is_draft=True), name="one_draft_version_per_tool"),
        ]

    def __str__(self):
        return f"{self.tool.name}, version {self.number}"


class Section(models.Model):
    version = models.ForeignKey(AuditToolVersion, on_delete=models.PROTECT, related_name="sections")
    code = models.SlugField(max_length=60)
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    is_graded = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="unique_section_code_in_version")]

    def __str__(self):
        return self.title


class Question(models.Model):
    YES_NO_PARTLY = "yes_no_partly"
    TEXT = "text"
    KIND_CHOICES = [(YES_NO_PARTLY, "Yes, no or partly"), (TEXT, "Free text")]

    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="questions")
    code = models.SlugField(max_length=60)
    text = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default=YES_NO_PARTLY)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "order"]
        constraints = [models.UniqueConstraint(fields=["section", "code"], name="unique_question_code_in_section")]

    def __str__(self):
        return self.text
