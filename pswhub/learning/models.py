"""Learning and development: a catalogue of learning events (course sessions, briefings,
conferences, learning forums, practice weeks, Social Work Week events, Schwartz Rounds and group
reflective supervision) with their topics, bookings and attendance; supervision sessions and the
council's supervision policy, held as data.

A topic carries the stable code of the audit learning theme it answers (`theme_code`), read from
`pswhub.audits.selectors`, so learning and audits share one vocabulary without sharing tables."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core.imports.models import Upload
from pswhub.core.models import StaffMember

from . import reference


class Topic(models.Model):
    """Reference data with stable codes, loaded by a data migration; the PSW may add more."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)
    theme_code = models.SlugField("Audit learning theme", max_length=60, blank=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LearningEvent(models.Model):
    """One dated learning event: a course session, briefing, Schwartz Round and so on. Bookings
    and attendance are counts (`booked_count`, `attended_count`) where names are not known, and
    bookings of named staff where they are (`Booking`)."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=reference.EVENT_KINDS)
    service = models.CharField(max_length=20, choices=reference.SERVICES)
    held_on = models.DateField("Date")
    description = models.TextField(blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="events")
    places = models.PositiveIntegerField(null=True, blank=True)
    booked_count = models.PositiveIntegerField("Places booked", null=True, blank=True)
    attended_count = models.PositiveIntegerField("People who attended", null=True, blank=True)
    evaluation_responses = models.PositiveIntegerField("Evaluations returned", null=True, blank=True)
    evaluation_score = models.DecimalField(
        "Average evaluation score (out of 5)", max_digits=3, decimal_places=1, null=True, blank=True
    )
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["-held_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["title", "kind", "held_on"], name="one_event_per_title_kind_and_date"),
            models.CheckConstraint(condition=Q(kind__in=reference.EVENT_KIND_CODES), name="learning_event_kind_valid"),
            models.CheckConstraint(
                condition=Q(service__in=reference.SERVICE_CODES), name="learning_event_service_valid"
            ),
            models.CheckConstraint(
                condition=Q(evaluation_score__isnull=True) | Q(evaluation_score__gte=1, evaluation_score__lte=5),
                name="learning_event_score_one_to_five",
            ),
        ]

    def __str__(self):
        return self.title


class BookingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Bookings of the staff whose records the user may open (core's staff scope)."""
        return self.filter(staff_member__in=StaffMember.objects.visible_to(user).values("pk"))


class Booking(models.Model):
    """A named person booked on an event; `attended` once the register is taken."""

    event = models.ForeignKey(LearningEvent, on_delete=models.CASCADE, related_name="bookings")
    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="learning_bookings")
    attended = models.BooleanField(default=False)
    history = HistoricalRecords()

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["staff_member__last_name", "staff_member__first_name"]
        constraints = [models.UniqueConstraint(fields=["event", "staff_member"], name="one_booking_per_person")]

    def __str__(self):
        return f"{self.staff_member} on {self.event}"


class SupervisionPolicy(models.Model):
    """The council's supervision policy, as data: the steps of required frequency after a newly
    qualified worker starts, the shortest session that counts, and whether group sessions count.
    The current policy is the one compliance is measured against."""

    code = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    minimum_minutes = models.PositiveSmallIntegerField(default=90)
    group_sessions_count = models.BooleanField(default=False)
    is_current = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "supervision policies"
        constraints = [
            models.UniqueConstraint(fields=["is_current"], condition=Q(is_current=True), name="one_current_policy")
        ]

    def __str__(self):
        return self.name


class SupervisionPolicyStep(models.Model):
    """Up to `up_to_day` days after a newly qualified worker starts (thereafter when blank, and
    always for a worker who is not newly qualified), one session at least every `every_days`."""

    policy = models.ForeignKey(SupervisionPolicy, on_delete=models.CASCADE, related_name="steps")
    up_to_day = models.PositiveSmallIntegerField(null=True, blank=True)
    every_days = models.PositiveSmallIntegerField()

    class Meta:
        ordering = [models.F("up_to_day").asc(nulls_last=True)]
        constraints = [models.CheckConstraint(condition=Q(every_days__gte=1), name="policy_step_every_day_or_more")]

    def __str__(self):
        return f"Every {self.every_days} days"


class SupervisionSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Sessions of the staff whose records the user may open (core's staff scope)."""
        return self.filter(staff_member__in=StaffMember.objects.visible_to(user).values("pk"))


class SupervisionKind(models.TextChoices):
    INDIVIDUAL = "individual", "Individual"
    GROUP = "group", "Group"


class SupervisionSession(models.Model):
    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="supervision_sessions")
    held_on = models.DateField("Date")
    kind = models.CharField(max_length=20, choices=SupervisionKind.choices, default=SupervisionKind.INDIVIDUAL)
    minutes = models.PositiveSmallIntegerField("Length in minutes")
    supervisor = models.ForeignKey(
        StaffMember, on_delete=models.PROTECT, null=True, blank=True, related_name="supervision_given"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = SupervisionSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["staff_member", "held_on", "kind"], name="one_session_per_day_and_kind"),
            models.CheckConstraint(condition=Q(kind__in=SupervisionKind.values), name="supervision_kind_valid"),
            models.CheckConstraint(condition=Q(minutes__gte=1), name="supervision_minutes_positive"),
        ]

    def __str__(self):
        return f"{self.staff_member}, {self.held_on}"


class NewlyQualifiedStart(models.Model):
    """The day a newly qualified social worker started: the policy's early steps count from it."""

    staff_member = models.OneToOneField(StaffMember, on_delete=models.CASCADE, related_name="newly_qualified_start")
    started_on = models.DateField()
    history = HistoricalRecords()

    def __str__(self):
        return f"{self.staff_member} from {self.started_on}"


class LearningImport(Upload):
    """One learning file (core.imports.models.Upload) and the events it would add or update, or
    did."""

    RESULT_FIELDS = ["rows", "added", "updated", "unchanged"]

    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta(Upload.Meta):
        pass


class SupervisionImport(Upload):
    """One supervision file from a case or HR system (core.imports.models.Upload) and the
    sessions it would add or update, or did."""

    RESULT_FIELDS = ["rows", "added", "updated", "unchanged"]

    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta(Upload.Meta):
        pass
