"""Who sees and changes people development: every role's can, with its cannot beside it."""

from datetime import date

import pytest
from django.urls import reverse

from pswhub.people_development import services
from pswhub.people_development.models import EarlyCareerProgramme
from pswhub.people_development.tests.factories import (
    ApplicationFactory,
    CohortFactory,
    PlacementFactory,
    PracticeEducatorFactory,
)

EVERYONE = {
    "psw", "qa_officer", "auditor", "hr_officer", "head_of_service", "councillor", "admin", "north_manager",
    "north_worker", "south_worker",
}  # fmt: skip
READERS = {"psw", "qa_officer", "hr_officer", "head_of_service"}
KEEPERS = {"psw", "hr_officer"}


@pytest.fixture
def records(everyone):
    worker = everyone["north_worker"].staff_member
    record = services.early_career_record_save(
        staff_member=worker,
        programme=EarlyCareerProgramme.objects.get(code="asye"),
        started_on=date(2026, 1, 5),
        outcome="in_progress",
    )
    application = ApplicationFactory(staff_member=worker, outcome="waiting")
    return {
        "record": record,
        "review": record.reviews.first(),
        "placement": PlacementFactory(),
        "educator": PracticeEducatorFactory(),
        "cohort": CohortFactory(),
        "panel": application.panel,
        "application": application,
    }


def _url(name, key, records):
    return (
        reverse(f"people_development:{name}", args=[records[key].pk]) if key else reverse(f"people_development:{name}")
    )


def _expect(client, everyone, records, name, key, allowed, refused=403, hidden=frozenset()):
    for person, user in everyone.items():
        client.force_login(user)
        status = client.get(_url(name, key, records)).status_code
        expected = 200 if person in allowed else 404 if person in hidden else refused
        assert status == expected, (person, name, status)


def test_the_figures_are_for_those_who_read_across_the_service_and_councillors(client, everyone, records):
    _expect(client, everyone, records, "dashboard", None, READERS | {"councillor"})


@pytest.mark.parametrize(
    "name,key",
    [
        ("placement_list", None),
        ("income_list", None),
        ("educator_list", None),
        ("cohort_list", None),
        ("cohort_detail", "cohort"),
    ],
)
def test_placements_educators_and_cohorts_are_read_across_the_service_only(client, everyone, records, name, key):
    _expect(client, everyone, records, name, key, READERS)


@pytest.mark.parametrize(
    "name,key",
    [
        ("placement_add", None),
        ("placement_edit", "placement"),
        ("educator_add", None),
        ("educator_edit", "educator"),
        ("cohort_add", None),
    ],
)
def test_only_the_psw_and_hr_record_placements_educators_and_cohorts(client, everyone, records, name, key):
    _expect(client, everyone, records, name, key, KEEPERS)


def test_early_career_records_are_listed_for_readers_and_team_managers(client, everyone, records):
    _expect(client, everyone, records, "record_list", None, READERS | {"north_manager"})


def test_a_record_opens_for_readers_its_manager_and_the_worker_and_is_hidden_from_others(client, everyone, records):
    _expect(
        client, everyone, records, "record_detail", "record",
        READERS | {"north_manager", "north_worker"},
        hidden={"auditor", "councillor", "admin", "south_worker"},
    )  # fmt: skip


def test_a_review_is_recorded_by_the_psw_hr_and_the_workers_manager_only(client, everyone, records):
    _expect(
        client, everyone, records, "review_edit", "review",
        KEEPERS | {"north_manager"},
        hidden={"auditor", "councillor", "admin", "south_worker"},
    )  # fmt: skip


def test_only_the_psw_and_hr_start_or_change_a_programme_record(client, everyone, records):
    _expect(client, everyone, records, "record_add", None, KEEPERS)
    _expect(client, everyone, records, "record_edit", "record", KEEPERS)


@pytest.mark.parametrize("name,key", [("panel_list", None), ("panel_detail", "panel"), ("accreditation_list", None)])
def test_progression_panels_are_read_by_readers_and_team_managers(client, everyone, records, name, key):
    _expect(client, everyone, records, name, key, READERS | {"north_manager"})


@pytest.mark.parametrize(
    "name,key", [("panel_add", None), ("application_add", None), ("application_decide", "application")]
)
def test_only_the_psw_and_hr_record_panels_applications_and_decisions(client, everyone, records, name, key):
    _expect(client, everyone, records, name, key, KEEPERS)


def test_anyone_with_a_staff_record_sees_their_own_development_and_no_one_else_does(client, everyone, records):
    _expect(client, everyone, records, "own", None, {"north_manager", "north_worker", "south_worker"})


def test_the_area_opens_for_everyone_but_auditors_and_administrators(client, everyone, records):
    for person, user in everyone.items():
        client.force_login(user)
        status = client.get(reverse("people_development:home")).status_code
        assert status == (403 if person in {"auditor", "admin"} else 302), person


def test_an_assessor_sees_and_reviews_the_worker_they_assess_but_not_another(client, everyone, records):
    south = everyone["south_worker"]
    record = records["record"]
    services.early_career_record_save(record=record, assessor=south.staff_member)
    other = services.early_career_record_save(
        staff_member=everyone["north_manager"].staff_member,
        programme=record.programme,
        started_on=date(2026, 2, 2),
        outcome="in_progress",
    )
    client.force_login(south)
    assert client.get(reverse("people_development:record_list")).status_code == 200
    assert client.get(reverse("people_development:review_edit", args=[records["review"].pk])).status_code == 200
    assert client.get(reverse("people_development:record_detail", args=[other.pk])).status_code == 404
    other_review = other.reviews.first()
    assert client.get(reverse("people_development:review_edit", args=[other_review.pk])).status_code == 404


def test_a_councillor_sees_small_counts_as_c_and_the_psw_sees_them(client, psw, councillor):
    PlacementFactory(academic_year=2025, route_id="frontline", started_on=date(2025, 9, 8))
    url = reverse("people_development:dashboard") + "?year=2025"
    client.force_login(psw)
    psw_page = client.get(url).content.decode()
    client.force_login(councillor)
    councillor_page = client.get(url).content.decode()
    assert "Counts of fewer than 5 people" in councillor_page
    assert "Counts of fewer than 5 people" not in psw_page


def test_the_hr_officer_records_placement_income_and_a_head_of_service_cannot(client, hr_officer, head_of_service):
    url = reverse("people_development:income_list")
    data = {"academic_year": "2021", "amount": "21600", "projected": "on"}
    client.force_login(head_of_service)
    assert client.post(url, data).status_code == 403
    client.force_login(hr_officer)
    assert client.post(url, data).status_code == 302
    page = client.get(url).content.decode()
    assert "£21,600" in page and "Projected" in page


def test_a_cohort_refuses_a_participant_reference_it_already_has(client, psw):
    from pswhub.people_development.forms import PARTICIPANT_TAKEN

    cohort = CohortFactory()
    url = reverse("people_development:cohort_detail", args=[cohort.pk])
    client.force_login(psw)
    assert client.post(url, {"reference": "SU6-01", "status": "in_progress"}).status_code == 302
    response = client.post(url, {"reference": "SU6-01", "status": "in_progress"})
    assert response.status_code == 200
    assert PARTICIPANT_TAKEN in response.content.decode()
    assert cohort.participants.count() == 1


def test_the_psw_records_an_accreditation_result_and_a_qa_officer_cannot(client, psw, qa_officer, north_worker):
    url = reverse("people_development:accreditation_list")
    data = {
        "staff_member": north_worker.staff_member.pk,
        "assessed_on-day": "14",
        "assessed_on-month": "3",
        "assessed_on-year": "2022",
        "passed": "yes",
    }
    client.force_login(qa_officer)
    assert client.post(url, data).status_code == 403
    client.force_login(psw)
    assert client.post(url, data).status_code == 302
    assert "Passed" in client.get(url).content.decode()


def test_the_two_year_programme_cannot_start_before_september_2027(client, psw, north_worker):
    from pswhub.people_development.forms import PROGRAMME_NOT_YET

    client.force_login(psw)
    response = client.post(
        reverse("people_development:record_add"),
        {
            "staff_member": north_worker.staff_member.pk,
            "programme": "early_career",
            "started_on-day": "6",
            "started_on-month": "9",
            "started_on-year": "2026",
            "outcome": "in_progress",
        },
    )
    assert response.status_code == 200
    assert PROGRAMME_NOT_YET.split(":")[1].strip() in response.content.decode()


def test_the_workers_manager_records_a_review_and_the_worker_cannot(client, everyone, records):
    review = records["review"]
    url = reverse("people_development:review_edit", args=[review.pk])
    data = {"held_on-day": "2", "held_on-month": "4", "held_on-year": "2026", "progress": "on_track", "notes": ""}
    client.force_login(everyone["north_worker"])
    assert client.post(url, data).status_code == 403
    review.refresh_from_db()
    assert review.held_on is None
    client.force_login(everyone["north_manager"])
    assert client.post(url, data).status_code == 302
    review.refresh_from_db()
    assert (review.held_on, review.progress, review.recorded_by) == (
        date(2026, 4, 2),
        "on_track",
        everyone["north_manager"],
    )
