"""The three imports: all or nothing, problems by row and column, --dry-run, and the same file
twice changes nothing."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.people_development import importing
from pswhub.people_development.models import (
    EarlyCareerRecord,
    Placement,
    PlacementImport,
    ProgressionApplication,
    ProgressionImport,
)
from pswhub.people_development.tests.factories import PracticeEducatorFactory

pytestmark = pytest.mark.django_db


def run(command, path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(command, str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def people(db):
    team = TeamFactory(name="Assessment North")
    return {
        "worker": StaffMemberFactory(employee_number="E1001", team=team),
        "assessor": StaffMemberFactory(employee_number="E2002", team=team),
        "educator": PracticeEducatorFactory(staff_member=StaffMemberFactory(employee_number="E3003", team=team)),
        "team": team,
    }


def test_placements_import_once_and_a_second_time_changes_nothing(people, tmp_path):
    path = tmp_path / "placements.csv"
    path.write_text(
        "academic_year,student_reference,university,route,placement,team,days,outcome,practice_educator,"
        "hired_employee_number,started_on,ended_on\n"
        "2020/21,NS1,University of Northshire,degree,final,Assessment North,100,passed,E3003,E1001,2021-01-11,2021-05-28\n"
        "2020/21,NS2,University of Northshire,step_up,first,Assessment North,70,in_progress,,,,\n"
    )
    out, _err, error = run("import_placements", path, "--dry-run")
    assert error is None and "Would import placements.csv: 2 placements, 2 added" in out
    assert not Placement.objects.exists()

    out, _err, error = run("import_placements", path)
    assert "2 added, 0 updated, 0 unchanged" in out
    first = Placement.objects.get(student_reference="NS1")
    assert (first.academic_year, first.hired, first.practice_educator) == (2020, people["worker"], people["educator"])
    history = Placement.history.count()

    out, _err, _error = run("import_placements", path)
    assert "0 added, 0 updated, 2 unchanged" in out
    assert Placement.history.count() == history


def test_a_placements_file_with_problems_is_refused_naming_each_row_and_column(people, tmp_path):
    path = tmp_path / "placements.csv"
    path.write_text(
        "academic_year,student_reference,university,route,placement,team,days,outcome,hired_employee_number\n"
        "2020-22,NS1,Uni,degree,final,Assessment North,100,passed,\n"
        "2020/21,NS2,Uni,teaching,final,Nowhere,x,passed,E9999\n"
    )
    _out, err, error = run("import_placements", path)
    assert "Nothing has been written" in error
    lines = err.splitlines()
    assert f"Row 2, column academic_year: {importing.BAD_YEAR.format(value='2020-22')}" in lines
    assert "Row 3, column route: Enter one of " in err
    assert f"Row 3, column team: {importing.UNKNOWN_TEAM.format(value='Nowhere')}" in lines
    assert f"Row 3, column days: {importing.BAD_NUMBER.format(value='x')}" in lines
    assert f"Row 3, column hired_employee_number: {importing.UNKNOWN_PERSON.format(value='E9999')}" in lines
    assert not Placement.objects.exists()


def test_early_careers_import_keeps_the_workload_year_in_step_and_is_idempotent(people, tmp_path):
    path = tmp_path / "asye.csv"
    path.write_text(
        "employee_number,programme,started_on,outcome,completed_on,assessor\n"
        "E1001,asye,2020-09-07,passed,2021-09-06,E2002\n"
        "E2002,asye,2019-09-02,in_progress,,\n"
    )
    out, _err, error = run("import_early_careers", path)
    assert error is None and "2 added" in out
    record = EarlyCareerRecord.objects.get(staff_member=people["worker"])
    assert record.assessor == people["assessor"]
    assert (record.workload_year.starts_on, record.workload_year.ends_on) == (date(2020, 9, 7), date(2021, 9, 6))
    out, _err, _error = run("import_early_careers", path)
    assert "0 added, 0 updated, 2 unchanged" in out
    assert people["worker"].early_career_years.count() == 1


def test_early_careers_refuses_an_unknown_worker_and_a_passed_record_without_its_date(people, tmp_path):
    path = tmp_path / "asye.csv"
    path.write_text(
        "employee_number,programme,started_on,outcome,completed_on\nE7777,asye,2020-09-07,passed,2021-09-06\n"
        "E1001,asye,2020-09-07,passed,\n"
        "E2002,early_career,2026-09-07,in_progress,\n"
    )
    _out, err, error = run("import_early_careers", path)
    assert error is not None
    assert f"Row 2, column employee_number: {importing.UNKNOWN_PERSON.format(value='E7777')}" in err
    assert f"Row 3, column completed_on: {importing.ENDED_WITHOUT_END}" in err
    assert f"Row 4, column started_on: {importing.PROGRAMME_NOT_YET.format(day='2027-09-01')}" in err
    assert not EarlyCareerRecord.objects.exists()


def test_progression_import_makes_panels_and_a_second_import_changes_nothing(people, tmp_path):
    path = tmp_path / "progression.csv"
    path.write_text(
        "employee_number,panel_on,from_level,to_level,outcome,applied_on\n"
        "E1001,2021-06-15,social_worker,experienced_social_worker,progressed,2021-05-01\n"
        "E2002,2021-06-15,experienced_social_worker,senior_social_worker,not_yet,\n"
        "E2002,2021-06-15,experienced_social_worker,experienced_social_worker,not_yet,\n"
    )
    _out, err, error = run("import_progression", path)
    assert f"Row 4, column to_level: {importing.SAME_LEVEL}" in err and error
    path.write_text("\n".join(path.read_text().splitlines()[:3]) + "\n")
    out, _err, error = run("import_progression", path, "--dry-run")
    assert "Would import" in out and not ProgressionApplication.objects.exists()
    out, _err, error = run("import_progression", path)
    assert "2 added" in out
    assert ProgressionApplication.objects.filter(panel__held_on=date(2021, 6, 15)).count() == 2
    out, _err, error = run("import_progression", path)
    assert "0 added, 0 updated, 2 unchanged" in out


def test_the_hr_officer_imports_progression_through_the_pages_after_a_preview(client, people, hr_officer):
    content = (
        b"employee_number,panel_on,from_level,to_level,outcome\n"
        b"E1001,2021-06-15,social_worker,experienced_social_worker,progressed\n"
    )
    client.force_login(hr_officer)
    response = client.post(
        reverse("people_development:import_progression"), {"file": SimpleUploadedFile("progression.csv", content)}
    )
    upload = ProgressionImport.objects.get()
    assert response.status_code == 302
    assert (upload.status, upload.added) == ("previewed", 1)
    assert not ProgressionApplication.objects.exists()
    client.post(reverse("people_development:import_progression_confirm", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.status == "imported"
    assert ProgressionApplication.objects.get().outcome == "progressed"


def test_a_bad_file_shows_its_problems_and_a_head_of_service_cannot_import(client, people, hr_officer, head_of_service):
    url = reverse("people_development:import_placements")
    client.force_login(head_of_service)
    assert client.get(url).status_code == 403
    client.force_login(hr_officer)
    response = client.post(url, {"file": SimpleUploadedFile("p.csv", b"academic_year\n2020/21\n")})
    page = client.get(response.url).content.decode()  # the upload's page, once checked
    assert "<title>Error:" in page
    assert importing.MISSING_COLUMN.format(column="student_reference") in page
    assert PlacementImport.objects.get().status == "refused" and not Placement.objects.exists()


def test_the_retention_schedule_empties_old_import_files_and_keeps_their_records(people, tmp_path):
    from datetime import timedelta

    from django.utils import timezone

    from pswhub.people_development.retention import _purge_import_files

    path = tmp_path / "progression.csv"
    path.write_text(
        "employee_number,panel_on,from_level,to_level,outcome\n"
        "E1001,2021-06-15,social_worker,experienced_social_worker,progressed\n"
    )
    run("import_progression", path)
    assert _purge_import_files(before=timezone.now() - timedelta(days=1), dry_run=False) == 0
    assert _purge_import_files(before=timezone.now() + timedelta(days=1), dry_run=False) == 1
    upload = ProgressionImport.objects.get()
    assert (bytes(upload.content), upload.added) == (b"", 1)
