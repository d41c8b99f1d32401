from pswhub.people_development.import_services import EARLY_CAREERS
from pswhub.people_development.management.import_command import PeopleDevelopmentImportCommand


class Command(PeopleDevelopmentImportCommand):
    help = (
        "Imports early career programme records (ASYE, Early Career programme) from a CSV or XLSX file: all or "
        "nothing, matched on employee number, programme and start date; the same file twice changes nothing. "
        "Leaving dates come from the staff record."
    )
    importer = EARLY_CAREERS
    noun = "records"
