import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from pswhub.learning.selectors import events_on_topic, learning_figures

BAD_DATE = "Enter --{name} as YYYY-MM-DD, not {value}"
TO_BEFORE_FROM = "--to must be on or after --from"


def _date(name, value):
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(BAD_DATE.format(name=name, value=value)) from error


class Command(BaseCommand):
    help = (
        "Learning held from --from to --to: sessions_by_kind, events_held, booked, attended, joint_sessions, "
        "schwartz_rounds, joint_schwartz_rounds, evaluation_score; with --topic, the sessions in the period "
        "(held and planned) whose topics contain the text. Definitions in docs/learning.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        parser.add_argument("--topic", default=None, help="A topic or part of one; case is ignored")
        parser.add_argument("--json", dest="as_json", action="store_true", help="Print the figures as JSON")

    def handle(self, *args, start, end, topic, as_json, **options):
        start, end = _date("from", start), _date("to", end)
        if end < start:
            raise CommandError(TO_BEFORE_FROM)
        figures = learning_figures(start=start, end=end)
        figures["evaluation_score"] = (
            None if figures["evaluation_score"] is None else float(figures["evaluation_score"])
        )
        if topic is not None:
            figures["sessions"] = [
                {"title": event.title, "held_on": event.held_on.isoformat()}
                for event in events_on_topic(text=topic, start=start, end=end)
            ]
        if as_json:
            self.stdout.write(json.dumps(figures, indent=2))
            return
        for name, value in figures.items():
            self.stdout.write(f"{name}: {value}")
