"""The annual report to committee: a draft the PSW edits, the published versions that never
change, the files generated from either, and the council's Word template.

A published version keeps the built section data as JSON (`snapshot`), so every output of it is
made again from exactly the figures it was published with, whatever has changed since."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pswhub.core import roles
from pswhub.core.periods import Period
from pswhub.core.report_sections import SERVICES

# Those who write the report; heads of service read drafts; councillors read published versions.
WRITES_REPORTS = (roles.PSW, roles.QA_OFFICER)
READS_DRAFTS = (roles.PSW, roles.QA_OFFICER, roles.HEAD_OF_SERVICE)
READS_PUBLISHED = (roles.PSW, roles.QA_OFFICER, roles.HEAD_OF_SERVICE, roles.COUNCILLOR, roles.ADMIN)

DEFAULT_FRAME = {
    # Chosen from the committee meetings recorded in the work plan (governance), never fixed text.
    "committee": "",
    "agenda_item": "",
    "report_of": "Report of the Principal Social Worker",
    "purpose": (
        "This report sets out the work of the Principal Social Worker in {period}: the health of the social "
        "work workforce, the quality of social work practice and progress against the work plan{priorities_ahead}."
    ),
    "introduction": (
        "This is the Principal Social Worker's annual report to the Committee. It describes the year's work "
        "with social workers and their managers, what the figures show and what comes next."
    ),
    "statutory_context": (
        "The Munro Review of Child Protection (2011) recommended that every local authority designate a "
        "Principal Child and Family Social Worker to lead on developing professional practice and standards. "
        "Working Together to Safeguard Children sets out the role for children's services, and the Care and "
        "Support Statutory Guidance under the Care Act 2014 expects every local authority to have a Principal "
        "Social Worker for adults' services.\n\n"
        "The Local Government Association's Standards for employers of social workers in England state that "
        "Principal Social Workers must understand and manage the organisation's responsibility across all the "
        "standards."
    ),
    "conclusion": "",
    "other_options": "No other options have been considered.",
    "reasons": (
        "The report gives the Committee the opportunity to consider the work of the Principal Social "
        "Worker and any further actions arising from the information it contains."
    ),
    "statutory_implications": (
        "This report has been compiled after consideration of implications in respect of crime and "
        "disorder, data protection and information governance, finance, human resources, human rights, "
        "the public sector equality duty, safeguarding of children and adults at risk, service users, "
        "and sustainability and the environment; where such implications are material they are described "
        "in the report."
    ),
    "financial_implications": "There are no financial implications arising from this report.",
    "recommendations": (
        "That the Committee considers whether there are any further actions it requires in relation to "
        "the information contained in the report."
    ),
    "contact": "",
    "background_papers": "None.",
}
FRAME_FIELDS = list(DEFAULT_FRAME)


class AnnualReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Drafts are for those who write and read them; councillors never see a draft."""
        if not user.is_authenticated or not user.has_role(*READS_DRAFTS):
            return self.none()
        return self


class AnnualReport(models.Model):
    """The draft: the period, the services, the committee report's own text and the narrative of
    each section. Publishing copies all of it, with the built figures, into a PublishedReport."""

    title = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    services = models.CharField(max_length=20, choices=list(SERVICES.items()), default="all")
    meeting_date = models.DateField("Date of the committee meeting", null=True, blank=True)
    committee = models.CharField(max_length=200, blank=True)
    agenda_item = models.CharField(max_length=100, blank=True)
    report_of = models.CharField("Report of", max_length=300, blank=True)
    purpose = models.TextField("Purpose of the report", blank=True)
    introduction = models.TextField("Introduction from the Principal Social Worker", blank=True)
    statutory_context = models.TextField("The role and its statutory context", blank=True)
    conclusion = models.TextField(blank=True)
    other_options = models.TextField("Other options considered", blank=True)
    reasons = models.TextField("Reasons for the recommendations", blank=True)
    statutory_implications = models.TextField("Statutory and policy implications", blank=True)
    financial_implications = models.TextField(blank=True)
    recommendations = models.TextField(blank=True, help_text="One recommendation a line")
    contact = models.TextField("Contact for enquiries", blank=True)
    background_papers = models.TextField(blank=True)
    narratives = models.JSONField(default=dict, blank=True)
    # The PSW's choices for the report: {"audits_pooled": bool}; and the sections left out, by key.
    options = models.JSONField(default=dict, blank=True)
    left_out = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="report_period_in_order"
            ),
            models.CheckConstraint(condition=Q(services__in=list(SERVICES)), name="report_services_valid"),
        ]

    def __str__(self):
        return self.title

    @property
    def period(self):
        return Period(self.period_start, self.period_end)

    @property
    def services_label(self):
        return SERVICES[self.services]

    def frame(self):
        return {name: getattr(self, name) for name in FRAME_FIELDS}


class AppendOnlyError(Exception):
    pass


class PublishedReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated or not user.has_role(*READS_PUBLISHED):
            return self.none()
        return self

    def update(self, **kwargs):
        raise AppendOnlyError("A published report never changes")


class PublishedReport(models.Model):
    """A published version of a report. Rows are only ever added: a correction is a new version."""

    report = models.ForeignKey(AnnualReport, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    period_start = models.DateField()
    period_end = models.DateField()
    services = models.CharField(max_length=20)
    snapshot = models.JSONField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = PublishedReportQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_published_version_number"),
        ]

    def __str__(self):
        return f"{self.title} (version {self.number})"

    def save(self, *args, **kwargs):
        # The one rule kept in save(): a published version is never written twice.
        if self.pk is not None:
            raise AppendOnlyError("A published report never changes")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("A published report never changes")

    @property
    def period(self):
        return Period(self.period_start, self.period_end)


class ExportFormat(models.TextChoices):
    DOCX = "docx", "Word"
    PDF = "pdf", "PDF"
    HTML = "html", "HTML page"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being made"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class ReportExport(models.Model):
    """A file made from a draft (from the data as it is now) or from a published version (from its
    snapshot), in the background. Kept in the database so that any web process can serve it."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, null=True, blank=True, related_name="exports")
    version = models.ForeignKey(
        PublishedReport, on_delete=models.PROTECT, null=True, blank=True, related_name="exports"
    )
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    status = models.CharField(max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=200, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content = models.BinaryField(null=True, blank=True, editable=False)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(report__isnull=False) & Q(version__isnull=True))
                | (Q(report__isnull=True) & Q(version__isnull=False)),
                name="export_of_a_draft_or_a_version",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_at_most_100"),
            models.CheckConstraint(condition=Q(format__in=ExportFormat.values), name="export_format_valid"),
        ]

    def __str__(self):
        return f"{self.get_format_display()} file ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)


class ReportTemplate(models.Model):
    """A council's own Word template for the report (docxtpl). The newest active one is used;
    without one, the template PSW Hub ships is used."""

    name = models.CharField(max_length=200)
    content = models.BinaryField(editable=False)
    is_active = models.BooleanField(default=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.name
