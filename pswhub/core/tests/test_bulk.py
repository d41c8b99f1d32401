"""Writing many new rows with their history (`core/bulk.py`): the same rows and history rows on
every database (COPY on PostgreSQL, INSERT elsewhere; CI runs this file on both)."""

from datetime import date

import pytest
from django.db import transaction

from pswhub.core.bulk import records_create_with_history
from pswhub.core.models import Role, RoleGrantRequest, StaffMember

from .factories import TeamFactory, UserFactory


def test_rows_and_a_created_history_row_each_naming_who_made_them(psw):
    team = TeamFactory(name="Assessment North")
    ids = records_create_with_history(
        model=StaffMember,
        rows=[
            {"employee_number": "E1", "first_name": "Ada", "last_name": "Ng", "team_id": team.pk,
             "started_on": date(2026, 4, 1)},
            {"employee_number": "E2", "first_name": "Bo", "last_name": "Cole", "left_on": date(2026, 9, 30)},
        ],
        changed_by=psw,
    )  # fmt: skip
    assert len(ids) == 2 and len(set(ids)) == 2
    first, second = (StaffMember.objects.get(pk=pk) for pk in ids)
    assert (first.employee_number, first.first_name, first.team, first.started_on, first.left_on) == (
        "E1", "Ada", team, date(2026, 4, 1), None,
    )  # fmt: skip
    assert (second.employee_number, second.team, second.job_title, second.left_on) == (
        "E2", None, "", date(2026, 9, 30),
    )  # fmt: skip
    for person in (first, second):
        history = list(person.history.all())
        assert [(row.history_type, row.history_user, row.history_change_reason) for row in history] == [
            ("+", psw, None)
        ]
        assert history[0].first_name == person.first_name and history[0].employee_number == person.employee_number


def test_a_model_default_and_an_automatic_time_are_filled_in(psw):
    role = Role.objects.get(code="psw") if Role.objects.filter(code="psw").exists() else Role.objects.first()
    someone = UserFactory(username="someone")
    [pk] = records_create_with_history(
        model=RoleGrantRequest, rows=[{"user_id": someone.pk, "role_id": role.pk, "requested_by_id": psw.pk}]
    )
    request = RoleGrantRequest.objects.get(pk=pk)
    assert request.status == RoleGrantRequest.Status.PENDING
    assert request.requested_at is not None and request.history.get().history_user is None


def test_the_next_row_made_the_ordinary_way_takes_the_next_id(db):
    [pk] = records_create_with_history(model=StaffMember, rows=[{"employee_number": "E1", "first_name": "A"}])
    later = StaffMember.objects.create(employee_number="E2", first_name="B")
    assert later.pk > pk


def test_a_field_the_model_does_not_have_is_refused_and_nothing_is_written(db):
    with pytest.raises(ValueError, match="StaffMember has no field nickname"), transaction.atomic():
        records_create_with_history(
            model=StaffMember, rows=[{"employee_number": "E1"}, {"employee_number": "E2", "nickname": "Jo"}]
        )
    assert not StaffMember.objects.filter(employee_number__in=["E1", "E2"]).exists()


def test_no_rows_write_nothing(db):
    assert records_create_with_history(model=StaffMember, rows=[]) == []
