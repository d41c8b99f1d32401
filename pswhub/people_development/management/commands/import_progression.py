from pswhub.people_development.import_services import PROGRESSION
from pswhub.people_development.management.import_command import PeopleDevelopmentImportCommand


class Command(PeopleDevelopmentImportCommand):
    help = (
        "Imports career progression applications and panel decisions from a CSV or XLSX file: all or nothing, "
        "matched on employee number, panel date and level applied for; the same file twice changes nothing."
    )
    importer = PROGRESSION
    noun = "applications"
