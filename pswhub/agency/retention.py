"""Agency's part of the retention schedule (core.retention)."""

from pswhub.core.imports.pipeline import upload_files_purge
from pswhub.core.retention import Rule, register

IMPORT_FILE_DAYS = 90


def _purge_import_files(*, before, dry_run):
    """Engagement files name workers; the engagements they imported are kept as records, so the
    files are needed only for a while. The upload records and their counts stay."""
    from .models import EngagementUpload

    return upload_files_purge(model=EngagementUpload, before=before, dry_run=dry_run)


def register_rules():
    register(
        Rule(
            "agency_import_files",
            "Files of agency engagement uploads (the upload records are kept)",
            IMPORT_FILE_DAYS,
            _purge_import_files,
        )
    )
