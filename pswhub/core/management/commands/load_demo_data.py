from django.conf import settings
from django.core.management.base import BaseCommand

from pswhub.core import demo


class Command(BaseCommand):
    help = "Loads the demo council (Northshire County Council). Does nothing if it is already loaded."

    def handle(self, *args, **options):
        authority = demo.demo_data_load()
        if authority is None:
            self.stdout.write("The demo council is already loaded.")
            return
        self.stdout.write(self.style.SUCCESS(f"Loaded the demo council: {authority.name}."))
        if settings.PSWHUB_CREATE_DEMO_ACCOUNTS:
            names = ", ".join(username for username, *_ in demo.PERSONAS)
            self.stdout.write(f"Sign in as one of {names} with the password '{demo.DEMO_PASSWORD}'.")
        else:
            self.stdout.write("No demo accounts were created: these settings do not allow them.")
