"""Workload figures against values worked out by hand from the definitions in docs/figures.md.

North team, children's services; scheme: 15 non-case points, 100 points for a full-time worker,
90 in the early-career year, target caseload 24. Points: child in need 4, child protection 6
(complex 8), child in care 5, court work 10.

At 30 September 2026:
  Ann  FTE 1,   CIN 3 + CP 2 + CP complex 1 + court 1 = 7 cases; 12 + 12 + 8 + 10 + 15 = 57 of 100 = 57.0%
  Ben  FTE 0.5, CIN 6 + CiC 4 = 10 cases (snapshot of 15 Sept); 24 + 20 + 15 = 59 of 50 = 118.0%, over
  Cat  no FTE recorded (full time), early-career year, CP 10 + court 2 = 12; 60 + 20 + 15 = 95 of 90 = 105.6%, over
  Dan  FTE 0.8, no cases; 15 of 80 = 18.8%
  Eve  left on 1 September (not counted); Fay's only snapshot is after the date (not counted)
Team: 3 case holders, 29 cases, case-holder FTE 2.5, average caseload 29 / 2.5 = 11.6;
weighted 226 of capacity 320 = 70.6%."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.workforce.tests.factories import AssignmentFactory
from pswhub.workload import selectors

from .factories import CaseloadSnapshotFactory, EarlyCareerYearFactory, WeightingSchemeFactory, weights_set

ON = date(2026, 9, 30)
POINTS = {
    ("child_in_need", "standard"): 4,
    ("child_protection", "standard"): 6,
    ("child_protection", "complex"): 8,
    ("child_in_care", "standard"): 5,
    ("court_work", "standard"): 10,
}


def _snapshot(staff, on, counts):
    for (case_type, complexity), count in counts.items():
        CaseloadSnapshotFactory(
            staff_member=staff, date=on, case_type_id=case_type, complexity_id=complexity, count=count
        )


@pytest.fixture
def north(db):
    team = TeamFactory(name="North")
    weights_set(WeightingSchemeFactory(service=team.service), POINTS)
    people = {}
    for name, fte in [("Ann", "1"), ("Ben", "0.5"), ("Cat", None), ("Dan", "0.8"), ("Eve", None), ("Fay", "1")]:
        people[name] = StaffMemberFactory(first_name=name, last_name="North", team=team, started_on=date(2020, 1, 6))
        if fte is not None:
            AssignmentFactory(staff_member=people[name], team=team, starts_on=date(2020, 1, 6), fte=Decimal(fte))
    people["Eve"].left_on = date(2026, 9, 1)
    people["Eve"].save()
    _snapshot(people["Ann"], date(2026, 8, 31), {("child_in_need", "standard"): 5})
    _snapshot(
        people["Ann"],
        ON,
        {
            ("child_in_need", "standard"): 3,
            ("child_protection", "standard"): 2,
            ("child_protection", "complex"): 1,
            ("court_work", "standard"): 1,
        },
    )
    _snapshot(people["Ben"], date(2026, 9, 15), {("child_in_need", "standard"): 6, ("child_in_care", "standard"): 4})
    _snapshot(people["Cat"], ON, {("child_protection", "standard"): 10, ("court_work", "standard"): 2})
    EarlyCareerYearFactory(staff_member=people["Cat"], starts_on=date(2026, 1, 5), ends_on=date(2027, 1, 4))
    _snapshot(people["Dan"], ON, {("child_in_need", "standard"): 0})
    _snapshot(people["Eve"], date(2026, 8, 31), {("child_in_need", "standard"): 9})
    _snapshot(people["Fay"], date(2026, 10, 31), {("child_in_need", "standard"): 4})
    return team, people


def _lines(team):
    return {line.staff_member.first_name: line for line in selectors.team_workload(team=team, on=ON).lines}


def test_fte_is_the_recorded_one_or_none(north):
    _team, people = north
    ftes = selectors.ftes_on(staff_members=[people["Ben"], people["Cat"]], on=ON)
    assert (ftes[people["Ben"].pk], ftes[people["Cat"].pk]) == (Decimal("0.5"), None)


def test_a_caseload_is_the_latest_snapshot_on_or_before_the_date(north):
    team, _people = north
    lines = _lines(team)
    assert sorted(lines) == ["Ann", "Ben", "Cat", "Dan"]
    assert lines["Ann"].snapshot_date == ON and lines["Ann"].cases == 7
    assert lines["Ann"].by_type == {"child_in_need": 3, "child_protection": 3, "court_work": 1}
    assert lines["Ben"].snapshot_date == date(2026, 9, 15) and lines["Ben"].cases == 10


def test_weighted_points_are_count_times_points_plus_the_allowance(north):
    lines = _lines(north[0])
    assert [lines[name].weighted_points for name in "Ann Ben Cat Dan".split()] == [57, 59, 95, 15]


def test_capacity_is_pro_rata_and_lower_in_the_early_career_year(north):
    lines = _lines(north[0])
    assert [lines[name].capacity for name in "Ann Ben Cat Dan".split()] == [100, 50, 90, 80]
    assert lines["Cat"].early_career and not lines["Cat"].fte_recorded


def test_percent_of_capacity_and_who_is_over(north):
    lines = _lines(north[0])
    assert [lines[name].percent_of_capacity for name in "Ann Ben Cat Dan".split()] == [
        Decimal("57.0"),
        Decimal("118.0"),
        Decimal("105.6"),
        Decimal("18.8"),
    ]
    assert [name for name, line in sorted(lines.items()) if line.over_capacity] == ["Ben", "Cat"]


def test_exactly_at_capacity_is_not_over(north):
    team, people = north
    # Court work 4 x 10 + child in care 5 x 5 + 15 = 80, Dan's capacity at 0.8 FTE.
    _snapshot(people["Dan"], ON, {("court_work", "standard"): 4, ("child_in_care", "standard"): 5})
    line = _lines(team)["Dan"]
    assert line.weighted_points == line.capacity == 80
    assert not line.over_capacity


def test_team_figures(north):
    workload = selectors.team_workload(team=north[0], on=ON)
    assert len(workload.case_holders) == 3
    assert workload.cases == 29
    assert workload.case_holder_fte == Decimal("2.5")
    assert workload.average_caseload == Decimal("11.6")
    assert workload.weighted_points == 226
    assert workload.capacity == 320
    assert workload.percent_of_capacity == Decimal("70.6")
    assert [line.staff_member.first_name for line in workload.over] == ["Ben", "Cat"]
    assert workload.target_caseload == Decimal("24")


def test_a_leaver_counts_while_in_post(north):
    workload = selectors.team_workload(team=north[0], on=date(2026, 8, 31))
    assert sorted(line.staff_member.first_name for line in workload.lines) == ["Ann", "Eve"]
    assert workload.cases == 14 and workload.average_caseload == Decimal("7.0")


def test_trend_of_average_caseload_over_snapshot_dates(north):
    assert selectors.team_caseload_trend(team=north[0]) == [
        (date(2026, 8, 31), Decimal("7.0")),  # Ann 5 + Eve 9 over 2 FTE
        (date(2026, 9, 15), Decimal("10.0")),  # Ann 5 + Ben 10 over 1.5 FTE
        (ON, Decimal("11.6")),
        (date(2026, 10, 31), Decimal("9.4")),  # 29 + Fay 4 = 33 over 3.5 FTE
    ]


def test_trend_keeps_the_last_points(north):
    assert [on for on, _ in selectors.team_caseload_trend(team=north[0], points=2)] == [ON, date(2026, 10, 31)]


def test_no_scheme_gives_caseloads_without_points(db):
    staff = StaffMemberFactory()
    CaseloadSnapshotFactory(staff_member=staff, date=ON, count=3)
    workload = selectors.team_workload(team=staff.team, on=ON)
    assert workload.cases == 3 and workload.average_caseload == Decimal("3.0")
    assert workload.weighted_points is None and workload.capacity is None and workload.percent_of_capacity is None
    assert workload.over == []


def test_a_team_with_no_cases_has_no_average(db):
    team = TeamFactory()
    assert selectors.team_workload(team=team, on=ON).average_caseload is None


def test_one_count_per_worker_date_type_and_complexity(db):
    snapshot = CaseloadSnapshotFactory()
    with pytest.raises(IntegrityError):
        CaseloadSnapshotFactory(staff_member=snapshot.staff_member)


def test_complexity_defaults_to_standard(db):
    from pswhub.workload.models import CaseloadSnapshot

    snapshot = CaseloadSnapshot.objects.create(
        staff_member=StaffMemberFactory(), date=ON, case_type_id="child_in_need", count=2
    )
    assert snapshot.complexity_id == "standard"


def test_each_trend_point_counts_fte_as_it_was_on_that_date(north):
    team, people = north
    # Ann goes from full time to half time on 1 October 2026: the October points count her at 0.5.
    ann = people["Ann"].assignments.get()
    ann.ends_on = date(2026, 9, 30)
    ann.save()
    AssignmentFactory(staff_member=people["Ann"], team=team, starts_on=date(2026, 10, 1), fte=Decimal("0.5"))

    trend = dict(selectors.team_caseload_trend(team=team))

    for on, average in trend.items():
        assert average == selectors.team_workload(team=team, on=on).average_caseload, on
    assert trend[date(2026, 9, 15)] == Decimal("10.0")  # before the change, as before
