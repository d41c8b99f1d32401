"""Budget: the workforce dashboard renders in under 200 ms of server time for a council (600 social
workers, ten census years) and under 1 s for England (40,000); the region size (8,000) shows how
the time grows between them.

Server time as in `benchmarks/test_pages.py`: Django's test client, signed in as the PSW, every
middleware, query and template, not the network. The PSW sees the most of the page: the headline
figures, the ten-year trend, leavers by reason, the equality profile and the census return links."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .generate import PSW_USERNAME

BUDGET_SECONDS = {"council": 0.200, "england": 1.0}
ROUNDS = {"council": 30, "region": 15, "england": 10}


def test_workforce_dashboard_server_time(benchmark, scale_database):
    from pswhub.core.models import User
    from pswhub.workforce.models import CensusWorker

    client = Client()
    client.force_login(User.objects.get(username=PSW_USERNAME))
    url = reverse("workforce:dashboard")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    benchmark.group = "workforce dashboard"
    benchmark.extra_info.update(
        scale=scale_database.name,
        database=connection.vendor,
        census_worker_lines=CensusWorker.objects.count(),
        queries=len(queries),
        budget_ms=BUDGET_SECONDS[scale_database.name] * 1000 if scale_database.name in BUDGET_SECONDS else None,
    )

    response = benchmark.pedantic(client.get, args=(url,), rounds=ROUNDS[scale_database.name], warmup_rounds=2)

    assert response.status_code == 200
    assert b"2025" in response.content  # the latest census year is shown
    budget = BUDGET_SECONDS.get(scale_database.name)
    if budget is None:
        return  # no budget at this size: recorded to show how the time grows
    median = benchmark.stats.stats.median
    assert median < budget, f"{scale_database.name}: median {median * 1000:.0f} ms"
