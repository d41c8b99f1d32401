"""The base of the import commands: a file with problems is refused with each problem on its own
line and nothing written; --dry-run reports and writes nothing; otherwise the import runs. And
the dry run every import's preview rests on: everything is done, then rolled back."""

import io
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from pswhub.core.imports import ImportCommand, write_or_rehearse
from pswhub.core.imports.commands import REFUSED
from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import columns_find, rows_numbered, table_read
from pswhub.core.models import Team
from pswhub.core.tests.factories import AuthorityFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def council():
    return AuthorityFactory()


@dataclass
class TeamFile:
    names: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.problems


@dataclass
class Added:
    added: int = 0
    dry_run: bool = False


def team_file_read(content, file_name):
    """A file of team names: a `team` column; a blank name is a problem of its row."""
    header, body = table_read(content=content, file_name=file_name)
    positions, _, problems = columns_find(header=header, columns=["team"], required=["team"])
    checked = TeamFile(problems=problems)
    for number, cells in rows_numbered(body, positions) if not problems else []:
        if cells["team"]:
            checked.names.append(cells["team"])
        else:
            checked.problems.append(Problem(number, "team", "Enter the team's name"))
    return checked


def teams_add(checked, *, dry_run):
    def write():
        service = ServiceFactory()
        Team.objects.bulk_create([Team(service=service, name=name) for name in checked.names])
        return Added(added=Team.objects.filter(name__in=checked.names).count())

    return write_or_rehearse(write, dry_run=dry_run)


class ImportTeams(ImportCommand):
    def read(self, content, *, path, **options):
        return team_file_read(content, path.name)

    def rehearsed(self, checked, *, path, **options):
        self.stdout.write(f"Would add {teams_add(checked, dry_run=True).added} teams.")

    def imported(self, content, checked, *, path, **options):
        self.stdout.write(f"Added {teams_add(checked, dry_run=False).added} teams.")


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(ImportTeams(), str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def team_file(tmp_path):
    path = tmp_path / "teams.csv"
    path.write_text("Team\nNorth\nSouth\n")
    return path


def test_a_file_without_problems_is_imported(team_file):
    assert run(team_file) == ("Added 2 teams.\n", "")
    assert sorted(Team.objects.values_list("name", flat=True)) == ["North", "South"]


def test_a_dry_run_reports_what_would_change_and_writes_nothing(team_file):
    assert run(team_file, "--dry-run") == ("Would add 2 teams.\n", "")
    assert not Team.objects.exists()


def test_a_file_with_problems_is_refused_each_problem_on_its_own_line(tmp_path):
    path = tmp_path / "teams.csv"
    path.write_text("team,note\nNorth,\n\n,moved\n,closed\n")  # the blank line is left out, so rows 3 and 4
    err = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command(ImportTeams(), str(path), stderr=err)
    assert str(refused.value) == REFUSED.format(count=2)
    assert err.getvalue() == "Row 3, column team: Enter the team's name\nRow 4, column team: Enter the team's name\n"
    assert not Team.objects.exists()


def test_a_missing_column_is_a_problem_of_the_file(tmp_path):
    path = tmp_path / "teams.csv"
    path.write_text("name\nNorth\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(ImportTeams(), str(path), stderr=err)
    assert err.getvalue() == "The file, column team: The file has no team column\n"


def test_a_dry_run_does_every_write_then_rolls_it_back():
    result = teams_add(TeamFile(names=["North", "South", "East"]), dry_run=True)
    assert (result.added, result.dry_run) == (3, True)
    assert not Team.objects.exists()
    result = teams_add(TeamFile(names=["North"]), dry_run=False)
    assert (result.added, result.dry_run) == (1, False)
    assert Team.objects.get().name == "North"
