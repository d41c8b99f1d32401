from pswhub.people_development.import_services import PLACEMENTS
from pswhub.people_development.management.import_command import PeopleDevelopmentImportCommand


class Command(PeopleDevelopmentImportCommand):
    help = (
        "Imports student placements from a CSV or XLSX file (docs/people_development.md): all or nothing, "
        "matched on academic year, student reference and placement; the same file twice changes nothing."
    )
    importer = PLACEMENTS
    noun = "placements"
