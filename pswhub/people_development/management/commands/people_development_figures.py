import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.periods import Period
from pswhub.people_development import figures

BAD_DATE = "{option} must be a date as YYYY-MM-DD, like 2020-04-01"
DATES_BACKWARDS = "--from must be on or before --to"


def _date(value, option):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(BAD_DATE.format(option=option)) from None


class Command(BaseCommand):
    help = (
        "People development figures for a period: placements by route, hires from final placements, "
        "early career programme starts, completions, those in a programme at the end, leavers, retention "
        "and progression. Definitions in docs/figures.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--service", choices=["children", "adults", "all"], default="all")
        parser.add_argument("--json", dest="as_json", action="store_true", help="Print one JSON object")

    def handle(self, *args, date_from, date_to, as_json, service="all", **options):
        start, end = _date(date_from, "--from"), _date(date_to, "--to")
        if start > end:
            raise CommandError(DATES_BACKWARDS)
        result = figures.figures_for(period=Period(start, end), services=service)
        if as_json:
            self.stdout.write(json.dumps(result, indent=2))
            return
        for key, value in result.items():
            if isinstance(value, dict):
                self.stdout.write(f"{key}:")
                for name, inner in value.items():
                    self.stdout.write(f"  {name}: {inner}")
            else:
                self.stdout.write(f"{key}: {value}")
