"""Imports the results of a health check run elsewhere (one row per response, in the template)
as one run of the year, all or nothing; problems are listed by row and column. The file itself is
not kept: its rows become anonymous responses, and a copy of the file would only be a second
place holding them (docs/adr/0601-health-check-anonymity.md)."""

from pathlib import Path

from django.core.management.base import CommandError

from pswhub.core.imports import ImportCommand
from pswhub.core.periods import year_label
from pswhub.health_check.importing import responses_check
from pswhub.health_check.services import responses_import

BAD_YEAR = "Enter the year the financial year starts in, like 2025"


class Command(ImportCommand):
    help = "Import health check responses (the template, CSV or XLSX) for a year; --dry-run checks only"

    def add_options(self, parser):
        parser.add_argument("--year", required=True, type=int, help="The year the financial year starts in")
        parser.add_argument("--title", default="", help="The run's title")
        parser.add_argument("--invited", type=int, default=None, help="How many staff were invited")

    def read(self, content, *, path, year, **options):
        if not 2000 <= year <= 2100:
            raise CommandError(BAD_YEAR)
        return responses_check(content, file_name=Path(path).name)

    def rehearsed(self, checked, *, path, year, **options):
        self.stdout.write(
            f"{path} is ready: {len(checked.rows)} responses for {year_label(year)} (dry run: nothing was imported)"
        )

    def imported(self, content, checked, *, path, year, title, invited, **options):
        responses_import(
            user=None,
            year_start=year,
            title=title or f"Health check {year_label(year)} (imported)",
            rows=checked.rows,
            invited_count=invited,
        )
        self.stdout.write(f"Imported {len(checked.rows)} responses for {year_label(year)} from {path}")
