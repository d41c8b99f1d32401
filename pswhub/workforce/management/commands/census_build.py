from django.core.management.base import BaseCommand, CommandError

from pswhub.workforce.services.census_build import CensusBuildError, census_year_build


class Command(BaseCommand):
    help = (
        "Builds or rebuilds a census year's return from PSW Hub's records: one line for each children's social "
        "worker employed, leaving or agency-engaged in the year, corrections applied again. Refuses a year "
        "imported as sent or marked as submitted. Building again when nothing changed writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="The census year, named by its 30 September.")
        parser.add_argument("--dry-run", action="store_true", help="Work out what would change, write nothing.")

    def handle(self, *args, year, dry_run, **options):
        try:
            result = census_year_build(year=year, dry_run=dry_run)
        except CensusBuildError as error:
            raise CommandError(str(error)) from error
        verb = "Would build" if dry_run else "Built"
        self.stdout.write(
            f"{verb} the {year} census year: {result.lines} worker lines ({result.created} added, "
            f"{result.updated} changed, {result.deleted} removed, {result.unchanged} unchanged); "
            f"{result.corrections_applied} correction(s) applied; "
            f"LA-level figures {'changed' if result.la_level_changed else 'unchanged'}."
        )
        for name in result.left_out:
            self.stderr.write(f"Left out, no Social Work England number recorded: {name}")
        for name in result.left_out_engagements:
            self.stderr.write(f"Left out, agency engagement with no staff record (so no SWE number): {name}")
