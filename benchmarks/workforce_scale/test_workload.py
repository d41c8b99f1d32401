"""The team workload page (caseloads against capacity, and the team's average caseload over the
last 24 snapshot dates) at each size, with weekly caseload snapshots for every case holder over
ten years: about 20 million rows at England size. No budget is set for this page; it is recorded
against the dashboard's (under 200 ms for a council, under 1 s for England) to show it keeps up."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .generate import PSW_USERNAME

BUDGET_SECONDS = {"council": 0.200, "england": 1.0}
ROUNDS = {"council": 30, "region": 15, "england": 10}


def test_team_workload_server_time(benchmark, scale_database):
    from pswhub.core.models import Team, User
    from pswhub.workload.models import CaseloadSnapshot

    client = Client()
    client.force_login(User.objects.get(username=PSW_USERNAME))
    team = Team.objects.order_by("pk").first()
    url = reverse("workload:team")
    params = {"team": team.pk}
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url, params)
    assert first.status_code == 200
    benchmark.group = "team workload"
    benchmark.extra_info.update(
        scale=scale_database.name,
        database=connection.vendor,
        caseload_snapshots=CaseloadSnapshot.objects.count(),
        queries=len(queries),
    )

    response = benchmark.pedantic(client.get, args=(url, params), rounds=ROUNDS[scale_database.name], warmup_rounds=2)

    assert response.status_code == 200
    assert b"Average caseload" in response.content
    budget = BUDGET_SECONDS.get(scale_database.name)
    if budget is not None:
        median = benchmark.stats.stats.median
        assert median < budget, f"{scale_database.name}: median {median * 1000:.0f} ms"
