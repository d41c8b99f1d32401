"""What the three import commands share: read the file, print each problem as
`Row N, column: message` and refuse the whole file, or import it (or, with --dry-run, say what
would change)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.imports import command_file_read, problem_line

REFUSED = "{name} was not imported: {count} problem(s). Nothing has been written."


class ImportCommand(BaseCommand):
    """A subclass sets `help`, `read(content=, file_name=)` and `write(checked, dry_run=)`."""

    noun = "rows"

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and report what would change; write nothing.")

    def handle(self, *args, path, dry_run, **options):
        content = command_file_read(path)
        checked = self.read(content=content, file_name=path.name)
        if not checked.is_valid:
            for problem in checked.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(REFUSED.format(name=path.name, count=len(checked.problems)))
        result = self.write(checked, dry_run=dry_run)
        verb = "Would import" if dry_run else "Imported"
        tail = " Nothing has been written." if dry_run else ""
        self.stdout.write(
            f"{verb} {path.name}: {result.rows} {self.noun}, {result.added} added, {result.updated} updated, "
            f"{result.unchanged} unchanged.{tail}"
        )
