"""Learning and supervision's part of the retention schedule (core.retention)."""

from pswhub.core.imports.pipeline import upload_files_purge
from pswhub.core.retention import Rule, register

IMPORT_FILE_DAYS = 90


def _purge_supervision_files(*, before, dry_run):
    """Supervision files name workers and supervisors by employee number; the sessions they
    imported are kept as records, so the files are needed only for a while. The upload records
    and their counts stay."""
    from .models import SupervisionImport

    return upload_files_purge(model=SupervisionImport, before=before, dry_run=dry_run)


def register_rules():
    register(
        Rule(
            "supervision_import_files",
            "Files of supervision session uploads (the upload records are kept)",
            IMPORT_FILE_DAYS,
            _purge_supervision_files,
        )
    )
