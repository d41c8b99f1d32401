"""A manager's home page names the staff of their teams overdue for supervision; a worker's their
own."""

from datetime import date

from pswhub.learning.attention import learning_attention_items
from pswhub.learning.tests.factories import SessionFactory

TODAY = date(2026, 3, 31)


def _titles(user):
    return {item.title: item.count for item in learning_attention_items(user, today=TODAY)}


def test_a_manager_sees_their_teams_overdue_workers_but_not_another_teams(north_manager, north_worker, south_worker):
    assert _titles(north_manager) == {"Staff in your teams overdue for supervision": 1}
    SessionFactory(staff_member=north_worker.staff_member, held_on=date(2026, 3, 20))
    assert _titles(north_manager) == {}


def test_a_worker_sees_when_their_own_supervision_is_overdue(north_worker):
    SessionFactory(staff_member=north_worker.staff_member, held_on=date(2026, 1, 20))
    assert _titles(north_worker) == {"Your supervision is overdue": 1}
    SessionFactory(staff_member=north_worker.staff_member, held_on=date(2026, 3, 20))
    assert _titles(north_worker) == {}


def test_a_worker_whose_supervision_is_not_recorded_here_is_not_told(north_worker):
    assert _titles(north_worker) == {}


def test_a_councillor_sees_nothing(councillor):
    assert _titles(councillor) == {}
