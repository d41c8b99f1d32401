"""What the three import commands add to the shared base (core.imports.ImportCommand): each names
its `importer` and the `noun` its counts are of; a real import keeps the upload, as the pages do."""

from pswhub.core.imports import ImportCommand

REFUSED = "The file was not imported: {count} problem(s). Nothing has been written."


def counts(result, noun):
    return f"{result.rows} {noun}, {result.added} added, {result.updated} updated, {result.unchanged} unchanged"


class PeopleDevelopmentImportCommand(ImportCommand):
    importer = None
    noun = "rows"
    refused = REFUSED

    def read(self, content, *, path, **options):
        return self.importer.read(content=content, file_name=path.name)

    def rehearsed(self, checked, *, path, **options):
        result = self.importer.write(checked, dry_run=True)
        self.stdout.write(f"Would import {path.name}: {counts(result, self.noun)}. Nothing has been written.")

    def imported(self, content, checked, *, path, **options):
        upload = self.importer.import_now(file_name=path.name, content=content, checked=checked)
        if upload.status != upload.IMPORTED:
            self.refuse(path, upload.problems)
        self.stdout.write(f"Imported {path.name} as upload {upload.pk}: {counts(upload, self.noun)}.")
