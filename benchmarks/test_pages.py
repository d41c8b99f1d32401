"""Budget: a signed-in page for the full demo council renders in under 100 ms of server time.

Server time is the time Django takes from receiving the request to returning the response, with
every middleware (sessions saved on each request, the MFA check, CSP) and every database query,
measured through Django's test client so that the network and gunicorn are left out."""

import pytest
from django.urls import reverse

from pswhub.core.models import StaffMember, User

BUDGET_SECONDS = 0.100
ROUNDS = 30

# The staff record opened is Wendy Okafor's (demo-worker, Assessment North): the PSW sees the
# whole workforce, and the North Locality manager sees her team.
PAGES = {
    "home": lambda record: reverse("core:home"),
    "organisation": lambda record: reverse("core:organisation"),
    "team list": lambda record: reverse("core:team_list"),
    "staff list": lambda record: reverse("core:staff_list"),
    "staff detail": lambda record: reverse("core:staff_detail", args=[record.pk]),
    "history": lambda record: reverse("core:history"),
    "users": lambda record: reverse("core:user_list"),
}
# Each persona's pages: administrators manage accounts and do not see staff records.
PERSONA_PAGES = {
    "demo-psw": ["home", "organisation", "team list", "staff list", "staff detail", "history"],
    "demo-manager": ["home", "organisation", "team list", "staff list", "staff detail", "history"],
    "demo-admin": ["home", "organisation", "team list", "history", "users"],
}
CASES = [(username, page) for username, pages in PERSONA_PAGES.items() for page in pages]


@pytest.mark.parametrize(("username", "page"), CASES)
def test_signed_in_page_server_time(benchmark, client, db, username, page):
    client.force_login(User.objects.get(username=username))
    url = PAGES[page](StaffMember.objects.get(user__username="demo-worker"))
    benchmark.group = page
    benchmark.extra_info["budget_ms"] = BUDGET_SECONDS * 1000

    response = benchmark.pedantic(client.get, args=(url,), rounds=ROUNDS, warmup_rounds=3)

    assert response.status_code == 200, f"{username} on {url}"
    median = benchmark.stats.stats.median
    assert median < BUDGET_SECONDS, f"{username} on {page}: median {median * 1000:.1f} ms"
