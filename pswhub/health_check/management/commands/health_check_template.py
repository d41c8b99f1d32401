"""Writes the import template: a CSV header `service,team,` and one column per current question,
named `s<standard number>_<question code>`."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand

from pswhub.health_check.importing import template_columns


class Command(BaseCommand):
    help = "Write the health check import template (a CSV header row) to --output"

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path)

    def handle(self, *args, output, **options):
        output = Path(output)
        with output.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerow(template_columns())
        self.stdout.write(f"Wrote the template to {output}")
