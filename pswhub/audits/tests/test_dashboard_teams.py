"""The dashboard's table by team when there are many teams: the teams with most audits, and every
team a page at a time, with the same drill-down and suppression (who may open the list:
test_access.py)."""

from datetime import date

import pytest
from django.urls import reverse

from pswhub.audits import presenters
from pswhub.audits.tests.factories import AuditFactory
from pswhub.core.presenters import SUPPRESSED as C
from pswhub.core.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def row(team, service, completed):
    return {"team_id": hash(team), "team": team, "service": service, "completed": completed}


def test_every_team_is_listed_when_there_are_few():
    rows = [row("A", "Children", 1), row("B", "Children", 9)]
    assert presenters.teams_for_dashboard(rows, limit=2) == rows


def test_past_the_limit_the_teams_with_most_are_listed_by_service():
    rows = [
        row("A", "Children", 3),
        row("B", "Children", 9),
        row("C", "Children", 5),
        row("D", "Adults", 7),
        row("E", "Adults", 1),
    ]
    shown = presenters.teams_for_dashboard(rows, limit=3)
    assert [r["team"] for r in shown] == ["B", "C", "D"]  # children's first, as the full list


def test_a_hidden_count_ranks_below_every_count_shown():
    # A secondary-suppressed count may be large, but its place must not tell it.
    rows = [row("A", "Children", C), row("B", "Children", 12), row("C", "Children", 10), row("D", "Children", C)]
    shown = presenters.teams_for_dashboard(rows, limit=3)
    assert [r["team"] for r in shown] == ["B", "C", "A"]


@pytest.fixture
def many_teams(north_team):
    """Four teams of one service with 1, 2, 3 and 4 audits in 2025/26."""
    teams = [TeamFactory(name=f"Team {n}", service=north_team.service) for n in range(1, 5)]
    for count, team in enumerate(teams, start=1):
        for _ in range(count):
            AuditFactory(team=team, completed_on=date(2025, 6, 1))
    return teams


def test_the_dashboard_links_to_every_team_past_the_limit(client, psw, many_teams, monkeypatch):
    monkeypatch.setattr(presenters, "DASHBOARD_TEAMS", 2)
    monkeypatch.setattr(presenters.teams_for_dashboard, "__defaults__", (2,))
    client.force_login(psw)
    page = client.get(reverse("audits:dashboard"), {"year": "2025"}).content.decode()
    assert "The 2 teams with most audits completed, 2025/26" in page
    assert f'team={many_teams[3].pk}"' in page and f'team={many_teams[0].pk}"' not in page
    assert f"{reverse('audits:teams')}?year=2025" in page
    assert "each of the 4 teams" in page


def test_the_full_list_is_paged_with_the_dashboards_links(client, psw, many_teams, monkeypatch):
    monkeypatch.setattr(presenters, "TEAMS_PER_PAGE", 3)
    client.force_login(psw)
    first = client.get(reverse("audits:teams"), {"year": "2025"}).content.decode()
    assert "4 teams with audits completed, 2025/26, page 1 of 2" in first
    assert "?year=2025&amp;page=2" in first  # the next page keeps the year
    assert f'team={many_teams[0].pk}"' in first and "Team 4" not in first
    second = client.get(reverse("audits:teams"), {"year": "2025", "page": "2"}).content.decode()
    assert f'team={many_teams[3].pk}"' in second


def test_a_councillor_sees_the_full_list_suppressed_without_links(client, councillor, many_teams):
    client.force_login(councillor)
    page = client.get(reverse("audits:teams"), {"year": "2025"}).content.decode()
    assert reverse("audits:list") not in page
    assert page.count(">c<") + page.count("c (too small to show)") >= 3  # 1, 2 and 3 are small
