from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Brings the database up to date in one go: migrations, the cache table and, where these settings "
        "allow demo accounts, the demo council. Safe to run any number of times."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo council")

    def handle(self, *args, no_demo, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        self.stdout.write("Database is up to date.")
        if not no_demo and settings.PSWHUB_CREATE_DEMO_ACCOUNTS:
            call_command("load_demo_data", stdout=self.stdout)
