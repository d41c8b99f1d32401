"""A small council whose figures are worked out by hand in the tests:

Staff in post on 31 March 2025: children's 12, adults' 8 (total 20).
Staff in post on 31 March 2026: children's 15 (three started in June 2025), adults' 7 (one left
in January 2026) (total 22).
Work plan 2025/26: 3 priorities, 2 green and 1 amber on 31 March 2026; 2024/25: 2 priorities,
1 green and 1 red.
Committee actions set in 2025/26: 3 (1 done, 2 outstanding of which 1 overdue); in 2024/25: 1."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from pswhub.core.models import Service
from pswhub.core.periods import Period
from pswhub.core.tests.factories import AuthorityFactory, StaffMemberFactory, TeamFactory
from pswhub.governance.models import ActionStatus, Rag
from pswhub.governance.tests.factories import (
    ActionFactory,
    ActionUpdateFactory,
    MeetingFactory,
    PriorityFactory,
    PriorityUpdateFactory,
)

YEAR = Period(date(2025, 4, 1), date(2026, 3, 31))


@pytest.fixture
def council(db):
    AuthorityFactory(name="Testshire County Council")
    children = TeamFactory(name="Assessment", service__kind=Service.CHILDREN)
    adults = TeamFactory(name="Adults East", service__kind=Service.ADULTS)
    StaffMemberFactory.create_batch(12, team=children, started_on=date(2020, 1, 1))
    StaffMemberFactory.create_batch(3, team=children, started_on=date(2025, 6, 1))
    StaffMemberFactory.create_batch(7, team=adults, started_on=date(2019, 1, 1))
    StaffMemberFactory(team=adults, started_on=date(2019, 1, 1), left_on=date(2026, 1, 15))
    StaffMemberFactory(team=None, started_on=date(2019, 1, 1))

    for title, rag in [("Recruit", Rag.GREEN), ("Quality", Rag.GREEN), ("ASYE", Rag.AMBER)]:
        PriorityUpdateFactory(priority=PriorityFactory(year_start=2025, title=title), rag=rag, as_at=date(2026, 3, 1))
    for title, rag in [("Recruit", Rag.GREEN), ("Quality", Rag.RED)]:
        PriorityUpdateFactory(priority=PriorityFactory(year_start=2024, title=title), rag=rag, as_at=date(2025, 3, 1))

    meeting = MeetingFactory(held_on=date(2025, 7, 10))
    done = ActionFactory(
        meeting=meeting, due_on=date(2025, 9, 30), description="To circulate which courses cover parental alienation."
    )
    ActionUpdateFactory(action=done, status=ActionStatus.DONE, created_at=timezone.make_aware(datetime(2025, 9, 1, 12)))
    ActionFactory(
        meeting=meeting,
        due_on=date(2025, 12, 1),
        description="To add the age and gender of newly qualified social workers.",
    )
    ActionFactory(meeting=meeting, due_on=date(2026, 6, 30), description="To report agency use by team.")
    ActionFactory(meeting=MeetingFactory(held_on=date(2024, 7, 11)), due_on=date(2024, 9, 30))
    return YEAR
