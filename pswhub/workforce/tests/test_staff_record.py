"""The staff record's workforce sections: employment history for whoever may open the record;
equality details and absence (special category) only for the PSW and HR officers, who alone
record them. Each view of those pages is logged."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pswhub.core.models import PersonalRecordView
from pswhub.core.tests.factories import PEOPLE
from pswhub.workforce.forms import END_BEFORE_START
from pswhub.workforce.models import AbsenceEpisode, StaffProfile
from pswhub.workforce.records import ABSENCE_OVERLAPS

from .factories import AbsenceEpisodeFactory, AssignmentFactory

KEEP_RECORDS = {"psw", "hr_officer"}


@pytest.fixture
def record(north_worker):
    """The north worker's staff record, with history, equality details and an absence."""
    staff = north_worker.staff_member
    AssignmentFactory(staff_member=staff, job_title="Social Worker", starts_on=date(2020, 1, 6),
                      ends_on=date(2024, 3, 31), start_origin="2")  # fmt: skip
    AssignmentFactory(staff_member=staff, job_title="Senior Social Worker", org_role="4", fte=Decimal("0.8"),
                      starts_on=date(2024, 4, 1))  # fmt: skip
    StaffProfile.objects.create(staff_member=staff, swe_number="SW77", qualification_route="step_up",
                                date_of_birth=date(1990, 5, 17), sex="F", gender_current="2", ethnicity="BCRB")  # fmt: skip
    AbsenceEpisodeFactory(staff_member=staff, reason="UNA", working_days_lost=Decimal("2.5"))
    return staff


@pytest.mark.parametrize("person", PEOPLE)
def test_equality_and_absence_show_only_to_the_psw_and_hr_officers(client, everyone, record, person):
    client.force_login(everyone[person])
    response = client.get(reverse("core:staff_detail", args=[record.pk]))
    if response.status_code == 404:  # councillors, auditors, administrators, other teams' workers
        assert person not in KEEP_RECORDS | {"north_manager", "north_worker", "qa_officer", "head_of_service"}
        return
    page = response.content.decode()
    assert "Employment history" in page and "Senior Social Worker" in page and "SW77" in page
    special = ["Equality details", "Black Caribbean", "17 May 1990", "Unauthorised absence", "2.50"]
    assert [text in page for text in special] == [person in KEEP_RECORDS] * len(special), person
    assert ("Social worker role in a different local authority" in page) == (person in KEEP_RECORDS)


@pytest.mark.parametrize("name", ["absence_create", "personal_details"])
@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_open_the_record_pages(client, everyone, record, person, name):
    client.force_login(everyone[person])
    response = client.get(reverse(f"workforce:{name}", args=[record.pk]))
    assert response.status_code == (200 if person in KEEP_RECORDS else 403), person


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_record_an_absence(client, everyone, record, person):
    client.force_login(everyone[person])
    data = {"starts_on-day": "3", "starts_on-month": "3", "starts_on-year": "2025", "reason": "SIC",
            "working_days_lost": "4"}  # fmt: skip
    response = client.post(reverse("workforce:absence_create", args=[record.pk]), data)
    assert response.status_code == (302 if person in KEEP_RECORDS else 403), person
    assert AbsenceEpisode.objects.filter(reason="SIC").exists() == (person in KEEP_RECORDS)


def test_an_absence_ending_before_it_starts_or_overlapping_another_is_refused(client, hr_officer, record):
    client.force_login(hr_officer)
    url = reverse("workforce:absence_create", args=[record.pk])
    base = {"starts_on-day": "7", "starts_on-month": "1", "starts_on-year": "2025", "reason": "SIC",
            "working_days_lost": "1"}  # fmt: skip
    backwards = client.post(url, base | {"ends_on-day": "6", "ends_on-month": "1", "ends_on-year": "2025"})
    assert END_BEFORE_START in backwards.content.decode()
    overlapping = client.post(url, base)
    assert ABSENCE_OVERLAPS.format(starts_on=date(2025, 1, 6)) in overlapping.content.decode()
    assert AbsenceEpisode.objects.count() == 1


def test_the_hr_officer_changes_equality_details_and_the_view_is_logged(client, hr_officer, record):
    client.force_login(hr_officer)
    url = reverse("workforce:personal_details", args=[record.pk])
    assert client.get(url).status_code == 200
    data = {"swe_number": "sw 78", "qualification_route": "frontline", "date_of_birth-day": "17",
            "date_of_birth-month": "5", "date_of_birth-year": "1990", "sex": "F", "gender_current": "2",
            "ethnicity": "BAFR"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    profile = StaffProfile.objects.get(staff_member=record)
    assert (profile.swe_number, profile.qualification_route, profile.ethnicity) == ("SW78", "frontline", "BAFR")
    assert profile.history.count() == 2
    assert PersonalRecordView.objects.filter(viewer=hr_officer, staff_member=record).count() == 2


def test_an_swe_number_held_by_someone_else_is_refused(client, psw, record, north_manager):
    StaffProfile.objects.create(staff_member=north_manager.staff_member, swe_number="SW99")
    client.force_login(psw)
    response = client.post(reverse("workforce:personal_details", args=[record.pk]), {"swe_number": "SW99"})
    assert response.status_code == 200 and StaffProfile.objects.get(staff_member=record).swe_number == "SW77"


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_record_starting_and_leaving_details(client, everyone, record, person):
    client.force_login(everyone[person])
    last = record.assignments.latest("starts_on")
    data = {"org_role": "4", "start_origin": "", "reason_leave": "1", "leaver_destination": "3"}
    response = client.post(reverse("workforce:assignment_details", args=[record.pk, last.pk]), data)
    assert response.status_code == (302 if person in KEEP_RECORDS else 403), person
    last.refresh_from_db()
    assert (last.reason_leave == "1") == (person in KEEP_RECORDS)
