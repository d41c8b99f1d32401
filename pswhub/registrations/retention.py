"""Registration's part of the retention schedule (core.retention)."""

from pswhub.core.imports.pipeline import upload_files_purge
from pswhub.core.retention import Rule, register

IMPORT_FILE_DAYS = 90


def _purge_import_files(*, before, dry_run):
    """Renewal files name workers by employee number; the renewals they imported are kept as
    records, so the files are needed only for a while. The upload records and their counts stay."""
    from .models import RenewalImport

    return upload_files_purge(model=RenewalImport, before=before, dry_run=dry_run)


def register_rules():
    register(
        Rule(
            "renewal_import_files",
            "Files of registration renewal uploads (the upload records are kept)",
            IMPORT_FILE_DAYS,
            _purge_import_files,
        )
    )
