"""The people development figures against values worked out by hand from the seeds' own numbers
(docs/figures.md, "People development")."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.core.figures import rate
from pswhub.core.periods import Period
from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.people_development import figures
from pswhub.people_development.tests.factories import (
    ApplicationFactory,
    EarlyCareerRecordFactory,
    PanelFactory,
    PlacementFactory,
    PracticeEducatorFactory,
)
from pswhub.workforce.records import staff_profile_update

pytestmark = pytest.mark.django_db


def _records(n, **fields):
    return [EarlyCareerRecordFactory(**fields) for _ in range(n)]


def test_progressed_by_year_is_16_19_25_then_14_and_eight_have_applied_in_2022():
    # Seed 004: "2018, 16 progressed, 2019, 19, 2020, 25", 14 in 2021, "so far in 2022 eight social
    # workers have already applied". Each year also has two "not yet" and one withdrawn.
    for year, progressed in [(2018, 16), (2019, 19), (2020, 25), (2021, 14)]:
        panel = PanelFactory(held_on=date(year, 6, 15))
        for _ in range(progressed):
            ApplicationFactory(panel=panel, outcome="progressed")
        ApplicationFactory.create_batch(2, panel=panel, outcome="not_yet")
        ApplicationFactory(panel=panel, outcome="withdrawn")
    for month in range(1, 9):
        ApplicationFactory(panel=None, applied_on=date(2022, month, 3), outcome="waiting")

    assert figures.progressed_by_year(years=range(2018, 2023)) == {2018: 16, 2019: 19, 2020: 25, 2021: 14, 2022: 0}
    assert figures.progressed(period=Period.calendar_year(2020)) == 25
    assert figures.progression_applications(period=Period.calendar_year(2022)) == 8
    # 2020's applications have no application date: the panel's date places them (25 + 2 + 1).
    assert figures.progression_applications(period=Period.calendar_year(2020)) == 28


def test_116_passed_since_2017_and_87_still_employed():
    # Seed 002: "since 2017, a total of 116 NQSW had successfully passed the programme and been
    # employed ..., and of those 87 were still currently in ... employment".
    end = date(2023, 3, 31)
    passed = []
    for year, n in [(2018, 20), (2019, 22), (2020, 24), (2021, 25), (2022, 25)]:
        passed += _records(n, started_on=date(year - 1, 9, 1), outcome="passed", completed_on=date(year, 9, 1))
    assert len(passed) == 116
    for record in passed[:29]:  # 29 left by the end of March 2023
        record.staff_member.left_on = date(2022, 12, 31)
        record.staff_member.save()
    for record in passed[29:32]:  # three left after it: still employed on the day
        record.staff_member.left_on = date(2023, 5, 31)
        record.staff_member.save()
    _records(5, started_on=date(2020, 9, 1), outcome="failed", completed_on=date(2021, 9, 1))
    _records(4, started_on=date(2022, 9, 1))
    _records(2, started_on=date(2022, 9, 1), outcome="passed", completed_on=date(2023, 4, 3))  # after the end

    result = figures.passed_since_start_and_still_employed(period=Period.financial_year(2022))
    assert result == {"passed": 116, "still_employed": 87}
    assert Period.financial_year(2022).end == end


def test_54_placements_in_2020_21_by_route():
    # Seed 004: 54 placements in 2020/21, 42 from teaching partnership universities (degree and
    # masters) and 12 on other programmes (Step Up cohort 6's seven, four apprentices, one other).
    routes = {"degree": 30, "masters": 12, "step_up": 7, "apprenticeship": 4, "other": 1}
    n = 0
    for route, count in routes.items():
        for _ in range(count):
            n += 1
            # Half have a start date in the academic year; the rest count from 1 September 2020.
            started = date(2021, 1, 11) if n % 2 else None
            PlacementFactory(academic_year=2020, route_id=route, started_on=started)
    PlacementFactory(academic_year=2019, started_on=date(2020, 1, 6))  # 2019/20
    PlacementFactory(academic_year=2021)  # 2021/22, no date: 1 September 2021
    PlacementFactory(academic_year=2020, started_on=date(2021, 9, 6))  # recorded late: starts in 2021/22

    period = Period.academic_year(2020)
    assert period.label == "2020/21"
    by_route = figures.placements_by_route(period=period)
    assert by_route == {
        "degree": 30,
        "masters": 12,
        "step_up": 7,
        "frontline": 0,
        "apprenticeship": 4,
        "think_ahead": 0,
        "open_university": 0,
        "other": 1,
    }
    assert figures.placements(period=period) == 54


def test_33_of_the_42_newly_qualified_recruited_had_their_final_placement_here():
    # Seed 004: "33 of the 42 Newly Qualified Social Workers recruited had their final social work
    # placement with the department".
    records = _records(42, started_on=date(2020, 9, 14))
    for record in records[:33]:
        PlacementFactory(academic_year=2019, kind="final", hired=record.staff_member, started_on=date(2020, 1, 6))
    for record in records[33:35]:  # a first placement here is not a final placement here
        PlacementFactory(academic_year=2018, kind="first", hired=record.staff_member, started_on=date(2019, 1, 7))
    _records(3, started_on=date(2021, 4, 6))  # the next year's starters

    period = Period.financial_year(2020)
    assert figures.programme_started(period=period) == 42
    assert figures.newly_qualified_recruited_after_final_placement_here(period=period) == 33
    # The 33 final placements started in 2019/20, so none is a final placement of 2020/21.
    assert figures.final_placement_students_hired(period=period) == 0
    assert figures.final_placement_students_hired(period=Period.academic_year(2019)) == 33


def test_11_of_a_cohort_of_62_left_during_or_within_12_months_of_completing():
    # Seed 004: "11 (18%) of Newly Qualified social workers (from a cohort of 62) left ... before
    # completing their ASYE programme or on completion".
    period = Period(date(2019, 4, 1), date(2021, 8, 31))
    started = date(2019, 4, 15)
    passed = _records(50, started_on=started, outcome="passed", completed_on=date(2020, 4, 15))
    withdrawn = _records(6, started_on=started, outcome="withdrawn", completed_on=date(2019, 12, 20))
    in_progress = _records(6, started_on=started, outcome="extended")
    leaving = {
        # six left during the programme
        **{record.staff_member: date(2019, 12, 20) for record in withdrawn},
        # five left within 12 months of passing (the last on the day 12 months after)
        **{record.staff_member: date(2020, 10, 1) for record in passed[:4]},
        passed[4].staff_member: date(2021, 4, 15),
        # two left 13 months after passing, one after the period's end: not counted
        passed[5].staff_member: date(2021, 5, 15),
        passed[6].staff_member: date(2021, 5, 15),
        passed[7].staff_member: date(2021, 9, 30),
    }
    for staff, left_on in leaving.items():
        staff.left_on = left_on
        staff.save()
    assert len(in_progress) == 6

    left = figures.left_during_or_within_12_months_of_completing(period=period)
    assert left == 11
    assert figures.programme_started(period=period) == 62
    assert rate(left, 62) == Decimal("17.7")  # 18% to the nearest whole number, as the seed says


def test_32_completed_the_asye_in_2021_and_54_are_on_it():
    # Seed 004: 32 completed the ASYE in 2021 and 54 are on it.
    _records(32, started_on=date(2020, 3, 2), outcome="passed", completed_on=date(2021, 3, 1))
    _records(2, started_on=date(2020, 3, 2), outcome="failed", completed_on=date(2021, 3, 1))
    _records(1, started_on=date(2019, 12, 2), outcome="passed", completed_on=date(2020, 12, 1))
    _records(50, started_on=date(2021, 6, 1))
    _records(3, started_on=date(2020, 9, 1), outcome="extended")
    _records(1, started_on=date(2021, 1, 11), outcome="passed", completed_on=date(2022, 1, 10))
    gone = EarlyCareerRecordFactory(started_on=date(2021, 6, 1))
    gone.staff_member.left_on = date(2021, 11, 30)
    gone.staff_member.save()
    _records(1, started_on=date(2022, 1, 5))

    year = Period.calendar_year(2021)
    assert figures.programme_passed(period=year) == 32
    assert figures.in_programme_at_end(period=year) == 54


def test_retention_12_24_and_36_months_after_completing():
    end = date(2024, 3, 31)
    a = EarlyCareerRecordFactory(started_on=date(2020, 3, 2), outcome="passed", completed_on=date(2021, 3, 1))
    b = EarlyCareerRecordFactory(started_on=date(2021, 3, 1), outcome="passed", completed_on=date(2022, 3, 1))
    c = EarlyCareerRecordFactory(started_on=date(2022, 3, 1), outcome="passed", completed_on=date(2023, 3, 1))
    EarlyCareerRecordFactory(started_on=date(2023, 3, 1), outcome="passed", completed_on=date(2024, 3, 1))
    a.staff_member.left_on = date(2023, 6, 30)  # after 24 months, before 36
    a.staff_member.save()
    b.staff_member.left_on = date(2022, 12, 1)  # before 12 months
    b.staff_member.save()
    assert c.staff_member.left_on is None

    # 12 months: a, b and c have passed 12 months by the end; a and c were still here then.
    # 24 months: a and b; a was still here 24 months on (1 March 2023), b was not.
    # 36 months: a passed on 1 March 2021; 36 months later (1 March 2024) a had gone.
    assert figures.retention_after_completing(period=Period(date(2023, 4, 1), end)) == {
        "12": {"completed": 3, "still_employed": 2},
        "24": {"completed": 2, "still_employed": 1},
        "36": {"completed": 1, "still_employed": 0},
    }


def test_new_practice_educators_in_a_year():
    # Seed 001's aim: "recruit 15 new practice educators".
    PracticeEducatorFactory.create_batch(15, qualified_on=date(2021, 7, 1))
    PracticeEducatorFactory(qualified_on=date(2021, 3, 31))
    PracticeEducatorFactory(qualified_on=None)
    assert figures.new_practice_educators(period=Period.financial_year(2021)) == 15


def test_newly_qualified_starters_by_age_and_sex():
    # Seed 000 asks for the age and gender of newly qualified social workers.
    people = [
        (date(1990, 9, 2), "F"),  # 29 on 1 September 2020: her 30th birthday is the day after
        (date(1995, 9, 1), "F"),  # 25 on the day
        (date(1990, 9, 1), "M"),  # 30 on the day
        (None, ""),  # nothing recorded
    ]
    for born, sex in people:
        record = EarlyCareerRecordFactory(started_on=date(2020, 9, 1))
        staff_profile_update(staff_member=record.staff_member, date_of_birth=born, sex=sex)
    EarlyCareerRecordFactory(started_on=date(2020, 9, 1), staff_member=StaffMemberFactory())  # no profile

    result = figures.starters_by_age_and_sex(period=Period.financial_year(2020))
    assert result["age"] == {
        "Under 30": 2,
        "30 to 39": 1,
        "40 to 49": 0,
        "50 to 59": 0,
        "60 and over": 0,
        "Not recorded": 2,
    }
    assert result["sex"] == {"Male": 1, "Female": 2, "Not known or not specified": 2}
