"""Imports the results of a health check run elsewhere (one row per response, in the template)
as one run of the year, all or nothing; problems are listed by row and column."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.imports import command_file_read, problem_line
from pswhub.core.periods import year_label
from pswhub.health_check.importing import responses_check
from pswhub.health_check.services import responses_import


class Command(BaseCommand):
    help = "Import health check responses (the template's CSV) for a year; --dry-run checks only"

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--year", required=True, type=int, help="The year the financial year starts in")
        parser.add_argument("--title", default="", help="The run's title")
        parser.add_argument("--invited", type=int, default=None, help="How many staff were invited")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, path, year, title, invited, dry_run, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("Enter the year the financial year starts in, like 2025")
        checked = responses_check(command_file_read(path))
        if not checked.is_valid:
            for problem in checked.problems:
                self.stderr.write(problem_line(problem))
            raise CommandError(f"Nothing was imported: {len(checked.problems)} problem(s)")
        if dry_run:
            self.stdout.write(f"The file is ready: {len(checked.rows)} responses (dry run: nothing was imported)")
            return
        responses_import(
            user=None,
            year_start=year,
            title=title or f"Health check {year_label(year)} (imported)",
            rows=checked.rows,
            invited_count=invited,
        )
        self.stdout.write(f"Imported {len(checked.rows)} responses for {year_label(year)}")
