"""What building a census year from the records keeps beside its lines
(docs/adr/0105-census-year-built-from-records.md): the corrections the PSW or an HR officer make
to derived values, and each version of the year as it was submitted."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from pswhub.core.models import StaffMember, User

from .census import CensusYear


class CensusCorrection(models.Model):
    """A value on a built line put right by hand, with the reason. It is kept apart from the line
    so a rebuild applies it again; `derived_value` is what the records gave when it was made. A
    correction with no staff member puts right one of the year's council-level answers
    (census_values.COUNCIL_FIELDS: vacancies, agency cover, pay and allowances).
    Values are held as the return writes them (codes and numbers as text, dates as YYYY-MM-DD)."""

    census_year = models.ForeignKey(CensusYear, on_delete=models.CASCADE, related_name="corrections")
    staff_member = models.ForeignKey(StaffMember, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    line = models.PositiveSmallIntegerField(default=0)
    field = models.CharField(max_length=40)
    value = models.CharField(max_length=100, blank=True)
    derived_value = models.CharField(max_length=100, blank=True)
    reason = models.TextField()
    corrected_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    corrected_at = models.DateTimeField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["census_year", "staff_member", "line", "field"]
        constraints = [
            models.UniqueConstraint(
                fields=["census_year", "staff_member", "line", "field"], name="one_correction_per_line_field"
            ),
            models.UniqueConstraint(
                fields=["census_year", "field"],
                condition=Q(staff_member__isnull=True),
                name="one_council_correction_per_field",
            ),
        ]

    def __str__(self):
        return f"{self.field} corrected on a {self.census_year} line"


class CensusSubmission(models.Model):
    """One version of a built year as it was marked submitted: its lines and LA-level answers as
    they were then, and what changed since the version before (empty for the first)."""

    census_year = models.ForeignKey(CensusYear, on_delete=models.PROTECT, related_name="submissions")
    version = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    lines = models.JSONField(default=list)
    la_level = models.JSONField(default=dict)
    changes = models.JSONField(default=list)
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    reopen_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["census_year", "version"]
        constraints = [models.UniqueConstraint(fields=["census_year", "version"], name="one_submission_per_version")]

    def __str__(self):
        return f"{self.census_year} version {self.version}"
