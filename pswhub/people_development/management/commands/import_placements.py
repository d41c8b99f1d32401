from pswhub.people_development.import_services import placements_import
from pswhub.people_development.importing import placements_file_read
from pswhub.people_development.management.import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Imports student placements from a CSV or XLSX file (docs/people_development.md): all or nothing, "
        "matched on academic year, student reference and placement; the same file twice changes nothing."
    )
    noun = "placements"

    def read(self, *, content, file_name):
        return placements_file_read(content=content, file_name=file_name)

    def write(self, checked, *, dry_run):
        return placements_import(placement_file=checked, dry_run=dry_run)
