"""Budgets: the audit dashboard renders in under 200 ms of server time for a council (3,000
audits) and in under 1 s at England scale (750,000 audits, 20 million answers, PostgreSQL).

Server time as in benchmarks/test_pages.py: Django's test client, every middleware and query and
the template, without the network. The dashboard's figures cover every audit in the database, so
the PSW sees the whole data set; a team manager sees the same figures with disclosure control
(and without moderation, actions and section grades). Both are measured for the financial year
the data ends in and the year before. The `audit_figures --json` command is timed beside them,
with no budget of its own."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from pswhub.core.models import User

from .generate import LATEST_YEAR, MANAGER_USERNAME, PREVIOUS_YEAR, PSW_USERNAME

BUDGET_SECONDS = {"council": 0.200, "england": 1.0}
ROUNDS = {"council": (30, 3), "england": (5, 1)}  # (rounds, warm-up rounds)
PERSONAS = {"psw": PSW_USERNAME, "team manager": MANAGER_USERNAME}
YEARS = {"current year": LATEST_YEAR, "previous year": PREVIOUS_YEAR}


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_audit_dashboard_server_time(benchmark, client, audit_scale, persona, year):
    client.force_login(User.objects.get(username=PERSONAS[persona]))
    url = f"{reverse('audits:dashboard')}?year={YEARS[year]}"
    budget = BUDGET_SECONDS[audit_scale.name]
    rounds, warmup = ROUNDS[audit_scale.name]
    benchmark.group = f"audit dashboard, {audit_scale.name}"
    benchmark.extra_info.update(budget_ms=budget * 1000, audits=audit_scale.audits)

    response = benchmark.pedantic(client.get, args=(url,), rounds=rounds, warmup_rounds=warmup)

    assert response.status_code == 200
    assert f"{YEARS[year]} to {YEARS[year] + 1}" in response.text
    median = benchmark.stats.stats.median
    assert median < budget, f"{persona}, {year}, {audit_scale.name}: median {median * 1000:.1f} ms"


def _figures_json(date_from, date_to):
    out = io.StringIO()
    call_command("audit_figures", "--from", date_from, "--to", date_to, "--json", stdout=out)
    return out.getvalue()


def test_audit_figures_command_time(benchmark, audit_scale):
    rounds, warmup = ROUNDS[audit_scale.name]
    benchmark.group = f"audit_figures --json, {audit_scale.name}"
    benchmark.extra_info["audits"] = audit_scale.audits

    output = benchmark.pedantic(
        _figures_json, args=(f"{LATEST_YEAR}-04-01", f"{LATEST_YEAR + 1}-03-31"), rounds=rounds, warmup_rounds=warmup
    )

    assert '"completed"' in output
