from pswhub.core.imports import ImportCommand
from pswhub.learning.importing import learning_file_read
from pswhub.learning.services import LEARNING_EVENTS, events_import

REFUSED = "The learning file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return f"{result.added} events added, {result.updated} updated, {result.unchanged} unchanged"


class Command(ImportCommand):
    help = (
        "Imports learning events from a CSV or XLSX file (title, kind, held_on, service, topics separated by ;, "
        "booked, attended). All or nothing: a file with any problem is refused, naming the row and column. An "
        "event is found by its title, kind and date, so importing the same file again changes nothing."
    )
    refused = REFUSED

    def read(self, content, *, path, **options):
        return learning_file_read(content=content, file_name=path.name)

    def rehearsed(self, learning_file, *, path, **options):
        result = events_import(learning_file=learning_file, dry_run=True)
        self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")

    def imported(self, content, learning_file, *, path, **options):
        upload = LEARNING_EVENTS.import_now(file_name=path.name, content=content, checked=learning_file)
        if upload.status != upload.IMPORTED:
            self.refuse(path, upload.problems)
        self.stdout.write(f"Imported {path.name} as upload {upload.pk}: {_counts(upload)}.")
