from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pswhub.core.selectors import authority_get
from pswhub.workforce import checks, csww, selectors

NO_YEAR = "There is no {year} census year to export"


class Command(BaseCommand):
    help = (
        "Writes the DfE CSWW census return for a collection year in that year's layout, "
        "and lists the problems PSW Hub's checks find."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--output", type=Path, required=True)

    def handle(self, *args, year, output, **options):
        authority = authority_get()
        census_year = selectors.census_year_get(authority=authority, year=year) if authority else None
        if census_year is None:
            raise CommandError(NO_YEAR.format(year=year))
        workers = selectors.census_workers(census_year=census_year)
        output.write_bytes(csww.census_return_xml(census_year=census_year, workers=workers))
        problems = checks.census_year_check(census_year=census_year, workers=workers)
        for problem in problems:
            self.stderr.write(f"{problem.swe_number or 'Authority'}, {problem.field}: {problem.message}")
        self.stdout.write(
            f"Wrote the {year} return ({csww.layout_for_year(year).name} layout, {len(workers)} worker lines) "
            f"to {output}; {len(problems)} problem(s) to put right before submitting."
        )
