"""The workforce area's part of the retention schedule (core.retention)."""

from pswhub.core.imports.pipeline import upload_files_purge
from pswhub.core.retention import Rule, register

HR_EXTRACT_DAYS = 90
CENSUS_RETURN_FILE_DAYS = 90


def _purge_hr_extract_files(*, before, dry_run):
    """An HR extract's file holds every employee's details; once it has been imported or refused it
    is needed only for a while, to check what was imported. The batch record and what it changed
    stay; only the file's bytes go."""
    from .models import ImportBatch

    return upload_files_purge(model=ImportBatch, before=before, dry_run=dry_run)


def _purge_census_return_files(*, before, dry_run):
    """An uploaded census return holds every worker's census details (date of birth, ethnicity,
    absence); the lines it imported are kept in the census year, so its file is needed only for a
    while. The upload record and its counts stay; only the file's bytes go."""
    from .models import CensusReturnUpload

    return upload_files_purge(model=CensusReturnUpload, before=before, dry_run=dry_run)


def register_rules():
    register(
        Rule(
            "hr_extract_files",
            "Files of HR extracts (the batch record is kept)",
            HR_EXTRACT_DAYS,
            _purge_hr_extract_files,
        )
    )
    register(
        Rule(
            "census_return_files",
            "Files of uploaded census returns (the upload record is kept)",
            CENSUS_RETURN_FILE_DAYS,
            _purge_census_return_files,
        )
    )
