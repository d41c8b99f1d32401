"""Run daily from cron: e-mails workers who have not renewed their registration, with their
managers in copy, as 30 November nears."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pswhub.registrations.services import renewal_reminders_send

DEFAULT_DAYS = 30


class Command(BaseCommand):
    help = (
        "E-mail social workers who have not renewed their Social Work England registration, with their "
        "managers in copy, when 30 November is within --days days (once a week per worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DEFAULT_DAYS, help="Days before 30 November (default 30)")

    def handle(self, *args, days, **options):
        sent = renewal_reminders_send(today=timezone.localdate(), within_days=days)
        self.stdout.write(f"Reminded {sent} worker{'s' if sent != 1 else ''}")
