"""The workload pages and who may open them: every "can" has its "cannot"."""

import html
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from pswhub.core.attention import attention_for
from pswhub.core.navigation import navigation_for
from pswhub.core.tests.factories import PEOPLE, StaffMemberFactory
from pswhub.workload import importing
from pswhub.workload.forms import EARLY_CAREER_ABOVE_FULL, ENTER_POINTS
from pswhub.workload.models import CaseloadImport, CaseloadSnapshot, EarlyCareerYear, WeightingScheme

from .factories import CaseloadSnapshotFactory, WeightingSchemeFactory, weights_set

SEE_EVERY_TEAM = {"psw", "qa_officer", "hr_officer", "head_of_service"}
SEE_OWN_LINE = {"north_worker", "south_worker"}
MAY_IMPORT = {"psw", "hr_officer"}
ON = timezone.localdate() - timedelta(days=30)


@pytest.fixture
def caseloads(everyone, north_team, south_team):
    """North: the worker holds 20 child in need cases (80 + 15 = 95 of 100); Olly is over (29 x 4 + 15 = 131).
    South: Sam holds 3."""
    weights_set(WeightingSchemeFactory(service=north_team.service), {("child_in_need", "standard"): 4})
    north_worker = everyone["north_worker"].staff_member
    olly = StaffMemberFactory(first_name="Olly", last_name="Overton", team=north_team)
    sam = StaffMemberFactory(first_name="Sam", last_name="Southgate", team=south_team)
    CaseloadSnapshotFactory(staff_member=north_worker, date=ON, count=20)
    CaseloadSnapshotFactory(staff_member=olly, date=ON, count=29)
    CaseloadSnapshotFactory(staff_member=sam, date=ON, count=3)
    CaseloadSnapshotFactory(staff_member=everyone["south_worker"].staff_member, date=ON, count=2)
    return {"olly": olly, "sam": sam}


def _team_page(client, user, team=None):
    client.force_login(user)
    return client.get(reverse("workload:team"), {"team": team.pk} if team else {})


@pytest.mark.parametrize("person", PEOPLE)
def test_who_opens_the_workload_page(client, everyone, caseloads, person):
    response = _team_page(client, everyone[person])
    allowed = SEE_EVERY_TEAM | SEE_OWN_LINE | {"north_manager"}
    assert response.status_code == (200 if person in allowed else 403), person


@pytest.mark.parametrize("person", sorted(SEE_EVERY_TEAM))
def test_those_who_read_across_the_organisation_see_every_team(client, everyone, caseloads, south_team, person):
    page = _team_page(client, everyone[person], south_team).content.decode()
    assert "Sam Southgate" in page


def test_a_manager_sees_their_team_with_who_is_over(client, north_manager, caseloads):
    page = _team_page(client, north_manager).content.decode()
    assert "Olly Overton" in page and "Wes Ormerod" in page
    assert "Over capacity" in page and "131" in page and "Within capacity" in page
    assert "Average caseload" in page and "24.5" in page  # (20 + 29) / 2 full-time case holders
    assert 'id="caseload-trend"' in page


def test_a_manager_cannot_see_another_team(client, north_manager, caseloads, south_team):
    page = _team_page(client, north_manager, south_team).content.decode()
    assert "Sam Southgate" not in page
    assert "Olly Overton" in page  # the page falls back to their own team


def test_a_worker_sees_only_their_own_line(client, north_worker, caseloads):
    page = _team_page(client, north_worker).content.decode()
    assert "Your workload" in page and "95" in page
    assert "Olly Overton" not in page


def test_the_date_can_be_chosen(client, psw, caseloads, north_team):
    CaseloadSnapshotFactory(staff_member=caseloads["olly"], date=ON - timedelta(days=30), count=5)
    client.force_login(psw)
    earlier = (ON - timedelta(days=30)).isoformat()
    page = client.get(reverse("workload:team"), {"team": north_team.pk, "date": earlier}).content.decode()
    assert "Olly Overton" in page and "Wes Ormerod" not in page


def test_a_manager_is_told_on_the_home_page_when_someone_is_over(north_manager, caseloads):
    items = attention_for(north_manager)
    assert [(item.title, item.count) for item in items if "capacity" in item.title] == [("Over capacity in North", 1)]


@pytest.mark.parametrize("person", ["psw", "north_worker", "head_of_service"])
def test_others_are_not_told_about_capacity_on_the_home_page(everyone, caseloads, person):
    assert not [item for item in attention_for(everyone[person]) if "capacity" in item.title]


@pytest.mark.parametrize("person", PEOPLE)
def test_who_sees_the_schemes(client, everyone, caseloads, person):
    client.force_login(everyone[person])
    allowed = SEE_EVERY_TEAM | {"north_manager"}
    assert client.get(reverse("workload:scheme_list")).status_code == (200 if person in allowed else 403), person


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_changes_a_scheme(client, everyone, north_team, person):
    client.force_login(everyone[person])
    url = reverse("workload:scheme_edit", kwargs={"service_pk": north_team.service.pk})
    assert client.get(url).status_code == (200 if person == "psw" else 403), person


def _scheme_post(service, **changes):
    data = {
        "non_case_points": "15",
        "capacity_points": "100",
        "early_career_capacity_points": "90",
        "target_caseload": "24",
    }
    from pswhub.workload.models import CaseType, ComplexityLevel

    for case_type in CaseType.objects.filter(service_kind=service.kind):
        for level in ComplexityLevel.objects.all():
            data[f"points__{case_type.code}__{level.code}"] = "4"
    return data | changes


def test_the_psw_sets_up_a_scheme_with_history(client, psw, north_team):
    client.force_login(psw)
    url = reverse("workload:scheme_edit", kwargs={"service_pk": north_team.service.pk})
    response = client.post(url, _scheme_post(north_team.service, points__court_work__complex="12.5"))
    assert response.status_code == 302
    scheme = WeightingScheme.objects.get(service=north_team.service)
    assert scheme.capacity_points == 100 and scheme.target_caseload == Decimal("24")
    assert scheme.weights.get(case_type_id="court_work", complexity_id="complex").points == Decimal("12.5")
    assert scheme.history.get().history_user == psw
    page = client.get(reverse("workload:scheme_list")).content.decode()
    assert "Court work (care proceedings or PLO)" in page and "12.5" in page


def test_a_scheme_refuses_negative_points_and_an_early_career_cap_above_full(client, psw, north_team):
    client.force_login(psw)
    url = reverse("workload:scheme_edit", kwargs={"service_pk": north_team.service.pk})
    data = _scheme_post(north_team.service, points__child_in_need__standard="-1", early_career_capacity_points="120")
    page = html.unescape(client.post(url, data).content.decode())
    assert ENTER_POINTS in page and EARLY_CAREER_ABOVE_FULL in page
    assert not WeightingScheme.objects.exists()


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_record_early_career_years(client, everyone, person):
    client.force_login(everyone[person])
    expected = 200 if person in MAY_IMPORT else 403
    assert client.get(reverse("workload:early_career_list")).status_code == expected, person
    assert client.get(reverse("workload:early_career_add")).status_code == expected, person


def test_the_hr_officer_records_an_early_career_year(client, hr_officer, north_worker):
    client.force_login(hr_officer)
    staff = north_worker.staff_member
    data = {"staff_member": staff.pk, "starts_on-day": "5", "starts_on-month": "1", "starts_on-year": "2026"}
    data |= {"ends_on-day": "4", "ends_on-month": "1", "ends_on-year": "2027"}
    assert client.post(reverse("workload:early_career_add"), data).status_code == 302
    year = EarlyCareerYear.objects.get(staff_member=staff)
    assert year.history.get().history_user == hr_officer
    assert "Wes Ormerod" in client.get(reverse("workload:early_career_list")).content.decode()


GOOD = b"worker,date,case_type,count\nT-N1,2026-09-30,child_in_need,3\n"


def _upload(client, content):
    return client.post(reverse("workload:import_upload"), {"file": SimpleUploadedFile("caseloads.csv", content)})


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_import_caseloads(client, everyone, person):
    client.force_login(everyone[person])
    expected = 200 if person in MAY_IMPORT else 403
    assert client.get(reverse("workload:import_upload")).status_code == expected, person
    assert client.get(reverse("workload:import_template")).status_code == expected, person


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_see_or_confirm_an_upload(client, everyone, person):
    StaffMemberFactory(employee_number="T-N1")
    client.force_login(everyone["psw"])
    _upload(client, GOOD)
    upload = CaseloadImport.objects.get()
    client.force_login(everyone[person])
    detail = client.get(reverse("workload:import_detail", kwargs={"pk": upload.pk}))
    confirm = client.post(reverse("workload:import_confirm", kwargs={"pk": upload.pk}))
    expected = (200, 302) if person in MAY_IMPORT else (403, 403)
    assert (detail.status_code, confirm.status_code) == expected, person
    assert CaseloadSnapshot.objects.exists() == (person in MAY_IMPORT)


def test_the_psw_previews_then_confirms(client, psw):
    StaffMemberFactory(employee_number="T-N1")
    client.force_login(psw)
    response = _upload(client, GOOD)
    upload = CaseloadImport.objects.get()
    assert response.url == reverse("workload:import_detail", kwargs={"pk": upload.pk})
    assert "Confirm and import" in client.get(response.url).content.decode()
    assert not CaseloadSnapshot.objects.exists()
    client.post(reverse("workload:import_confirm", kwargs={"pk": upload.pk}))
    upload.refresh_from_db()
    assert upload.status == CaseloadImport.IMPORTED and upload.added == 1
    assert CaseloadSnapshot.objects.get().count == 3


def test_a_bad_file_shows_problems_by_row_and_column_and_keeps_nothing(client, psw, north_team):
    client.force_login(psw)
    response = _upload(client, b"worker,date,case_type,count\nNOBODY,2026-09-30,child_in_need,-1\n")
    page = client.get(response.url).content.decode()  # the upload's page, once checked
    assert "<title>Error:" in page
    assert importing.UNKNOWN_WORKER.format(value="NOBODY") in page
    assert importing.BAD_COUNT.format(value="-1") in page
    held = CaseloadImport.objects.get()  # kept to show its problems, but not its file
    assert (held.status, bytes(held.content)) == ("refused", b"")
    assert not CaseloadSnapshot.objects.exists()


def test_the_template_downloads(client, hr_officer):
    client.force_login(hr_officer)
    response = client.get(reverse("workload:import_template"))
    assert response.content.decode().splitlines()[0] == "worker,date,case_type,count,complexity"


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("workload:team"))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("person", PEOPLE)
def test_the_navigation_shows_workload_to_those_who_may_open_it(client, everyone, person):
    # Workload is a page of the Practice area: offered in the area's navigation, or as the area's
    # own link when it is the only Practice page the person may open.
    user = everyone[person]
    client.force_login(user)
    areas = {item["text"]: item["href"] for item in navigation_for(user, "/")}
    page = client.get(areas["Practice"]).content.decode() if "Practice" in areas else ""
    allowed = SEE_EVERY_TEAM | SEE_OWN_LINE | {"north_manager"}
    assert (f'href="{reverse("workload:team")}"' in page) == (person in allowed), person


def test_the_team_page_runs_as_many_queries_for_a_long_history_and_a_big_team(client, north_manager, caseloads):
    north = caseloads["olly"].team

    def grow(weeks):
        for _ in range(3):
            member = StaffMemberFactory(team=north)
            for week in range(1, weeks + 1):
                CaseloadSnapshotFactory(staff_member=member, date=ON - timedelta(weeks=week), count=week)

    def queries():
        _team_page(client, north_manager, north)
        with CaptureQueriesContext(connection) as captured:
            assert _team_page(client, north_manager, north).status_code == 200
        return len(captured)

    grow(2)
    small = queries()
    grow(30)
    assert queries() == small
