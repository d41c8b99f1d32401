"""Each pre-submission check, with a worker it flags and one it lets through."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.workforce import checks
from pswhub.workforce.models import CensusWorker, CensusYear

YEAR = CensusYear(year=2024, vacancies_fte=Decimal("2"))  # 1 October 2023 to 30 September 2024


def line(**fields):
    defaults = {"swe_number": "SW123", "agency": False, "fte": Decimal("1"), "role_start_date": date(2020, 1, 6)}
    return CensusWorker(**{**defaults, **fields})


def problems(rule, worker):
    return [(problem.swe_number, problem.field, problem.message) for problem in rule(worker, YEAR)]


@pytest.mark.parametrize("number", ["SW1", "SW1234567890", "SW004512"])
def test_swe_numbers_of_up_to_ten_digits_pass(number):
    assert problems(checks.swe_number_format, line(swe_number=number)) == []


@pytest.mark.parametrize("number", ["SW12345678901", "XY123", "SW", "sw123", "SW12A"])
def test_other_swe_numbers_are_flagged(number):
    found = problems(checks.swe_number_format, line(swe_number=number))
    assert found == [(number, "SWENo", checks.SWE_NUMBER_FORMAT)]


def test_fte_between_zero_and_one_passes():
    assert problems(checks.fte_between_zero_and_one, line(fte=Decimal("0"), fte_30=Decimal("1"))) == []


def test_fte_above_one_or_below_zero_is_flagged_per_field():
    found = problems(checks.fte_between_zero_and_one, line(fte=Decimal("1.2"), fte_30=Decimal("-0.1")))
    assert found == [("SW123", "FTE", checks.FTE_OUT_OF_RANGE), ("SW123", "FTE30", checks.FTE_OUT_OF_RANGE)]


@pytest.mark.parametrize("end", [date(2023, 10, 1), date(2024, 9, 30)])
def test_end_dates_within_the_year_pass(end):
    assert problems(checks.leaver_end_date_within_year, line(role_end_date=end)) == []


@pytest.mark.parametrize("end", [date(2023, 9, 30), date(2024, 10, 1)])
def test_end_dates_outside_the_year_are_flagged(end):
    message = checks.LEAVER_END_DATE_OUTSIDE_YEAR.format(start=date(2023, 10, 1), end=date(2024, 9, 30))
    assert problems(checks.leaver_end_date_within_year, line(role_end_date=end)) == [("SW123", "RoleEndDate", message)]


def test_a_leaver_with_reason_and_destination_passes():
    leaver = line(role_end_date=date(2024, 6, 1), reason_leave="1", leaver_destination="3")
    assert problems(checks.leaver_reason_and_destination_present, leaver) == []


def test_a_leaver_without_reason_or_destination_is_flagged():
    found = problems(checks.leaver_reason_and_destination_present, line(role_end_date=date(2024, 6, 1)))
    assert found == [
        ("SW123", "ReasonLeave", checks.LEAVER_REASON_MISSING),
        ("SW123", "LeaverDestination", checks.LEAVER_DESTINATION_MISSING),
    ]


def test_cases_for_a_worker_in_post_pass():
    assert problems(checks.cases_only_for_those_in_post, line(cases_30=12)) == []


def test_cases_for_a_leaver_are_flagged():
    found = problems(checks.cases_only_for_those_in_post, line(cases_30=12, role_end_date=date(2024, 6, 1)))
    assert found == [("SW123", "Cases30", checks.CASES_FOR_WORKER_NOT_IN_POST)]


def test_a_start_after_30_september_is_flagged_and_one_before_passes():
    assert problems(checks.start_not_after_reference_date, line(role_start_date=date(2024, 9, 30))) == []
    found = problems(checks.start_not_after_reference_date, line(role_start_date=date(2024, 10, 1)))
    assert found == [("SW123", "RoleStartDate", checks.START_AFTER_REFERENCE_DATE.format(end=date(2024, 9, 30)))]


def test_agency_workers_with_leaving_details_are_flagged_and_without_pass():
    assert problems(checks.agency_workers_have_no_leaver_details, line(agency=True)) == []
    found = problems(checks.agency_workers_have_no_leaver_details, line(agency=True, reason_leave="1"))
    assert found == [("SW123", "ReasonLeave", checks.AGENCY_WORKER_WITH_LEAVER_DETAILS)]


def test_vacancies_must_be_recorded_even_if_none():
    assert list(checks.vacancies_recorded(YEAR)) == []
    assert [p.field for p in checks.vacancies_recorded(CensusYear(year=2024, vacancies_fte=None))] == [
        "NumberOfVacancies"
    ]


def test_the_year_check_lists_problems_per_worker_in_swe_order():
    workers = [
        line(swe_number="SW9", fte=Decimal("2")),
        line(swe_number="SW1", cases_30=1, role_end_date=date(2024, 1, 1)),
    ]
    found = [(p.swe_number, p.field) for p in checks.census_year_check(census_year=YEAR, workers=workers)]
    assert found == [("SW1", "ReasonLeave"), ("SW1", "LeaverDestination"), ("SW1", "Cases30"), ("SW9", "FTE")]
