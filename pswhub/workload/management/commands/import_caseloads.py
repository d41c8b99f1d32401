from pswhub.core.imports import ImportCommand
from pswhub.workload.importing import caseload_file_read
from pswhub.workload.services import CASELOADS, caseloads_import

REFUSED = "The caseload file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return (
        f"{result.added} counts added, {result.updated} updated, {result.removed} removed, {result.unchanged} unchanged"
    )


class Command(ImportCommand):
    help = (
        "Imports caseload snapshots from a CSV (worker, date, case_type, count, optional complexity). All or "
        "nothing: a file with any problem is refused, naming the row and column. For each worker and date in "
        "the file, that worker's snapshot for that date is replaced. Importing the same file again changes nothing."
    )
    refused = REFUSED

    def read(self, content, *, path, **options):
        return caseload_file_read(content=content, file_name=path.name)

    def rehearsed(self, caseload_file, *, path, **options):
        result = caseloads_import(caseload_file=caseload_file, dry_run=True)
        self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")

    def imported(self, content, caseload_file, *, path, **options):
        upload = CASELOADS.import_now(file_name=path.name, content=content, checked=caseload_file)
        if upload.status != upload.IMPORTED:
            self.refuse(path, upload.problems)
        self.stdout.write(f"Imported {path.name} as upload {upload.pk}: {_counts(upload)}.")
