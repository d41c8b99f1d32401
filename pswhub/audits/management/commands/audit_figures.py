import json
from datetime import date
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from pswhub.audits import selectors
from pswhub.core.models import Team

BAD_DATE = "{option} must be a date as YYYY-MM-DD, like 2024-04-01"
DATES_BACKWARDS = "--from must be on or before --to"
UNKNOWN_TEAM = "No team is called {name}"
AMBIGUOUS_TEAM = "More than one team is called {name}"


def _date(value, option):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(BAD_DATE.format(option=option)) from None


def _float(value):
    return float(value) if isinstance(value, Decimal) else value


class Command(BaseCommand):
    help = (
        "Audit figures for a period: completed audits, by grade, % good or better (one decimal "
        "place, halves rounded up), by type, team and service, and time to complete. Definitions in "
        "docs/audits.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        parser.add_argument("--team", metavar="NAME", help="One team and the teams beneath it")
        parser.add_argument(
            "--service",
            choices=["children", "adults", "all"],
            default="all",
            help="Audits of this service's teams only",
        )
        parser.add_argument("--json", dest="as_json", action="store_true", help="Print one JSON object")

    def handle(self, *args, date_from, date_to, team, as_json, service="all", **options):
        start, end = _date(date_from, "--from"), _date(date_to, "--to")
        if start > end:
            raise CommandError(DATES_BACKWARDS)
        team_obj = None
        if team:
            matches = list(Team.objects.filter(name__iexact=team))
            if not matches:
                raise CommandError(UNKNOWN_TEAM.format(name=team))
            if len(matches) > 1:
                raise CommandError(AMBIGUOUS_TEAM.format(name=team))
            team_obj = matches[0]
        figures = selectors.audit_figures(date_from=start, date_to=end, team=team_obj, services=service)
        pct = figures["good_or_better_pct"]
        figures["good_or_better_pct"] = _float(pct)
        figures["service"] = service
        figures["by_service"] = {
            row["service"]: {"completed": row["completed"], "good_or_better_pct": _float(row["good_or_better_pct"])}
            for row in selectors.audit_figures_by_service(date_from=start, date_to=end, team=team_obj)
            if service == "all" or row["kind"] == service
        }
        timing = selectors.audit_time_to_complete(date_from=start, date_to=end, team=team_obj, services=service)
        figures["time_to_complete"] = {key: _float(value) for key, value in timing.items()}
        if as_json:
            self.stdout.write(json.dumps(figures, indent=2))
            return
        self.stdout.write(f"Audits completed {figures['from']} to {figures['to']}: {figures['completed']}")
        for code, count in figures["by_grade"].items():
            self.stdout.write(f"  {code}: {count}")
        shown = "no graded audits" if pct is None else f"{pct}%"
        self.stdout.write(f"Good or better: {shown}")
        for code, count in figures["by_type"].items():
            self.stdout.write(f"  {code}: {count}")
        for name, row in figures["by_service"].items():
            self.stdout.write(f"  {name}: {row['completed']}")
        median = timing["median_days"]
        self.stdout.write(
            "Median days from start to submission: "
            + ("no audits started in PSW Hub" if median is None else f"{median} ({timing['counted']} audits)")
        )
