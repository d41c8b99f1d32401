"""Properties of FTE at a date over many generated employment histories: the FTE on any day is
that of the assignment in force that day, none before the first or after the last, and the
batch read for many people agrees with the read for one."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.workforce import employment

from .factories import AssignmentFactory

FIRST = date(2018, 4, 1)
ftes = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1"), places=2)
histories = st.lists(st.tuples(st.integers(min_value=1, max_value=400), ftes), min_size=1, max_size=6)


@pytest.fixture
def person(db):
    return StaffMemberFactory()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(history=histories, ends=st.booleans(), offset=st.integers(min_value=-30, max_value=3000))
def test_fte_on_a_day_is_that_of_the_assignment_in_force(person, history, ends, offset):
    person.assignments.all().delete()
    periods, starts = [], FIRST
    for index, (days, fte) in enumerate(history):
        last = index == len(history) - 1
        ends_on = starts + timedelta(days=days - 1) if (not last or ends) else None
        AssignmentFactory(staff_member=person, starts_on=starts, ends_on=ends_on, fte=fte)
        periods.append((starts, ends_on, fte))
        starts = starts + timedelta(days=days)
    day = FIRST + timedelta(days=offset)

    expected = next((fte for start, end, fte in periods if start <= day and (end is None or day <= end)), None)

    assert employment.fte_on(person, day) == (expected if expected is not None else 0)
    assert employment.ftes_on(staff_ids=[person.pk], on=day) == {person.pk: expected}
