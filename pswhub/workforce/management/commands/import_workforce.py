from django.core.management.base import CommandError

from pswhub.core.imports import ImportCommand
from pswhub.workforce.hr_import import extract_read
from pswhub.workforce.models import ColumnMapping
from pswhub.workforce.services import HR_EXTRACT, batch_fields, hr_extract_import

REFUSED = "The extract was not imported: {count} problem(s). Nothing has been written."
NO_SUCH_MAPPING = "There is no column mapping called {name}. Mappings held: {names}"


def _mapping(name):
    if not name:
        return None
    mapping = ColumnMapping.objects.filter(name=name).first()
    if mapping is None:
        names = ", ".join(ColumnMapping.objects.values_list("name", flat=True)) or "none"
        raise CommandError(NO_SUCH_MAPPING.format(name=name, names=names))
    return mapping


class Command(ImportCommand):
    help = (
        "Imports an HR extract (CSV or XLSX in the PSW Hub template, or a council's own headers with --mapping). "
        "All or nothing, matched on the employee number: a file with any problem is refused, naming the row and "
        "column. Importing the same file again changes nothing."
    )
    refused = REFUSED

    def add_options(self, parser):
        parser.add_argument("--mapping", help="The name of a column mapping held in PSW Hub.")
        parser.add_argument(
            "--create-teams",
            action="store_true",
            help="Add teams the extract names that PSW Hub does not have, to the service in its service column "
            "(children when it has none).",
        )

    def read(self, content, *, path, mapping, create_teams, **options):
        self.column_mapping = _mapping(mapping)
        columns = self.column_mapping.columns if self.column_mapping else None
        return extract_read(content=content, file_name=path.name, mapping=columns, create_teams=create_teams)

    def rehearsed(self, extract, *, path, **options):
        result = hr_extract_import(extract=extract, dry_run=True)
        self.stdout.write(
            f"Would import {path.name}: {result.added} staff added, {result.updated} updated, "
            f"{result.unchanged} unchanged. Nothing has been written."
        )
        for team in result.new_teams:
            self.stdout.write(f"Would add team {team}")
        adopted = {entry["employee_number"]: entry["was"] for entry in result.changes if entry["was"]}
        for number in result.added_numbers:
            self.stdout.write(f"Would add {number}")
        for number in result.updated_numbers:
            if number in adopted:
                self.stdout.write(f"Would match {number} to {adopted[number]}, the record a census return made")
            else:
                self.stdout.write(f"Would update {number}")

    def imported(self, content, extract, *, path, create_teams, **options):
        columns = self.column_mapping.columns if self.column_mapping else None
        batch = HR_EXTRACT.import_now(
            file_name=path.name,
            content=content,
            checked=extract,
            options={"mapping": columns, "create_teams": create_teams},
            fields=batch_fields(self.column_mapping, create_teams),
        )
        if batch.status != batch.IMPORTED:
            self.refuse(path, batch.problems)
        self.stdout.write(
            f"Imported {path.name} as batch {batch.pk}: {batch.added} staff added, {batch.updated} updated, "
            f"{batch.unchanged} unchanged."
        )
        for team in batch.new_teams:
            self.stdout.write(f"Added team {team}")
        if batch.adopted:
            self.stdout.write(f"{batch.adopted} matched to records a census return made.")
