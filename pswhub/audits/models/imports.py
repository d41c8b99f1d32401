"""Uploads of historic audits and of the case list, in the shape every import keeps
(core.imports.models.Upload)."""

from django.db import models

from pswhub.core.imports.models import Upload

from .audits import AuditImportBatch


class AuditImportUpload(Upload):
    """A file of historic audits uploaded to be imported (core.imports.models.Upload): whether it
    may add teams, how many audits it would import or did, how many it leaves out as already held,
    the teams it adds, and the import batch it became."""

    RESULT_FIELDS = ["rows", "audit_count", "skipped", "team_names", "batch"]

    create_teams = models.BooleanField(default=False)
    audit_count = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    team_names = models.JSONField(default=list, blank=True)
    batch = models.OneToOneField(
        AuditImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="upload"
    )


class CaseListUpload(Upload):
    """A case list from the case management system (core.imports.models.Upload), imported as soon
    as it reads without problems, with the cases it added, updated and left unchanged."""

    RESULT_FIELDS = ["rows", "added", "updated", "unchanged"]

    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
