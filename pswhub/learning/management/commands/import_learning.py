from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.imports import command_file_read, problem_line
from pswhub.learning.importing import learning_file_read
from pswhub.learning.services import events_import

REFUSED = "The learning file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return f"{result.added} events added, {result.updated} updated, {result.unchanged} unchanged"


class Command(BaseCommand):
    help = (
        "Imports learning events from a CSV or XLSX file (title, kind, held_on, service, topics separated by ;, "
        "booked, attended). All or nothing: a file with any problem is refused, naming the row and column. An "
        "event is found by its title, kind and date, so importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change; write nothing.")

    def handle(self, *args, path, dry_run, **options):
        learning_file = learning_file_read(content=command_file_read(path), file_name=path.name)
        if not learning_file.is_valid:
            for problem in learning_file.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(REFUSED.format(count=len(learning_file.problems)))
        result = events_import(learning_file=learning_file, dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")
        else:
            self.stdout.write(f"Imported {path.name}: {_counts(result)}.")
