"""Uploads of HR extracts and past census returns, with the column mappings extracts are read with."""

from django.db import models
from simple_history.models import HistoricalRecords

from pswhub.core.imports.models import Upload


class ColumnMapping(models.Model):
    """A council's own column headers for HR extracts: `columns` maps a header in the council's
    file to a column of the PSW Hub template (`hr_import.TEMPLATE_COLUMNS`)."""

    name = models.CharField(max_length=100, unique=True)
    columns = models.JSONField(default=dict)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ImportBatch(Upload):
    """One HR extract (core.imports.models.Upload), with the column mapping it was read with. The
    mapping's name and columns are copied, so changing or deleting the mapping never changes how a
    batch is confirmed or what it records."""

    RESULT_FIELDS = ["rows", "added", "updated", "unchanged", "adopted", "teams_added", "new_teams", "changes"]

    mapping = models.ForeignKey(ColumnMapping, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    mapping_name = models.CharField(max_length=100, blank=True)
    mapping_columns = models.JSONField(default=dict, blank=True)
    # Whether teams the extract names that PSW Hub does not have are added (services.hr_extract).
    create_teams = models.BooleanField(default=False)
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    adopted = models.PositiveIntegerField(default=0)  # census-made records taken on (matching.py)
    teams_added = models.PositiveIntegerField(default=0)
    new_teams = models.JSONField(default=list, blank=True)
    # Who is added or changed and which values, person by person (services.hr_changes).
    changes = models.JSONField(default=list, blank=True)

    class Meta(Upload.Meta):
        verbose_name_plural = "import batches"


class CensusReturnUpload(Upload):
    """One past census return uploaded to be imported (core.imports.models.Upload): the year it
    is for and what it would change or changed, in worker lines and new staff records. `rows`
    counts the worker lines in the return."""

    RESULT_FIELDS = [
        "rows", "year", "year_created", "authority_created", "created", "updated", "deleted", "unchanged",
        "staff_created", "changed_anything",
    ]  # fmt: skip

    year = models.PositiveIntegerField(null=True, blank=True)
    year_created = models.BooleanField(default=False)
    authority_created = models.BooleanField(default=False)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    deleted = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    staff_created = models.PositiveIntegerField(default=0)
    changed_anything = models.BooleanField(default=False)
