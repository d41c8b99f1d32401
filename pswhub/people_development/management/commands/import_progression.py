from pswhub.people_development.import_services import progression_import
from pswhub.people_development.importing import progression_file_read
from pswhub.people_development.management.import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Imports career progression applications and panel decisions from a CSV or XLSX file: all or nothing, "
        "matched on employee number, panel date and level applied for; the same file twice changes nothing."
    )
    noun = "applications"

    def read(self, *, content, file_name):
        return progression_file_read(content=content, file_name=file_name)

    def write(self, checked, *, dry_run):
        return progression_import(progression_file=checked, dry_run=dry_run)
