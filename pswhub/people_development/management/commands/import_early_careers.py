from pswhub.people_development.import_services import early_careers_import
from pswhub.people_development.importing import early_careers_file_read
from pswhub.people_development.management.import_command import ImportCommand


class Command(ImportCommand):
    help = (
        "Imports early career programme records (ASYE, Early Career programme) from a CSV or XLSX file: all or "
        "nothing, matched on employee number, programme and start date; the same file twice changes nothing. "
        "Leaving dates come from the staff record."
    )
    noun = "records"

    def read(self, *, content, file_name):
        return early_careers_file_read(content=content, file_name=file_name)

    def write(self, checked, *, dry_run):
        return early_careers_import(early_career_file=checked, dry_run=dry_run)
