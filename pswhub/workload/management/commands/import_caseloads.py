from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.imports import command_file_read, problem_line
from pswhub.workload.importing import caseload_file_read
from pswhub.workload.models import CaseloadImport
from pswhub.workload.services import caseload_import_confirm, caseload_import_create, caseloads_import

REFUSED = "The caseload file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return (
        f"{result.added} counts added, {result.updated} updated, {result.removed} removed, {result.unchanged} unchanged"
    )


class Command(BaseCommand):
    help = (
        "Imports caseload snapshots from a CSV (worker, date, case_type, count, optional complexity). All or "
        "nothing: a file with any problem is refused, naming the row and column. For each worker and date in "
        "the file, that worker's snapshot for that date is replaced. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change; write nothing.")

    def handle(self, *args, path, dry_run, **options):
        content = command_file_read(path)
        caseload_file = caseload_file_read(content=content, file_name=path.name)
        if not caseload_file.is_valid:
            for problem in caseload_file.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(REFUSED.format(count=len(caseload_file.problems)))
        if dry_run:
            result = caseloads_import(caseload_file=caseload_file, dry_run=True)
            self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")
            return
        upload = caseload_import_confirm(
            upload=caseload_import_create(file_name=path.name, content=content, caseload_file=caseload_file)
        )
        if upload.status != CaseloadImport.IMPORTED:
            for problem in upload.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(REFUSED.format(count=len(upload.problems)))
        self.stdout.write(f"Imported {path.name} as upload {upload.pk}: {_counts(upload)}.")
