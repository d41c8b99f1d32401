"""Employment history from HR extracts: a change of team, job, census role, FTE or contract type
ends the current assignment and starts a new one, dated by the extract's effective date or the
import date; importing the same extract again changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from pswhub.core.tests.factories import TeamFactory
from pswhub.workforce import hr_import
from pswhub.workforce.hr_import import BAD_DATE, LEAVING_WITHOUT_DATE, UNKNOWN_CODE, Problem, extract_read
from pswhub.workforce.models import Assignment
from pswhub.workforce.services import ExtractImportError, hr_extract_import

HEADER = hr_import.TEMPLATE_COLUMNS


def extract(*rows, header=HEADER):
    lines = [",".join(header)] + [",".join(cells) for cells in rows]
    return extract_read(content=("\r\n".join(lines) + "\r\n").encode(), file_name="staff.csv")


def row(number="E1", **values):
    cells = {
        "employee_number": number,
        "first_name": "Amina",
        "last_name": "Khan",
        "email": "",
        "job_title": "Social worker",
        "team": "North",
        "started_on": "2020-01-06",
        "left_on": "",
        "fte": "1",
        "contract_type": "permanent",
        "swe_number": "",
        "census_role": "5",
        "start_origin": "",
        "reason_leave": "",
        "leaver_destination": "",
        "service": "",
        "effective_on": "",
    } | values
    return [cells[column] for column in HEADER]


def history(number="E1"):
    return [
        (a.team.name if a.team else None, a.org_role, a.fte, a.contract_type, a.starts_on, a.ends_on)
        for a in Assignment.objects.filter(staff_member__employee_number=number).order_by("starts_on")
    ]


@pytest.fixture
def teams(db):
    return TeamFactory(name="North"), TeamFactory(name="South")


def test_a_first_import_starts_the_assignment_on_the_start_date(teams):
    hr_extract_import(extract=extract(row(effective_on="2024-04-01")))
    assert history() == [("North", "5", Decimal("1"), "permanent", date(2020, 1, 6), None)]


def test_a_change_of_fte_ends_the_assignment_the_day_before_the_effective_date(teams):
    hr_extract_import(extract=extract(row(effective_on="2024-04-01")))
    result = hr_extract_import(extract=extract(row(fte="0.6", effective_on="2025-03-01")))
    assert result.updated_numbers == ["E1"]
    assert history() == [
        ("North", "5", Decimal("1"), "permanent", date(2020, 1, 6), date(2025, 2, 28)),
        ("North", "5", Decimal("0.6"), "permanent", date(2025, 3, 1), None),
    ]


def test_without_an_effective_date_a_change_is_dated_by_the_import(teams):
    hr_extract_import(extract=extract(row()))
    with time_machine.travel(date(2025, 6, 10)):
        hr_extract_import(extract=extract(row(team="South", census_role="4")))
    assert history() == [
        ("North", "5", Decimal("1"), "permanent", date(2020, 1, 6), date(2025, 6, 9)),
        ("South", "4", Decimal("1"), "permanent", date(2025, 6, 10), None),
    ]


def test_a_file_without_the_new_columns_still_keeps_history(teams):
    old_header = HEADER[: HEADER.index("swe_number") + 1]
    hr_extract_import(extract=extract(row()[: len(old_header)], header=old_header))
    with time_machine.travel(date(2025, 6, 10)):
        hr_extract_import(extract=extract(row(contract_type="fixed_term")[: len(old_header)], header=old_header))
    assert [entry[3:] for entry in history()] == [
        ("permanent", date(2020, 1, 6), date(2025, 6, 9)),
        ("fixed_term", date(2025, 6, 10), None),
    ]


def test_importing_the_same_changed_extract_twice_changes_nothing_more(teams):
    hr_extract_import(extract=extract(row()))
    changed = extract(row(fte="0.8", effective_on="2025-03-01"))
    hr_extract_import(extract=changed)
    before = (history(), Assignment.history.count())
    with time_machine.travel(date(2026, 1, 5)):
        second = hr_extract_import(extract=changed)
    assert (second.updated, second.unchanged) == (0, 1)
    assert (history(), Assignment.history.count()) == before


def test_a_leaving_date_ends_the_current_assignment(teams):
    hr_extract_import(extract=extract(row()))
    hr_extract_import(extract=extract(row(left_on="2025-07-31")))
    assert history() == [("North", "5", Decimal("1"), "permanent", date(2020, 1, 6), date(2025, 7, 31))]


def test_a_change_dated_on_or_before_the_current_start_corrects_it_without_overlap(teams):
    hr_extract_import(extract=extract(row()))
    hr_extract_import(extract=extract(row(fte="0.5", effective_on="2025-03-01")))
    hr_extract_import(extract=extract(row(fte="0.6", effective_on="2025-03-01")))
    assert history()[1:] == [("North", "5", Decimal("0.6"), "permanent", date(2025, 3, 1), None)]
    assert len(history()) == 2


def test_a_returner_starts_a_new_assignment(teams):
    hr_extract_import(extract=extract(row(left_on="2023-03-31")))
    hr_extract_import(extract=extract(row(started_on="2024-05-01", fte="0.5", effective_on="2024-05-01")))
    assert [entry[2:] for entry in history()] == [
        (Decimal("1"), "permanent", date(2020, 1, 6), date(2023, 3, 31)),
        (Decimal("0.5"), "permanent", date(2024, 5, 1), None),
    ]


def test_a_row_saying_nothing_of_the_job_makes_no_assignment(teams):
    hr_extract_import(extract=extract(row(job_title="", team="", fte="", contract_type="", census_role="")))
    assert history() == []


def test_an_extract_with_any_problem_changes_no_history(teams):
    hr_extract_import(extract=extract(row("E1"), row("E2")))
    bad = extract(row("E1", fte="0.5", effective_on="2025-03-01"), row("E2", census_role="7", effective_on="soon"))
    assert bad.problems == [
        Problem(3, "effective_on", BAD_DATE.format(value="soon")),
        Problem(3, "census_role", UNKNOWN_CODE.format(column="census role", allowed="1, 2, 3, 4, 5, 6", value="7")),
    ]
    with pytest.raises(ExtractImportError):
        hr_extract_import(extract=bad)
    assert len(history("E1")) == 1 and Assignment.history.count() == 2


def test_a_dry_run_reports_the_change_and_writes_nothing(teams):
    hr_extract_import(extract=extract(row()))
    result = hr_extract_import(extract=extract(row(fte="0.5", effective_on="2025-03-01")), dry_run=True)
    assert result.updated_numbers == ["E1"] and len(history()) == 1


def test_origin_goes_on_the_first_assignment_and_leaving_details_on_the_last(teams):
    hr_extract_import(extract=extract(row(start_origin="2")))
    hr_extract_import(extract=extract(row(fte="0.5", effective_on="2024-04-01")))
    leaving = row(fte="0.5", effective_on="2024-04-01", left_on="2025-07-31", reason_leave="1", leaver_destination="3")
    hr_extract_import(extract=extract(leaving))
    first, last = Assignment.objects.order_by("starts_on")
    assert (first.start_origin, first.reason_leave) == ("2", "")
    assert (last.start_origin, last.reason_leave, last.leaver_destination, last.ends_on) == (
        "",
        "1",
        "3",
        date(2025, 7, 31),
    )
    before = Assignment.history.count()
    again = hr_extract_import(extract=extract(leaving))
    assert again.unchanged == 1 and Assignment.history.count() == before


def test_leaving_details_need_a_leaving_date_and_census_codes(teams):
    problems = extract(row(reason_leave="1", leaver_destination="12", start_origin="11")).problems
    assert problems == [
        Problem(2, "start_origin", UNKNOWN_CODE.format(column="start origin", allowed="1, 2, 3, 4, 5, 6, 7, 8, 9, 10",
                                                       value="11")),
        Problem(2, "reason_leave", LEAVING_WITHOUT_DATE.format(column="reason leave")),
        Problem(2, "leaver_destination", UNKNOWN_CODE.format(column="leaver destination",
                                                             allowed="1, 2, 3, 4, 5, 6, 7, 8, 9", value="12")),
    ]  # fmt: skip
