"""The dashboard works out each census year's figures from its lines once and keeps them until the
year's lines change, so a council with many years stays quick; a change is never hidden. The
annual report and `manage.py workforce_figures` read the same kept figures."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pswhub.core.periods import Period
from pswhub.core.tests.factories import TeamFactory
from pswhub.workforce import csww, dashboard, selectors
from pswhub.workforce.models import CensusYear
from pswhub.workforce.report_section import WorkforceSection
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


def test_the_dashboard_the_report_and_the_command_give_the_same_figures_from_one_read():
    """Twenty in post at 1 FTE with 17 cases and 4 days lost each; five leavers at 1 FTE; 3.5 FTE
    vacancies. Turnover 5 / 20 = 25.0%; vacancy rate 3.5 / 23.5 = 14.89% -> 14.9%; average
    caseload 340 / 20 = 17.0; absence 80 / (20 x 253 = 5060) = 1.58% -> 1.6%."""
    leaver = {"RoleEndDate": "2023-03-31", "ReasonLeave": "1", "LeaverDestination": "1", "Cases30": None}
    year = import_return(
        *(worker(swe=f"SW{number}") for number in range(1, 21)),
        *(worker(swe=f"SW{number}", **leaver) for number in range(21, 26)),
    )
    expected = {"fte_in_post": 20.0, "turnover_rate": 25.0, "vacancy_rate": 14.9, "average_caseload": 17.0,
                "absence_rate": 1.6}  # fmt: skip

    page = shown(year)["figures"]
    with CaptureQueriesContext(connection) as queries:
        report = WorkforceSection().build(Period.financial_year(2023), "children").figures
        out = io.StringIO()
        call_command("workforce_figures", "--year", "2023", "--json", stdout=out)
        command = json.loads(out.getvalue())

    assert {name: float(page[name]) for name in expected} == expected
    assert {name: report[name] for name in expected} == expected
    assert {name: command[name] for name in expected} == expected
    # The report and the command read the figures the dashboard kept, not the year's lines.
    assert not [query for query in queries if "workforce_censusworker" in query["sql"]]


def test_a_teams_figures_are_kept_and_follow_a_change_to_the_team():
    year = import_return(worker(swe="SW1"), worker(swe="SW2"), worker(swe="SW3"))
    locality = TeamFactory(name="Locality", service__authority=year.authority)
    sub_team = TeamFactory(name="Locality Assessment", service=locality.service)
    year.workers.filter(swe_number__in=["SW1", "SW2"]).update(team=locality)
    year.workers.filter(swe_number="SW3").update(team=sub_team)
    assert selectors.workforce_figures(census_year=year, team=locality)["headcount_in_post"] == 2

    # The sub-team moves beneath the locality: a change to a team, so its figures are worked out again.
    sub_team.parent = locality
    sub_team.save()

    figures = selectors.workforce_figures(census_year=year, team=locality)
    assert (figures["team"], figures["headcount_in_post"]) == ("Locality", 3)
