"""A service's (or one team's) health check figures for a year, as JSON: `responses`,
`by_standard` and `bands` ("1" to "8"), and `suppressed`. Below the survey threshold no score and
no count is given."""

import json

from django.core.management.base import BaseCommand

from pswhub.health_check import selectors


class Command(BaseCommand):
    help = "Print a service's health check figures for a year"

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, type=int, help="The year the financial year starts in")
        parser.add_argument("--service", required=True, choices=["children", "adults"])
        parser.add_argument("--team", default=None)
        parser.add_argument("--json", action="store_true", help="Print JSON (the only output)")

    def handle(self, *args, year, service, team, **options):
        result = selectors.figures(year_start=year, service=service, team=team)
        self.stdout.write(json.dumps(result.as_figures(), indent=2))
