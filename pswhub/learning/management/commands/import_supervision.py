from pswhub.core.imports import ImportCommand
from pswhub.learning.services import SUPERVISION_SESSIONS, supervision_sessions_import
from pswhub.learning.supervision_importing import supervision_file_read

REFUSED = "The supervision file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return f"{result.added} sessions added, {result.updated} updated, {result.unchanged} unchanged"


class Command(ImportCommand):
    help = (
        "Imports supervision sessions from a case or HR system's CSV or XLSX export (employee_number, held_on, "
        "kind individual or group, minutes, supervisor as an employee number). All or nothing: a file with any "
        "problem is refused, naming the row and column. A session is found by its worker, date and kind, so "
        "importing the same file again changes nothing."
    )
    refused = REFUSED

    def read(self, content, *, path, **options):
        return supervision_file_read(content=content, file_name=path.name)

    def rehearsed(self, supervision_file, *, path, **options):
        result = supervision_sessions_import(supervision_file=supervision_file, dry_run=True)
        self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")

    def imported(self, content, supervision_file, *, path, **options):
        upload = SUPERVISION_SESSIONS.import_now(file_name=path.name, content=content, checked=supervision_file)
        if upload.status != upload.IMPORTED:
            self.refuse(path, upload.problems)
        self.stdout.write(f"Imported {path.name} as upload {upload.pk}: {_counts(upload)}.")
