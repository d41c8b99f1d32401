"""Removes the records that have passed their time in the retention schedule (core.retention).
Run it daily from cron; `--dry-run` shows what would go without removing anything."""

from django.core.management.base import BaseCommand

from pswhub.core.retention import purge_expired


class Command(BaseCommand):
    help = "Remove records older than the retention schedule allows (docs/operations.md)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be removed; remove nothing")

    def handle(self, *args, dry_run=False, **options):
        verb = "would remove" if dry_run else "removed"
        for line in purge_expired(dry_run=dry_run):
            rule = line["rule"]
            self.stdout.write(
                f"{rule.key}: kept {rule.days} days; {verb} {line['removed']} from before "
                f"{line['before']:%Y-%m-%d} ({rule.what})"
            )
