"""The PSW's work plan, the committee meetings that hear the PSW's reports and the actions they
set, and the findings of peer reviews with the council's response to each.

A work plan year is a financial year, named by the calendar year it starts in: 2025 is 2025/26,
1 April 2025 to 31 March 2026."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from pswhub.core import roles
from pswhub.core.periods import year_label
from pswhub.core.presenters import govuk_date

# The roles that read the whole work plan and every committee action.
READS_EVERY_ACTION = (roles.PSW, roles.QA_OFFICER, roles.HEAD_OF_SERVICE)


class ServiceScope(models.TextChoices):
    CHILDREN = "children", "Children's services"
    ADULTS = "adults", "Adults' services"
    ALL = "all", "Children's and adults' services"


class Rag(models.TextChoices):
    """Red, amber, green: shown always as a word beside any colour."""

    RED = "red", "Red: off track"
    AMBER = "amber", "Amber: at risk"
    GREEN = "green", "Green: on track"


class Priority(models.Model):
    """One priority of the PSW's work plan for a year. A priority carried into the next year is a
    new row pointing at the one it came from, so each year's record stays as it was."""

    year_start = models.PositiveSmallIntegerField("Year", help_text="The calendar year the financial year starts in")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    measures = models.TextField("How we will know", blank=True)
    service = models.CharField(max_length=20, choices=ServiceScope.choices, default=ServiceScope.ALL)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="priorities"
    )
    carried_from = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="carried_to"
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year_start", "order", "title"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["year_start", "title"], name="unique_priority_title_in_year"),
            models.CheckConstraint(
                condition=Q(year_start__gte=2000, year_start__lte=2100), name="priority_year_sensible"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def year_label(self):
        return year_label(self.year_start)


class PriorityUpdate(models.Model):
    """Progress on a priority: a RAG status and what has happened, as at a date."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="updates")
    as_at = models.DateField()
    rag = models.CharField("RAG status", max_length=10, choices=Rag.choices)
    narrative = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-as_at", "-created_at"]
        constraints = [models.CheckConstraint(condition=Q(rag__in=Rag.values), name="priority_update_rag_valid")]

    def __str__(self):
        return f"{self.priority}: {self.get_rag_display()} on {govuk_date(self.as_at)}"


class CommitteeMeeting(models.Model):
    committee = models.CharField(max_length=200)
    held_on = models.DateField("Date of the meeting")
    agenda_item = models.CharField(max_length=300, blank=True)
    service = models.CharField(max_length=20, choices=ServiceScope.choices, default=ServiceScope.ALL)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "committee"]

    def __str__(self):
        return f"{self.committee}, {govuk_date(self.held_on)}"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "No longer needed"


OPEN_STATUSES = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]


class CommitteeActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every action for those who read the work plan; their own actions for anyone else."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(*READS_EVERY_ACTION):
            return self
        return self.filter(owner=user)

    def outstanding(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today):
        return self.outstanding().filter(due_on__lt=today)


class CommitteeAction(models.Model):
    """An action a committee set (seed 000: "ACTION: ... to circulate information as to which
    courses cover parental alienation"). The owner is named as the minutes name them; when the
    owner has a PSW Hub account they are linked, and reminded by e-mail."""

    meeting = models.ForeignKey(CommitteeMeeting, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner_name = models.CharField("Owner", max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="committee_actions"
    )
    due_on = models.DateField("Due date")
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = CommitteeActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ActionStatus.values), name="committee_action_status_valid"),
            models.CheckConstraint(
                condition=Q(status="done", completed_on__isnull=False)
                | (~Q(status="done") & Q(completed_on__isnull=True)),
                name="committee_action_completed_only_when_done",
            ),
        ]

    def __str__(self):
        return self.description[:80]

    @property
    def is_outstanding(self):
        return self.status in OPEN_STATUSES


class ActionUpdate(models.Model):
    action = models.ForeignKey(CommitteeAction, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=20, choices=ActionStatus.choices)
    narrative = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.action}: {self.get_status_display()}"


class PeerReview(models.Model):
    title = models.CharField(max_length=200)
    reviewed_on = models.DateField("Date of the review")
    reviewers = models.CharField("Who carried it out", max_length=300, blank=True)
    summary = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on"]

    def __str__(self):
        return self.title


class FindingKind(models.TextChoices):
    STRENGTH = "strength", "Strength"
    IMPROVEMENT = "improvement", "Area for improvement"


class PeerReviewFinding(models.Model):
    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=20, choices=FindingKind.choices)
    finding = models.TextField()
    response = models.TextField("Our response", blank=True)
    responded_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=FindingKind.values), name="peer_review_finding_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.finding[:60]}"
