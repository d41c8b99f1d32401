from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.workforce.hr_import import extract_read
from pswhub.workforce.models import ColumnMapping, ImportBatch
from pswhub.workforce.services import hr_extract_import, import_batch_confirm, import_batch_create

REFUSED = "The extract was not imported: {count} problem(s). Nothing has been written."
NO_SUCH_MAPPING = "There is no column mapping called {name}. Mappings held: {names}"


def problem_line(problem):
    where = f"Row {problem.row}" if problem.row else "The file"
    return f"{where}, column {problem.column}: {problem.message}" if problem.column else f"{where}: {problem.message}"


class Command(BaseCommand):
    help = (
        "Imports an HR extract (CSV or XLSX in the PSW Hub template, or a council's own headers with --mapping). "
        "All or nothing, matched on the employee number: a file with any problem is refused, naming the row and "
        "column. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--mapping", help="The name of a column mapping held in PSW Hub.")
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change; write nothing.")

    def handle(self, *args, path, mapping, dry_run, **options):
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        column_mapping = None
        if mapping:
            column_mapping = ColumnMapping.objects.filter(name=mapping).first()
            if column_mapping is None:
                names = ", ".join(ColumnMapping.objects.values_list("name", flat=True)) or "none"
                raise CommandError(NO_SUCH_MAPPING.format(name=mapping, names=names))
        extract = extract_read(
            content=content, file_name=path.name, mapping=column_mapping.columns if column_mapping else None
        )
        if not extract.is_valid:
            for problem in extract.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(REFUSED.format(count=len(extract.problems)))
        if dry_run:
            result = hr_extract_import(extract=extract, dry_run=True)
            self.stdout.write(
                f"Would import {path.name}: {result.added} staff added, {result.updated} updated, "
                f"{result.unchanged} unchanged. Nothing has been written."
            )
            for number in result.added_numbers:
                self.stdout.write(f"Would add {number}")
            for number in result.updated_numbers:
                self.stdout.write(f"Would update {number}")
            return
        batch = import_batch_create(file_name=path.name, content=content, mapping=column_mapping, extract=extract)
        batch = import_batch_confirm(batch=batch)
        if batch.status != ImportBatch.IMPORTED:
            for problem in batch.problems:
                self.stderr.write(f"Row {problem['row']}, column {problem['column']}: {problem['message']}")
            raise CommandError(REFUSED.format(count=len(batch.problems)))
        self.stdout.write(
            f"Imported {path.name} as batch {batch.pk}: {batch.added} staff added, {batch.updated} updated, "
            f"{batch.unchanged} unchanged."
        )
