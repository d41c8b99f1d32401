"""The dashboard works out each census year's figures from its lines once and keeps them until the
year's lines change, so a council with many years stays quick; a change is never hidden."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pswhub.core.tests.factories import TeamFactory
from pswhub.workforce import csww, dashboard
from pswhub.workforce.models import CensusYear
from pswhub.workforce.services import census_return_import

from .returns import census_return, worker

pytestmark = pytest.mark.django_db

EVERYTHING = dashboard.Reader(unsuppressed=True, sees_equality=True)


def import_return(*workers):
    census_return_import(census_return=csww.census_return_read(census_return(year=2023, workers=list(workers))))
    return CensusYear.objects.get(year=2023)


def shown(census_year):
    return dashboard.dashboard_data(census_year=census_year, years=[census_year], reader=EVERYTHING)


def test_figures_are_kept_after_the_first_view_and_the_lines_are_not_read_again():
    year = import_return(worker(swe="SW1"), worker(swe="SW2"))
    shown(year)

    with CaptureQueriesContext(connection) as queries:
        data = shown(year)

    assert data["figures"]["headcount_in_post"] == 2
    assert not [query for query in queries if "workforce_censusworker" in query["sql"]]


def test_a_corrected_return_shows_at_once():
    year = import_return(worker(swe="SW1"), worker(swe="SW2"))
    assert shown(year)["figures"]["headcount_in_post"] == 2

    year = import_return(worker(swe="SW1"), worker(swe="SW2"), worker(swe="SW3"))

    assert shown(year)["figures"]["headcount_in_post"] == 3


def test_importing_the_same_return_again_keeps_the_figures():
    year = import_return(worker(swe="SW1"))
    changed_at = year.lines_changed_at

    assert import_return(worker(swe="SW1")).lines_changed_at == changed_at


def test_a_renamed_team_shows_its_new_name():
    year = import_return(worker(swe="SW1"))
    team = TeamFactory(name="North", service__authority=year.authority)
    year.workers.update(team=team)
    assert [row["team"] for row in shown(year)["by_team"]] == ["North"]

    team.name = "North Locality"
    team.save()

    assert [row["team"] for row in shown(year)["by_team"]] == ["North Locality"]
