from pswhub.core.imports import ImportCommand
from pswhub.registrations.importing import renewal_file_read
from pswhub.registrations.services import RENEWALS, renewals_import

REFUSED = "The renewal file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return f"{result.added} renewals added, {result.updated} updated, {result.unchanged} unchanged"


class Command(ImportCommand):
    help = (
        "Imports registration renewals from a CSV or XLSX file (employee_number, renewal_year, optional "
        "renewed_on, cpd_entries, peer_reflection yes/no). All or nothing: a file with any problem is refused, "
        "naming the row and column. Importing the same file again changes nothing."
    )
    refused = REFUSED

    def read(self, content, *, path, **options):
        return renewal_file_read(content=content, file_name=path.name)

    def rehearsed(self, renewal_file, *, path, **options):
        result = renewals_import(renewal_file=renewal_file, dry_run=True)
        self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")

    def imported(self, content, renewal_file, *, path, **options):
        upload = RENEWALS.import_now(file_name=path.name, content=content, checked=renewal_file)
        if upload.status != upload.IMPORTED:
            self.refuse(path, upload.problems)
        self.stdout.write(f"Imported {path.name} as upload {upload.pk}: {_counts(upload)}.")
