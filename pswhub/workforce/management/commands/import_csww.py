from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.workforce.csww import census_return_read
from pswhub.workforce.services import CensusImportError, census_return_import

REFUSED = "The return was not imported: {count} problem(s). Nothing has been written."


class Command(BaseCommand):
    help = (
        "Imports a DfE CSWW census return (XML, any layout from 2021 to 2025). All or nothing: a return with "
        "any problem is refused, naming the worker and element. Importing the same return again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change; write nothing.")

    def handle(self, *args, path, dry_run, **options):
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        census_return = census_return_read(content)
        if not census_return.is_valid:
            for problem in census_return.problems:
                self.stderr.write(str(problem))
            raise CommandError(REFUSED.format(count=len(census_return.problems)))
        try:
            result = census_return_import(census_return=census_return, dry_run=dry_run)
        except CensusImportError as error:
            raise CommandError(str(error)) from error
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} the {result.year} census return for {result.authority.name} ({result.authority.la_code}): "
            f"{result.created} worker lines added, {result.updated} changed, {result.deleted} removed, "
            f"{result.unchanged} unchanged; {result.staff_created} new staff records."
        )
        if result.authority_created:
            self.stdout.write(f"{'Would create' if dry_run else 'Created'} the authority from the return's LA code.")
        if not result.changed_anything:
            self.stdout.write("Nothing changed: this return was already imported.")
