from pathlib import Path

from django.core.management.base import CommandError

from pswhub.audits.importing import UNKNOWN_TEAM, audits_import_plan
from pswhub.audits.services.imports import AUDITS
from pswhub.core.imports import ImportCommand, problem_rows


class Command(ImportCommand):
    help = (
        "Imports historic case file audits from a CSV file. Any bad row refuses the whole file, "
        "naming its row and field; nothing is written. See docs/audits.md for the columns."
    )
    path_type = str
    dry_run_help = "Check the file and report, writing nothing"

    def add_options(self, parser):
        parser.add_argument(
            "--create-teams", action="store_true", help="Add teams the file names that PSW Hub does not have"
        )

    def read(self, content, *, path, create_teams, **options):
        return audits_import_plan(content, file_name=Path(path).name, create_teams=create_teams)

    def refuse(self, path, problems):
        lines = [f"Row {row}, {column}: {message}" for row, column, message in problem_rows(problems, whole_file="1")]
        raise CommandError(f"{path} was not imported: nothing has been written.\n" + "\n".join(lines))

    def rehearsed(self, plan, *, path, **options):
        self.stdout.write(
            f"{path} is valid: {plan.audit_count} audits would be imported, "
            f"{plan.skipped} already held would be skipped."
        )
        if plan.team_names:
            self.stdout.write(f"Teams that would be added: {', '.join(plan.team_names)}.")
        self.stdout.write("Dry run: nothing has been written.")

    def imported(self, content, plan, *, path, create_teams, **options):
        upload = AUDITS.import_now(
            file_name=Path(path).name,
            content=content,
            checked=plan,
            options={"create_teams": create_teams, "unknown_team": UNKNOWN_TEAM},
            fields={"create_teams": create_teams},
        )
        if upload.status != upload.IMPORTED:
            self.refuse(path, upload.problems)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {upload.audit_count} audits from {path}; {upload.skipped} already held were skipped."
            )
        )
        if upload.team_names:
            self.stdout.write(f"Teams added: {', '.join(upload.team_names)}.")
