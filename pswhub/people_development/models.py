"""People development: student placements and practice educators, sponsored routes and their
cohorts, early career programmes (the ASYE and its successor) with each newly qualified worker's
record and reviews, and career progression panels (docs/people_development.md).

Students are held by a reference, never by name unless the council chooses to record one. A
staff member is core's `StaffMember`; their leaving date is read from there, never copied."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from pswhub.core.imports.models import Upload
from pswhub.core.models import StaffMember, Team
from pswhub.core.periods import year_label


class Route(models.Model):
    """Reference data: loaded from `reference.ROUTES` by a data migration."""

    code = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class EarlyCareerProgramme(models.Model):
    """A programme as data: how long it lasts, when its reviews fall (months after the start; the
    last is the final assessment) and for how many months the lower workload capacity applies.
    Loaded from `reference.PROGRAMMES` by a data migration."""

    code = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(max_length=100)
    length_months = models.PositiveSmallIntegerField()
    review_months = models.JSONField(default=list)
    reduced_workload_months = models.PositiveSmallIntegerField()
    available_from = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.CheckConstraint(condition=Q(length_months__gt=0), name="programme_length_positive"),
        ]

    def __str__(self):
        return self.name


class ProgressionLevel(models.Model):
    """Reference data: the council's own levels, from `reference.PROGRESSION_LEVELS`."""

    code = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class PracticeEducator(models.Model):
    """A staff member qualified to supervise and assess students (PEPS stage 1 or 2)."""

    STAGE_CHOICES = [(1, "PEPS stage 1"), (2, "PEPS stage 2")]

    staff_member = models.OneToOneField(StaffMember, on_delete=models.PROTECT, related_name="practice_educator")
    stage = models.PositiveSmallIntegerField("PEPS stage", choices=STAGE_CHOICES)
    qualified_on = models.DateField("Date qualified", null=True, blank=True)
    capacity = models.PositiveSmallIntegerField("Students a year they can take", default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["staff_member__last_name", "staff_member__first_name"]
        constraints = [models.CheckConstraint(condition=Q(stage__in=[1, 2]), name="educator_stage_valid")]

    def __str__(self):
        return f"{self.staff_member} (stage {self.stage})"


class PlacementKind(models.TextChoices):
    FIRST = "first", "First placement"
    FINAL = "final", "Final placement"
    OTHER = "other", "Other placement"


class PlacementOutcome(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    PASSED = "passed", "Passed"
    FAILED = "failed", "Failed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Placement(models.Model):
    """A student's placement with the council in an academic year (1 September to 31 August)."""

    academic_year = models.PositiveSmallIntegerField(help_text="The calendar year the academic year starts in")
    student_reference = models.CharField(max_length=40)
    student_name = models.CharField("Student's name (only if the council records names)", max_length=200, blank=True)
    university = models.CharField(max_length=200)
    route = models.ForeignKey(Route, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("Placement", max_length=10, choices=PlacementKind.choices)
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    practice_educator = models.ForeignKey(
        PracticeEducator, on_delete=models.SET_NULL, null=True, blank=True, related_name="placements"
    )
    days = models.PositiveSmallIntegerField()
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=PlacementOutcome.choices, default=PlacementOutcome.IN_PROGRESS)
    hired = models.ForeignKey(
        StaffMember,
        verbose_name="Staff record, if later employed",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="student_placements",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-academic_year", "student_reference", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["academic_year", "student_reference", "kind"], name="one_placement_per_student_kind_year"
            ),
            models.CheckConstraint(condition=Q(kind__in=PlacementKind.values), name="placement_kind_valid"),
            models.CheckConstraint(condition=Q(outcome__in=PlacementOutcome.values), name="placement_outcome_valid"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="placement_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.student_reference}, {self.get_kind_display().lower()} {self.academic_year_label}"

    @property
    def academic_year_label(self):
        return year_label(self.academic_year)


class PlacementIncome(models.Model):
    """What the council received (or expects) for placements in an academic year."""

    academic_year = models.PositiveSmallIntegerField(unique=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    projected = models.BooleanField("A projection, not yet received", default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-academic_year"]

    def __str__(self):
        return f"Placement income {self.academic_year_label}"

    @property
    def academic_year_label(self):
        return year_label(self.academic_year)


class CohortKind(models.TextChoices):
    STEP_UP = "step_up", "Step Up to Social Work"
    FRONTLINE = "frontline", "Frontline"
    APPRENTICESHIP = "apprenticeship", "Social work apprenticeship"
    TEACHING_PARTNERSHIP = "teaching_partnership", "Teaching partnership"
    LOCAL_ACADEMY = "local_academy", "Local academy or project"
    LEADERSHIP = "leadership", "Leadership programme (such as Firstline)"


class SponsoredCohort(models.Model):
    """A cohort of a sponsored route or programme the council takes part in ("Step Up cohort 6")."""

    kind = models.CharField(max_length=30, choices=CohortKind.choices)
    name = models.CharField(max_length=200, unique=True)
    started_on = models.DateField()
    places = models.PositiveSmallIntegerField("Places", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "name"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=CohortKind.values), name="cohort_kind_valid")]

    def __str__(self):
        return self.name


class ParticipantStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    QUALIFIED = "qualified", "Qualified or completed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CohortParticipant(models.Model):
    """One participant of a cohort: a reference, and the staff record once they work here (whether
    they stay is read from that record's leaving date)."""

    cohort = models.ForeignKey(SponsoredCohort, on_delete=models.CASCADE, related_name="participants")
    reference = models.CharField(max_length=40)
    staff_member = models.ForeignKey(
        StaffMember, on_delete=models.SET_NULL, null=True, blank=True, related_name="cohort_places"
    )
    status = models.CharField(max_length=20, choices=ParticipantStatus.choices, default=ParticipantStatus.IN_PROGRESS)
    completed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cohort", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "reference"], name="one_place_per_reference_in_cohort"),
            models.CheckConstraint(condition=Q(status__in=ParticipantStatus.values), name="participant_status_valid"),
        ]

    def __str__(self):
        return f"{self.reference} ({self.cohort})"


class Outcome(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    EXTENDED = "extended", "Extended"
    PASSED = "passed", "Passed"
    FAILED = "failed", "Failed"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_OUTCOMES = [Outcome.IN_PROGRESS, Outcome.EXTENDED]


class EarlyCareerRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Records of the staff whose records the user may open (core's staff scope), and the
        records the user assesses."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(staff_member__in=StaffMember.objects.visible_to(user)) | Q(assessor__user=user))


class EarlyCareerRecord(models.Model):
    """A newly qualified social worker on an early career programme. `workload_year` is the
    workload app's early-career year kept in step with this record by the services, so the lower
    capacity is held once."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="early_career_records")
    programme = models.ForeignKey(EarlyCareerProgramme, on_delete=models.PROTECT, related_name="records")
    started_on = models.DateField()
    assessor = models.ForeignKey(
        StaffMember, on_delete=models.SET_NULL, null=True, blank=True, related_name="assessed_records"
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.IN_PROGRESS)
    completed_on = models.DateField("Date completed or ended", null=True, blank=True)
    extended_to = models.DateField("Final assessment extended to", null=True, blank=True)
    workload_year = models.OneToOneField(
        "workload.EarlyCareerYear", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    objects = EarlyCareerRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "staff_member__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["staff_member", "programme", "started_on"], name="one_programme_start_per_worker"
            ),
            models.CheckConstraint(condition=Q(outcome__in=Outcome.values), name="early_career_outcome_valid"),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=F("started_on")),
                name="early_career_completed_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(outcome__in=OPEN_OUTCOMES) | Q(completed_on__isnull=True),
                name="early_career_open_has_no_end",
            ),
        ]

    def __str__(self):
        return f"{self.staff_member}: {self.programme_id} from {self.started_on}"

    @property
    def is_open(self):
        return self.outcome in OPEN_OUTCOMES


class ProgrammePause(models.Model):
    """A pause in a programme (long leave, say): the days it lasts move later reviews and the final
    assessment on."""

    record = models.ForeignKey(EarlyCareerRecord, on_delete=models.CASCADE, related_name="pauses")
    starts_on = models.DateField()
    ends_on = models.DateField()
    reason = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="pause_ends_after_start"),
        ]

    def __str__(self):
        return f"Pause of {self.record} from {self.starts_on} to {self.ends_on}"

    @property
    def days(self):
        return (self.ends_on - self.starts_on).days + 1


class ReviewProgress(models.TextChoices):
    ON_TRACK = "on_track", "On track"
    CONCERNS = "concerns", "Some concerns"
    NOT_ON_TRACK = "not_on_track", "Not on track"


class Review(models.Model):
    """A review point of a record, due so many months after the start (pauses added); the last
    point is the final assessment."""

    record = models.ForeignKey(EarlyCareerRecord, on_delete=models.CASCADE, related_name="reviews")
    months = models.PositiveSmallIntegerField()
    is_final = models.BooleanField(default=False)
    due_on = models.DateField()
    held_on = models.DateField(null=True, blank=True)
    progress = models.CharField(max_length=20, choices=ReviewProgress.choices, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["record", "months"]
        constraints = [
            models.UniqueConstraint(fields=["record", "months"], name="one_review_per_point"),
            models.CheckConstraint(
                condition=Q(held_on__isnull=True) | ~Q(progress=""), name="held_review_has_progress"
            ),
        ]

    def __str__(self):
        return f"{'Final assessment' if self.is_final else f'{self.months}-month review'} of {self.record}"


class ProgressionPanel(models.Model):
    held_on = models.DateField("Date of the panel", unique=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self):
        from pswhub.core.presenters import govuk_date

        return f"Progression panel, {govuk_date(self.held_on)}"


class ProgressionOutcome(models.TextChoices):
    WAITING = "waiting", "Waiting for the panel"
    PROGRESSED = "progressed", "Progressed"
    NOT_YET = "not_yet", "Not yet"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ProgressionApplicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Applications of the staff whose records the user may open (core's staff scope)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(staff_member__in=StaffMember.objects.visible_to(user))


class ProgressionApplication(models.Model):
    """An application to progress from one of the council's levels to another, decided at a panel."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="progression_applications")
    panel = models.ForeignKey(
        ProgressionPanel, on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    applied_on = models.DateField(null=True, blank=True)
    from_level = models.ForeignKey(ProgressionLevel, on_delete=models.PROTECT, related_name="+")
    to_level = models.ForeignKey(ProgressionLevel, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=20, choices=ProgressionOutcome.choices, default=ProgressionOutcome.WAITING)
    history = HistoricalRecords()

    objects = ProgressionApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-panel__held_on", "-applied_on", "staff_member__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["staff_member", "panel", "to_level"], name="one_application_per_level_per_panel"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=ProgressionOutcome.values), name="progression_outcome_valid"
            ),
            models.CheckConstraint(condition=~Q(from_level=F("to_level")), name="progression_changes_level"),
        ]

    def __str__(self):
        return f"{self.staff_member}: {self.from_level_id} to {self.to_level_id}"


class AccreditationResult(models.Model):
    """A national accreditation (NAAS) assessment result, where the council records them."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="accreditation_results")
    assessed_on = models.DateField()
    passed = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-assessed_on"]
        constraints = [
            models.UniqueConstraint(fields=["staff_member", "assessed_on"], name="one_accreditation_result_a_day")
        ]

    def __str__(self):
        return f"{self.staff_member}: accreditation {'passed' if self.passed else 'not passed'} on {self.assessed_on}"


class _ImportUpload(Upload):
    """A past spreadsheet kept as an upload (core.imports): previewed, then confirmed."""

    RESULT_FIELDS = ["rows", "added", "updated", "unchanged"]

    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)

    class Meta(Upload.Meta):
        abstract = True


class PlacementImport(_ImportUpload):
    history = HistoricalRecords(excluded_fields=["content"])


class EarlyCareerImport(_ImportUpload):
    history = HistoricalRecords(excluded_fields=["content"])


class ProgressionImport(_ImportUpload):
    history = HistoricalRecords(excluded_fields=["content"])
