"""DfE's published figures for every council, region and England, each kept with its source and
date; the comparator councils the PSW chose; and the headline figures other councils in the
region shared as network packs."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from pswhub.core.imports.models import Upload


class DfeUpload(Upload):
    """One DfE indicators file uploaded for a later year (core.imports.models.Upload), with the
    source the PSW named and the date DfE published it."""

    RESULT_FIELDS = ["rows", "added", "replaced"]

    source = models.CharField(max_length=300)
    published_on = models.DateField()
    added = models.PositiveIntegerField(default=0)
    replaced = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta(Upload.Meta):
        pass


class AreaFigures(models.Model):
    """One area's published figures for one census year: England, a region or a council, the
    values as DfE wrote them (text, so that DfE's symbols stay symbols)."""

    year = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=20)
    code = models.CharField(max_length=40)  # ONS code (England, region) or DfE code(s) (council)
    name = models.CharField(max_length=200)
    region_code = models.CharField(max_length=20, blank=True)
    region_name = models.CharField(max_length=100, blank=True)
    values = models.JSONField(default=dict)
    source = models.CharField(max_length=300)
    published_on = models.DateField(null=True, blank=True)
    upload = models.ForeignKey(DfeUpload, on_delete=models.SET_NULL, null=True, blank=True, related_name="figures")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "level", "code"], name="one_row_per_area_and_year")]
        ordering = ["year", "level", "name"]
        verbose_name_plural = "area figures"

    def __str__(self):
        return f"{self.name} {self.year}"


class Comparator(models.Model):
    """A council the PSW compares the council with, by its DfE code as the file gives it."""

    code = models.CharField(max_length=40, unique=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


class BenchmarkSettings(models.Model):
    """The region a council compares itself with when DfE's file does not list it (a council
    whose code is not DfE's, such as a trial installation); otherwise the file's region is used."""

    region_code = models.CharField(max_length=20, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "benchmark settings"

    def __str__(self):
        return f"Region {self.region_code or 'from DfE'}"


class PackUpload(Upload):
    """A regional network pack another council shared (core.imports.models.Upload)."""

    RESULT_FIELDS = ["rows", "figures"]

    figures = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta(Upload.Meta):
        pass


class NetworkPack(models.Model):
    """One council's published headline figures, as its pack gave them: its council, its
    period and the date it was made, and each figure (already disclosure-controlled)."""

    council = models.CharField(max_length=200)
    la_code = models.CharField(max_length=40, blank=True)
    period = models.CharField(max_length=40)
    made_on = models.DateField()
    figures = models.JSONField(default=list)  # [{"section", "figure", "label", "value"}]
    upload = models.ForeignKey(PackUpload, on_delete=models.SET_NULL, null=True, blank=True, related_name="packs")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "period", "made_on"], name="one_pack_per_council_period_date")
        ]
        ordering = ["council", "-made_on"]

    def __str__(self):
        return f"{self.council}, {self.period} ({self.made_on})"
