import json as json_module
from datetime import date
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.models import Team
from pswhub.core.selectors import authority_get
from pswhub.workforce import breakdowns, selectors

SERVICES = ["children", "adults"]

NO_YEAR = "There is no {year} census year"
NO_TEAM = "There is no team called {name!r}"
BAD_DATE = "--on: enter a date as YYYY-MM-DD, like 2026-03-31 (not {text!r})"
ON_ONLY = "{option} goes with --year; --on gives the figures of a whole service"
SERVICE_ONLY = "--service goes with --on; a census year (--year) counts children's social workers only"


def _date(text):
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(BAD_DATE.format(text=text[:20])) from None


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class Command(BaseCommand):
    help = (
        "Prints the DfE CSWW headline figures for a census year, or the same figures at any date from the "
        "council's records (docs/workforce.md gives each definition)."
    )

    def add_arguments(self, parser):
        when = parser.add_mutually_exclusive_group(required=True)
        when.add_argument("--year", type=int, help="A census year held: its figures at 30 September.")
        when.add_argument("--on", help="A date, YYYY-MM-DD: the figures at that date from the records.")
        parser.add_argument(
            "--service",
            choices=SERVICES,
            default="",
            help="With --on: children (the default) or adults. No DfE census applies to adults.",
        )
        parser.add_argument("--team", default="", help="A team's name: figures for it and the teams beneath it.")
        parser.add_argument(
            "--json", action="store_true", help="One JSON object (rates in per cent, one decimal place)."
        )

    def handle(self, *args, year, on, service, team, json, **options):
        if on is not None:
            if team:
                raise CommandError(ON_ONLY.format(option="--team"))
            figures = selectors.workforce_figures_on(on=_date(on), service=service or "children")
            return self._write(figures, json)
        if service:
            raise CommandError(SERVICE_ONLY)
        authority = authority_get()
        census_year = selectors.census_year_get(authority=authority, year=year) if authority else None
        if census_year is None:
            raise CommandError(NO_YEAR.format(year=year))
        team_object = None
        if team:
            team_object = Team.objects.filter(service__authority=authority, name=team).first()
            if team_object is None:
                raise CommandError(NO_TEAM.format(name=team))
        # The same reads as the dashboard and the annual report, kept until the year's lines change.
        figures = dict(selectors.workforce_figures(census_year=census_year, team=team_object))
        # Retention is of the whole authority's people (a move between teams is not leaving).
        retention = []
        if team_object is None:
            retention = breakdowns.census_year_breakdowns(census_year=census_year)["retention"]
        for group, *_ in breakdowns.RETENTION_GROUPS:
            figures[f"retention_rate_{group}"] = next(
                (row["retention_rate"] for row in retention if row["group"] == group), None
            )
        return self._write(figures, json)

    def _write(self, figures, json):
        figures = {name: _json_value(value) for name, value in figures.items()}
        if json:
            self.stdout.write(json_module.dumps(figures))
        else:
            for name, value in figures.items():
                self.stdout.write(f"{name}: {'' if value is None else value}")
