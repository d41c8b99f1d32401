"""The workforce area's part of the retention schedule (core.retention)."""

from pswhub.core.retention import Rule, register

HR_EXTRACT_DAYS = 90


def _purge_hr_extract_files(*, before, dry_run):
    """An HR extract's file holds every employee's details; once it has been imported or refused it
    is needed only for a while, to check what was imported. The batch record and what it changed
    stay; only the file's bytes go."""
    from .models import ImportBatch

    expired = ImportBatch.objects.filter(uploaded_at__lt=before).exclude(content=b"")
    count = expired.count()
    if count and not dry_run:
        expired.update(content=b"")
    return count


def register_rules():
    register(
        Rule(
            "hr_extract_files",
            "Files of HR extracts (the batch record is kept)",
            HR_EXTRACT_DAYS,
            _purge_hr_extract_files,
        )
    )
