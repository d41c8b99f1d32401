from django.core.management.base import CommandError

from pswhub.core.imports import ImportCommand
from pswhub.core.models import Service
from pswhub.core.selectors import authority_get
from pswhub.workforce.csww import census_return_read
from pswhub.workforce.services import CENSUS_RETURN, CensusImportError, census_return_import

REFUSED = "The return was not imported: {count} problem(s). Nothing has been written."


class Command(ImportCommand):
    help = (
        "Imports a DfE CSWW census return (XML, any layout from 2021 to 2025). All or nothing: a return with "
        "any problem is refused, naming the worker and element. Importing the same return again changes nothing."
    )
    refused = REFUSED
    needs_council = False  # a return sets the council up from its LA code

    def read(self, content, *, path, **options):
        return census_return_read(content)

    def refuse(self, path, problems):
        for problem in problems:
            self.stderr.write(str(problem))
        raise CommandError(self.refused.format(count=len(problems)))

    def rehearsed(self, census_return, *, path, **options):
        result = self._unless_another_councils(census_return_import, census_return=census_return, dry_run=True)
        self._report(result, result.authority, dry_run=True)

    def imported(self, content, census_return, *, path, **options):
        service_held = Service.objects.filter(kind=Service.CHILDREN).exists()
        upload = self._unless_another_councils(
            CENSUS_RETURN.import_now, file_name=path.name, content=content, checked=census_return
        )
        if upload.status != upload.IMPORTED:
            self.refuse(path, [problem["message"] for problem in upload.problems])
        upload.service_created = not service_held
        self._report(upload, authority_get(), dry_run=False)

    def _unless_another_councils(self, write, **arguments):
        try:
            return write(**arguments)
        except CensusImportError as error:
            raise CommandError(str(error)) from error

    def _report(self, result, authority, *, dry_run):
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} the {result.year} census return for {authority.name} ({authority.la_code}): "
            f"{result.created} worker lines added, {result.updated} changed, {result.deleted} removed, "
            f"{result.unchanged} unchanged; {result.staff_created} new staff records."
        )
        if result.authority_created:
            self.stdout.write(f"{'Would create' if dry_run else 'Created'} the authority from the return's LA code.")
        if result.service_created:
            self.stdout.write(f"{'Would create' if dry_run else 'Created'} the children's service.")
        if not result.changed_anything:
            self.stdout.write("Nothing changed: this return was already imported.")
