from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.imports import command_file_read, problem_line
from pswhub.registrations.importing import renewal_file_read
from pswhub.registrations.services import renewals_import

REFUSED = "The renewal file was not imported: {count} problem(s). Nothing has been written."


def _counts(result):
    return f"{result.added} renewals added, {result.updated} updated, {result.unchanged} unchanged"


class Command(BaseCommand):
    help = (
        "Imports registration renewals from a CSV or XLSX file (employee_number, renewal_year, optional "
        "renewed_on, cpd_entries, peer_reflection yes/no). All or nothing: a file with any problem is refused, "
        "naming the row and column. Importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change; write nothing.")

    def handle(self, *args, path, dry_run, **options):
        renewal_file = renewal_file_read(content=command_file_read(path), file_name=path.name)
        if not renewal_file.is_valid:
            for problem in renewal_file.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(REFUSED.format(count=len(renewal_file.problems)))
        result = renewals_import(renewal_file=renewal_file, dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"Would import {path.name}: {_counts(result)}. Nothing has been written.")
        else:
            self.stdout.write(f"Imported {path.name}: {_counts(result)}.")
