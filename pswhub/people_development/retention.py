"""People development's part of the retention schedule (core.retention)."""

from pswhub.core.imports.pipeline import upload_files_purge
from pswhub.core.retention import Rule, register

IMPORT_FILE_DAYS = 90


def _purge_import_files(*, before, dry_run):
    """Imported spreadsheets name workers (employee numbers) and students (references); the
    placements, records and applications they imported are kept as records, so the files are
    needed only for a while. The upload records and their counts stay; only the files' bytes go."""
    from .models import EarlyCareerImport, PlacementImport, ProgressionImport

    return sum(
        upload_files_purge(model=model, before=before, dry_run=dry_run)
        for model in (PlacementImport, EarlyCareerImport, ProgressionImport)
    )


def register_rules():
    register(
        Rule(
            "people_development_import_files",
            "Files of placement, early career and progression uploads (the upload records are kept)",
            IMPORT_FILE_DAYS,
            _purge_import_files,
        )
    )
