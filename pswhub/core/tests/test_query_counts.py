"""Each signed-in page runs the same number of database queries however big the council is: a page
that ran one query per team, staff member or change would slow down as the council grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pswhub.core import roles, services
from pswhub.core.models import StaffMember
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory

PAGES = {
    "home": lambda staff_member: reverse("core:home"),
    "organisation": lambda staff_member: reverse("core:organisation"),
    "team list": lambda staff_member: reverse("core:team_list"),
    "team detail": lambda staff_member: reverse("core:team_detail", args=[staff_member.team_id]),
    "staff list": lambda staff_member: reverse("core:staff_list"),
    "staff detail": lambda staff_member: reverse("core:staff_detail", args=[staff_member.pk]),
    "history": lambda staff_member: reverse("core:history"),
    "users": lambda staff_member: reverse("core:user_list"),
}
STAFF_PAGES = ["home", "organisation", "team list", "team detail", "staff list", "staff detail", "history"]
# Administrators manage accounts and do not see staff records; their change history lists the
# accounts' roles and teams at each version.
PERSON_PAGES = {
    "psw": STAFF_PAGES,
    "north_manager": STAFF_PAGES,
    "admin_user": ["home", "organisation", "team list", "team detail", "users", "history"],
}
CASES = [(person, page) for person, pages in PERSON_PAGES.items() for page in pages]


def grow(*, north_team, changed_by, times, start):
    """Adds `times` lots of a small slice of council: in the manager's part of the tree and outside
    it, teams with staff in post and leavers, edits to staff records (history rows), new accounts
    with roles (history rows with roles and teams), and views of one person's record."""
    for n in range(start, start + times):
        inside = TeamFactory(name=f"North {n}", parent=north_team, service=north_team.service)
        outside = TeamFactory(name=f"South {n}", service=north_team.service)
        for team in (inside, outside):
            for _ in range(3):
                StaffMemberFactory(team=team)
            StaffMemberFactory(team=team, started_on="2020-01-01", left_on="2024-03-31")
        services.staff_member_update(
            staff_member=StaffMemberFactory(team=inside), changed_by=changed_by, job_title="Senior Social Worker"
        )
        services.user_create(
            username=f"new{n}",
            email=f"new{n}@example.gov.uk",
            role_codes=[roles.SOCIAL_WORKER],
            managed_teams=[inside],
            created_by=changed_by,
        )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries


@pytest.mark.parametrize(("person", "page"), CASES)
def test_a_page_runs_as_many_queries_for_a_big_council_as_for_a_small_one(
    request, client, north_team, north_worker, psw, page, person
):
    user = request.getfixturevalue(person)
    record = StaffMember.objects.get(user=north_worker)
    url = PAGES[page](record)
    grow(north_team=north_team, changed_by=psw, times=1, start=0)
    client.force_login(user)
    client.get(url)  # The first request fills per-process caches (content types and the like).
    small = queries_for(client, url)

    grow(north_team=north_team, changed_by=psw, times=4, start=1)
    for _ in range(4):
        client.get(reverse("core:staff_detail", args=[record.pk]))  # More entries in the record-view log.
    big = queries_for(client, url)

    assert len(big) == len(small), "\n".join(query["sql"] for query in big.captured_queries)
