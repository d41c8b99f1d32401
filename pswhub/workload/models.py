"""Caseloads and workload weighting (docs/workload.md, docs/adr/0301-workload-weighting.md).

A `CaseloadSnapshot` row is how many cases of one type and complexity a staff member held on one
date, as the case management system exports it. A `WeightingScheme` belongs to a service and
turns a caseload into points to set against a capacity; `EarlyCareerYear` records when a staff
member's lower, early-career capacity applies."""

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from pswhub.core.imports.models import Upload
from pswhub.core.models import Service, StaffMember

from . import reference

POINTS_FIELD = {"max_digits": 7, "decimal_places": 2}


class CaseType(models.Model):
    """Reference data: loaded from `reference.CASE_TYPES` by a data migration."""

    code = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(max_length=100)
    service_kind = models.CharField(max_length=20, choices=Service.KIND_CHOICES)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class ComplexityLevel(models.Model):
    """Reference data: loaded from `reference.COMPLEXITY_LEVELS` by a data migration."""

    code = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class CaseloadSnapshotQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Snapshots of the staff whose records the user may open (core's staff scope)."""
        return self.filter(staff_member__in=StaffMember.objects.visible_to(user))


class CaseloadSnapshot(models.Model):
    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="caseload_snapshots")
    date = models.DateField()
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, related_name="+")
    complexity = models.ForeignKey(
        ComplexityLevel, on_delete=models.PROTECT, default=reference.STANDARD, related_name="+"
    )
    count = models.PositiveIntegerField()
    history = HistoricalRecords()

    objects = CaseloadSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ["staff_member", "date", "case_type__order", "complexity__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["staff_member", "date", "case_type", "complexity"], name="one_count_per_worker_date_type"
            ),
            models.CheckConstraint(condition=Q(count__gte=0), name="caseload_count_not_negative"),
        ]
        # Each worker's latest count before a date is found among the counts of the weeks before
        # it (`selectors.caseload_totals_for_core`) in this index without reading the table.
        indexes = [models.Index(fields=["date", "staff_member", "count"], name="caseload_count_by_date")]

    def __str__(self):
        return f"{self.staff_member} on {self.date}: {self.count} {self.case_type_id} ({self.complexity_id})"


class WeightingScheme(models.Model):
    """A service's points model. A full-time worker's capacity is `capacity_points`; a worker in
    their early-career year has `early_career_capacity_points` instead; both pro rata to FTE."""

    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="weighting_scheme")
    non_case_points = models.DecimalField("non-case allowance (points)", default=0, **POINTS_FIELD)
    capacity_points = models.DecimalField("capacity of a full-time worker (points)", **POINTS_FIELD)
    early_career_capacity_points = models.DecimalField(
        "capacity of a full-time worker in their early-career year (points)", **POINTS_FIELD
    )
    target_caseload = models.DecimalField("target average caseload", max_digits=5, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(non_case_points__gte=0), name="scheme_allowance_not_negative"),
            models.CheckConstraint(condition=Q(capacity_points__gt=0), name="scheme_capacity_positive"),
            models.CheckConstraint(
                condition=Q(early_career_capacity_points__gt=0), name="scheme_early_career_capacity_positive"
            ),
            models.CheckConstraint(condition=Q(target_caseload__gte=0), name="scheme_target_not_negative"),
        ]

    def __str__(self):
        return f"Weighting scheme for {self.service}"


class CaseWeight(models.Model):
    """Points for one case of a type at a complexity level, in one scheme."""

    scheme = models.ForeignKey(WeightingScheme, on_delete=models.CASCADE, related_name="weights")
    case_type = models.ForeignKey(CaseType, on_delete=models.PROTECT, related_name="+")
    complexity = models.ForeignKey(ComplexityLevel, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(**POINTS_FIELD)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheme", "case_type__order", "complexity__order"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "case_type", "complexity"], name="one_weight_per_type_level"),
            models.CheckConstraint(condition=Q(points__gte=0), name="case_points_not_negative"),
        ]

    def __str__(self):
        return f"{self.case_type_id} {self.complexity_id}: {self.points}"


class EarlyCareerYear(models.Model):
    """A staff member's early-career year (ASYE), during which the lower capacity applies. Kept
    here until the early-career area holds ASYE records itself."""

    staff_member = models.ForeignKey(StaffMember, on_delete=models.CASCADE, related_name="early_career_years")
    starts_on = models.DateField()
    ends_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="early_career_ends_after_start")
        ]

    def __str__(self):
        return f"{self.staff_member}: early-career year {self.starts_on} to {self.ends_on}"


class CaseloadImport(Upload):
    """One caseload file (core.imports.models.Upload) and the snapshot counts it would add,
    update or remove, or did."""

    RESULT_FIELDS = ["rows", "added", "updated", "removed", "unchanged"]

    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta(Upload.Meta):
        pass
