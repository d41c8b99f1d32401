"""The audits area's part of the retention schedule (core.retention)."""

from pswhub.core.imports.pipeline import upload_files_purge
from pswhub.core.retention import Rule, register

IMPORT_FILE_DAYS = 90


def _purge_import_files(*, before, dry_run):
    """Files of historic audits and case lists name workers (employee numbers) and auditors; the
    audits and cases they imported are kept as records, so the files are needed only for a while.
    The upload records and their counts stay; only the files' bytes go."""
    from .models import AuditImportUpload, CaseListUpload

    return sum(
        upload_files_purge(model=model, before=before, dry_run=dry_run) for model in (AuditImportUpload, CaseListUpload)
    )


def register_rules():
    register(
        Rule(
            "audit_import_files",
            "Files of historic audit and case list uploads (the upload records are kept)",
            IMPORT_FILE_DAYS,
            _purge_import_files,
        )
    )
