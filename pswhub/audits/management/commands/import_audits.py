from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.audits import importing, services


class Command(BaseCommand):
    help = (
        "Imports historic case file audits from a CSV file. Any bad row refuses the whole file, "
        "naming its row and field; nothing is written. See docs/audits.md for the columns."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--create-teams", action="store_true", help="Add teams the file names that PSW Hub does not have"
        )
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report, writing nothing")

    def handle(self, *args, path, create_teams, dry_run, **options):
        try:
            raw = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from None
        plan = importing.audits_import_plan(raw, create_teams=create_teams)
        if plan.errors:
            raise CommandError(f"{path} was not imported: nothing has been written.\n" + "\n".join(plan.errors))
        new_teams = ", ".join(name for name, _ in plan.new_teams.values())
        if dry_run:
            self.stdout.write(
                f"{path} is valid: {len(plan.audits)} audits would be imported, "
                f"{plan.skipped} already held would be skipped."
            )
            if new_teams:
                self.stdout.write(f"Teams that would be added: {new_teams}.")
            self.stdout.write("Dry run: nothing has been written.")
            return
        services.audits_import_save(plan=plan, file_name=Path(path).name)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(plan.audits)} audits from {path}; {plan.skipped} already held were skipped."
            )
        )
        if new_teams:
            self.stdout.write(f"Teams added: {new_teams}.")
