"""Case file audits and dip samples: the grade scale, audit tools and their versions, the audits
done with them, and what comes out of an audit (learning themes, actions, risk flags, moderation).

An audit refers to a case only by its reference in the council's case management system; no
field holds a child's or adult's personal details."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core import roles
from pswhub.core.models import StaffMember, Team

# Roles that see every audit individually.
SEE_EVERY_AUDIT = {roles.PSW, roles.QA_OFFICER}


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


# The audit programme: plans, the case list from the case management system, and the audits
# planned from a sample of it.


class CaseType(models.TextChoices):
    """Stable codes for the kind of case, as the case management system's extract gives them."""

    CHILD_IN_NEED = "child_in_need", "Child in need"
    CHILD_PROTECTION = "child_protection", "Child protection"
    CHILD_IN_CARE = "child_in_care", "Child in care"
    CARE_LEAVER = "care_leaver", "Care leaver"
    EARLY_HELP = "early_help", "Early help"
    ADULTS_CARE_AND_SUPPORT = "adults_care_and_support", "Adults' care and support"
    ADULTS_SAFEGUARDING = "adults_safeguarding", "Adults' safeguarding"


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The case list is the audit programme's raw material: the PSW and QA officers only."""
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

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["case_reference"]
        constraints = [models.CheckConstraint(condition=~Q(case_reference=""), name="case_has_reference")]

    def __str__(self):
        return f"Case {self.case_reference}"


class AuditPlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated or not (user.role_codes & SEE_EVERY_AUDIT):
            return self.none()
        return self


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

    objects = AuditPlanQuerySet.as_manager()

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


# Counts kept for the dashboard (docs/adr/0204-audit-dashboard-at-national-scale.md): completed
# audits' final grades, section grades and learning themes, summed by the day they were completed. They are made
# from the audits again, day by day, by `summary.audit_days_refresh` whenever an audit is
# completed, moderated, imported or deleted, and rebuilt whole by `manage.py rebuild_audit_counts`.
# They are derived figures, not records: they keep no history.


class FinalGradeDay(models.Model):
    """Audits completed on a day, by audit type and final grade (the moderated grade where there
    is one, else the auditor's)."""

    completed_on = models.DateField()
    audit_type = models.CharField(max_length=20, choices=AuditType.choices)
    grade = models.ForeignKey(Grade, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["completed_on", "audit_type", "grade"], name="one_count_per_day_type_grade")
        ]

    def __str__(self):
        return f"{self.count} on {self.completed_on}"


class SectionGradeDay(models.Model):
    """Section grades of the audits completed on a day, by section and grade."""

    completed_on = models.DateField()
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    grade = models.ForeignKey(Grade, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["completed_on", "section", "grade"], name="one_count_per_day_section_grade")
        ]

    def __str__(self):
        return f"{self.count} on {self.completed_on}"


class ThemeDay(models.Model):
    """Audits completed on a day that named a learning theme."""

    completed_on = models.DateField()
    theme = models.ForeignKey(LearningTheme, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["completed_on", "theme"], name="one_count_per_day_theme")]

    def __str__(self):
        return f"{self.count} on {self.completed_on}"
