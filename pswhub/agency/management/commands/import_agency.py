from pswhub.agency.importing import ENGAGEMENTS, engagement_file_read, engagements_import
from pswhub.core.imports import ImportCommand

REFUSED = "The engagements file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return f"{result.added} engagements added, {result.updated} updated, {result.unchanged} unchanged"


class Command(ImportCommand):
    help = (
        "Imports agency engagements from a CSV or XLSX file (agency, employee_number or worker_name, team, "
        "cover_reason, starts_on, ends_on, fte, hourly_rate, years_qualified). All or nothing: a file with any "
        "problem is refused, naming the row and column. Importing the same file again changes nothing."
    )
    refused = REFUSED

    def read(self, content, *, path, **options):
        return engagement_file_read(content=content, file_name=path.name)

    def rehearsed(self, engagement_file, *, path, **options):
        result = engagements_import(engagement_file=engagement_file, dry_run=True)
        self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")

    def imported(self, content, engagement_file, *, path, **options):
        upload = ENGAGEMENTS.import_now(file_name=path.name, content=content, checked=engagement_file)
        if upload.status != upload.IMPORTED:
            self.refuse(path, upload.problems)
        self.stdout.write(f"Imported {path.name} as upload {upload.pk}: {_counts(upload)}.")
