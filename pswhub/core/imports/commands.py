"""The base of every import management command: `PATH` and `--dry-run`, the file read with
`command_file_read`, a file with problems refused with each problem on its own line and nothing
written, a dry run that reports and writes nothing, and a real import that keeps the upload.

A command says how to read (`read`), what a dry run prints (`rehearsed`) and what an import does
and prints (`imported`); it may add its own options (`add_options`) and say differently how it
refuses a file (`refuse`)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DataError

from . import limits
from .guard import ValueCannotBeStored, values_guarded
from .pipeline import council_problem, storing_problem
from .problems import problem_line

CANNOT_READ = "Cannot read {path}: {reason}"
REFUSED = "The file was not imported: {count} problem(s). Nothing has been written."


def command_file_read(path):
    """The bytes of the file a management command was given, or a CommandError saying why not
    (it cannot be read, or it is larger than the upload limit: its size is checked first)."""
    try:
        limits.size_check(Path(path).stat().st_size)
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(CANNOT_READ.format(path=path, reason=error.strerror)) from error
    except limits.LimitError as error:
        raise CommandError(CANNOT_READ.format(path=path, reason=str(error))) from error


class ImportCommand(BaseCommand):
    refused = REFUSED
    path_type = Path  # str keeps the path as it was typed, for commands that print it so
    dry_run_help = "Check and report what would change; write nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=self.path_type)
        self.add_options(parser)
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)

    def add_options(self, parser):
        """The command's own options, between the path and --dry-run."""

    needs_council = True  # False for an import that sets the council up itself (a census return)

    def handle(self, *args, path, dry_run, **options):
        content = command_file_read(path)
        checked = self.read(content, path=path, **options)
        problem = council_problem() if self.needs_council else None
        if problem:  # one instruction, in place of a problem on every row
            self.refuse(path, [problem])
        if not checked.is_valid:
            self.refuse(path, checked.problems)
        try:
            with values_guarded():
                if dry_run:
                    self.rehearsed(checked, path=path, **options)
                else:
                    self.imported(content, checked, path=path, **options)
        except (ValueCannotBeStored, DataError) as error:
            self.refuse(path, [storing_problem(error, checked)])

    def read(self, content, *, path, **options):
        raise NotImplementedError

    def refuse(self, path, problems):
        """Prints each problem on its own line (to stderr) and stops, having written nothing."""
        for problem in problems:
            self.stderr.write(problem_line(problem))
        raise CommandError(self.refused.format(count=len(problems)))

    def rehearsed(self, checked, *, path, **options):
        raise NotImplementedError

    def imported(self, content, checked, *, path, **options):
        raise NotImplementedError
