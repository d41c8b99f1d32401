"""The programme schedule and the workload cap kept in step; the report section."""

import json
from datetime import date

import pytest

from pswhub.core.periods import Period
from pswhub.core.report_sections import SectionData
from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.people_development import schedule, services
from pswhub.people_development.models import EarlyCareerProgramme
from pswhub.people_development.report_section import PeopleDevelopmentSection
from pswhub.people_development.tests.factories import PlacementFactory
from pswhub.workload.selectors import early_career_on

pytestmark = pytest.mark.django_db


def asye():
    return EarlyCareerProgramme.objects.get(code="asye")


def test_months_after_keeps_the_day_or_takes_the_months_last():
    assert schedule.months_after(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert schedule.months_after(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_an_asye_record_has_reviews_at_3_and_6_months_and_a_final_assessment_at_12():
    staff = StaffMemberFactory()
    record = services.early_career_record_save(
        staff_member=staff, programme=asye(), started_on=date(2026, 1, 5), outcome="in_progress"
    )
    reviews = [(review.months, review.due_on, review.is_final) for review in record.reviews.all()]
    assert reviews == [
        (3, date(2026, 4, 5), False),
        (6, date(2026, 7, 5), False),
        (12, date(2027, 1, 5), True),
    ]
    # The workload app's early-career year covers the twelve months: 5 January 2026 to 4 January 2027.
    assert (record.workload_year.starts_on, record.workload_year.ends_on) == (date(2026, 1, 5), date(2027, 1, 4))
    assert early_career_on(staff_members=[staff], on=date(2027, 1, 4)) == {staff.pk}
    assert early_career_on(staff_members=[staff], on=date(2027, 1, 5)) == set()


def test_the_two_year_programme_is_data_with_five_review_points_and_a_two_year_cap():
    record = services.early_career_record_save(
        staff_member=StaffMemberFactory(),
        programme=EarlyCareerProgramme.objects.get(code="early_career"),
        started_on=date(2027, 9, 6),
        outcome="in_progress",
    )
    assert [review.months for review in record.reviews.all()] == [3, 6, 12, 18, 24]
    assert record.workload_year.ends_on == date(2029, 9, 5)


def test_a_pause_moves_later_reviews_and_the_cap_on_by_its_days():
    record = services.early_career_record_save(
        staff_member=StaffMemberFactory(), programme=asye(), started_on=date(2026, 1, 5), outcome="in_progress"
    )
    services.review_record(review=record.reviews.get(months=3), held_on=date(2026, 4, 2), progress="on_track")
    # A 30-day pause from 1 May: the 3-month review (held) stays; the rest move on 30 days.
    services.programme_pause_add(record=record, starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 30))
    due = {review.months: review.due_on for review in record.reviews.all()}
    assert due == {3: date(2026, 4, 5), 6: date(2026, 8, 4), 12: date(2027, 2, 4)}
    record.refresh_from_db()
    assert record.workload_year.ends_on == date(2027, 2, 3)


def test_passing_early_ends_the_lower_capacity_on_the_day_and_an_open_record_has_no_end():
    record = services.early_career_record_save(
        staff_member=StaffMemberFactory(), programme=asye(), started_on=date(2026, 1, 5), outcome="in_progress"
    )
    year_id = record.workload_year_id
    services.early_career_record_save(record=record, outcome="passed", completed_on=date(2026, 12, 18))
    record.refresh_from_db()
    assert record.workload_year_id == year_id  # the same year, changed, not a second one
    assert record.workload_year.ends_on == date(2026, 12, 18)
    with pytest.raises(ValueError, match=services.OPEN_RECORD_HAS_NO_END):
        services.early_career_record_save(record=record, outcome="in_progress", completed_on=date(2026, 12, 18))


def test_the_report_section_is_plain_values_and_suppresses_small_counts():
    for _ in range(6):
        PlacementFactory(academic_year=2025, route_id="degree", started_on=date(2025, 9, 8))
    PlacementFactory(academic_year=2025, route_id="frontline", started_on=date(2025, 9, 8))
    data = PeopleDevelopmentSection().build(Period.financial_year(2025), "all")
    assert SectionData.from_dict(json.loads(json.dumps(data.as_dict()))) == data
    rows = {row[0]: row[2] for row in data.table.rows}
    # 6 degree and 1 Frontline: the 1 is hidden, and so is the 6, or the total 7 would reveal it.
    assert rows["Placements: Frontline"] == "c"
    assert rows["Placements: Undergraduate degree"] == "c"
    assert rows["Placements: total"] == 7
    assert " c " not in data.comparison


def test_the_report_section_says_when_there_is_nothing_to_report():
    data = PeopleDevelopmentSection().build(Period.financial_year(2025), "all")
    assert data.table is None
    assert "holds no student placements" in data.comparison


def test_a_year_the_workload_app_already_holds_is_adopted_not_doubled():
    from pswhub.workload.services import early_career_year_save

    staff = StaffMemberFactory()
    held = early_career_year_save(staff_member=staff, starts_on=date(2026, 3, 2), ends_on=date(2027, 3, 1))
    record = services.early_career_record_save(
        staff_member=staff, programme=asye(), started_on=date(2026, 3, 2), outcome="in_progress"
    )
    assert record.workload_year_id == held.pk
    assert staff.early_career_years.count() == 1
