"""Writes the annual report for a period from the current data:

    manage.py annual_report --from 2025-04-01 --to 2026-03-31 [--service children|adults|all] \\
        --format docx|pdf|html --output PATH
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.periods import Period
from pswhub.reporting import outputs, selectors, services

BAD_DATE = "{option} must be a date written YYYY-MM-DD, like 2025-04-01"
PERIOD_BACKWARDS = "--to must be on or after --from"


def _date(value, option):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(BAD_DATE.format(option=option)) from None


class Command(BaseCommand):
    help = "Write the PSW's annual report for a period from the current data as Word, PDF or HTML."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="First day of the period, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="Last day of the period, YYYY-MM-DD")
        parser.add_argument("--service", choices=["children", "adults", "all"], default="all")
        parser.add_argument("--format", dest="fmt", choices=["docx", "pdf", "html"], required=True)
        parser.add_argument("--output", required=True, help="Where to write the file")

    def handle(self, *args, start, end, service, fmt, output, **options):
        start, end = _date(start, "--from"), _date(end, "--to")
        if end < start:
            raise CommandError(PERIOD_BACKWARDS)
        document = services.command_document(period=Period(start, end), services=service)
        template = selectors.current_template()
        content = outputs.render(document, fmt, template=bytes(template.content) if template else None)
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        self.stdout.write(f"Wrote {document['title']} ({fmt}, {len(content):,} bytes) to {path}")
