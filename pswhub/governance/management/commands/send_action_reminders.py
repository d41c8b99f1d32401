"""Run daily from cron: e-mails the owners of committee actions due soon or overdue."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from pswhub.governance.attention import reminder_days
from pswhub.governance.services import action_reminders_send


class Command(BaseCommand):
    help = "E-mail the owners of committee actions due within --days days or overdue (once a week per action)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="How many days ahead counts as due soon (default 14)"
        )

    def handle(self, *args, days=None, **options):
        sent = action_reminders_send(
            today=timezone.localdate(), within_days=days if days is not None else reminder_days()
        )
        self.stdout.write(f"Sent {sent} reminder e-mail{'s' if sent != 1 else ''}")
