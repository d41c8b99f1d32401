import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from pswhub.registrations.selectors import registration_figures

BAD_DATE = "Enter --on as YYYY-MM-DD, not {value}"


class Command(BaseCommand):
    help = (
        "A renewal year's figures on a date (by default 30 November of the year): registered social workers "
        "in post, renewed, not renewed and at risk. Definitions in docs/registrations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--on", default=None, help="YYYY-MM-DD; default 30 November of the year")
        parser.add_argument("--json", dest="as_json", action="store_true", help="Print the figures as JSON")

    def handle(self, *args, year, on, as_json, **options):
        if on:
            try:
                on = date.fromisoformat(on)
            except ValueError as error:
                raise CommandError(BAD_DATE.format(value=on)) from error
        figures = registration_figures(year=year, on=on)
        if as_json:
            self.stdout.write(json.dumps(figures, indent=2))
            return
        for name, value in figures.items():
            self.stdout.write(f"{name}: {value}")
