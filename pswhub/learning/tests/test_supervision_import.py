"""`import_supervision` and the supervision import pages: sessions exported from a case or HR
system, CSV or XLSX, all or nothing, problems as `Row N, column: message`, a dry run, and the
same file twice changes nothing. Only the PSW and HR may import."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from pswhub.core.imports.reading import MISSING_COLUMN
from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.learning import supervision, supervision_importing
from pswhub.learning.models import SupervisionImport, SupervisionSession
from pswhub.learning.tests.factories import SessionFactory

GOOD = (
    "employee_number,held_on,kind,minutes,supervisor\n"
    "E1001,2025-11-03,individual,90,E0042\n"
    "E1001,2025-11-17,group,120,\n"
    "E1002,2025-11-04,Individual,75,E0042\n"
)


@pytest.fixture
def staff(north_team):
    return {
        number: StaffMemberFactory(employee_number=number, team=north_team, started_on=date(2020, 1, 6))
        for number in ("E1001", "E1002", "E0042")
    }


def _run(tmp_path, text, *args, name="supervision.csv"):
    path = tmp_path / name
    path.write_text(text)
    out = io.StringIO()
    call_command("import_supervision", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _refused(tmp_path, text):
    path = tmp_path / "bad.csv"
    path.write_text(text)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_supervision", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue().splitlines()


def test_a_good_file_is_imported_and_importing_it_again_changes_nothing(staff, tmp_path):
    assert "3 sessions added, 0 updated, 0 unchanged" in _run(tmp_path, GOOD)
    first = SupervisionSession.objects.get(staff_member=staff["E1001"], kind="individual")
    assert (first.held_on, first.minutes, first.supervisor) == (date(2025, 11, 3), 90, staff["E0042"])
    group = SupervisionSession.objects.get(staff_member=staff["E1001"], kind="group")
    assert (group.minutes, group.supervisor) == (120, None)
    # "Individual" is read whatever its case
    assert SupervisionSession.objects.get(staff_member=staff["E1002"]).kind == "individual"
    # each imported session has its change history, as one recorded on the page has
    assert first.history.count() == 1

    assert "0 sessions added, 0 updated, 3 unchanged" in _run(tmp_path, GOOD)
    # a corrected length updates that one session, found by worker, date and kind
    assert "0 sessions added, 1 updated, 2 unchanged" in _run(tmp_path, GOOD.replace(",75,", ",90,"))
    assert SupervisionSession.objects.get(staff_member=staff["E1002"]).minutes == 90
    assert SupervisionSession.objects.count() == 3
    assert SupervisionImport.objects.filter(status="imported").count() == 3


def test_a_session_recorded_on_the_page_is_updated_not_repeated(staff, tmp_path):
    SessionFactory(staff_member=staff["E1001"], held_on=date(2025, 11, 3), kind="individual", minutes=60)
    assert "2 sessions added, 1 updated, 0 unchanged" in _run(tmp_path, GOOD)
    assert SupervisionSession.objects.filter(staff_member=staff["E1001"], kind="individual").get().minutes == 90


def test_imported_sessions_count_towards_compliance(staff, tmp_path):
    _run(tmp_path, GOOD)
    # On 30 November 2025 under Standard 5 (every 31 days, individual sessions of 90 minutes or
    # more): E1001's last counting session is 3 November (27 days before), in time; E1002's only
    # session is 75 minutes, too short, and E0042 has none, so both count from their start in
    # 2020 and are overdue. 1 of 3 in time: 1/3 = 33.33%, so 33.3.
    figures = supervision.supervision_compliance(on=date(2025, 11, 30))
    assert (figures["workers"], figures["in_time"], figures["overdue"]) == (3, 1, 2)
    assert str(figures["rate"]) == "33.3"


def test_a_dry_run_writes_nothing(staff, tmp_path):
    assert "Would import supervision.csv: 3 sessions added" in _run(tmp_path, GOOD, "--dry-run")
    assert not SupervisionSession.objects.exists()
    assert not SupervisionImport.objects.exists()


def test_a_file_with_problems_is_refused_by_row_and_column_and_nothing_is_written(staff, tmp_path):
    bad = GOOD + (
        "E9999,2025-13-01,one-to-one,0,E8888\n"  # row 5
        "E1002,2099-01-01,group,601,E1002\n"  # row 6
        ",,,,E0042\n"  # row 7
        "E1001,2025-11-03,individual,60,\n"  # row 8 repeats row 2
    )
    lines = _refused(tmp_path, bad)
    today = date.today().isoformat()
    assert lines == [
        "Row 5, column employee_number: " + supervision_importing.UNKNOWN_WORKER.format(value="E9999"),
        "Row 5, column held_on: " + supervision_importing.BAD_DATE.format(value="2025-13-01"),
        "Row 5, column kind: " + supervision_importing.UNKNOWN_KIND.format(value="one-to-one"),
        "Row 5, column minutes: " + supervision_importing.BAD_MINUTES.format(value="0"),
        "Row 5, column supervisor: " + supervision_importing.UNKNOWN_SUPERVISOR.format(value="E8888"),
        "Row 6, column held_on: " + supervision_importing.IN_FUTURE.format(today=today, value="2099-01-01"),
        "Row 6, column minutes: " + supervision_importing.BAD_MINUTES.format(value="601"),
        "Row 6, column supervisor: " + supervision_importing.OWN_SUPERVISOR,
        "Row 7, column employee_number: Enter the employee number",
        "Row 7, column held_on: Enter the held on",
        "Row 7, column kind: Enter the kind",
        "Row 7, column minutes: Enter the minutes",
        "Row 8, column held_on: " + supervision_importing.REPEATED_ROW.format(row=2, kind="individual"),
    ]
    assert not SupervisionSession.objects.exists()
    assert not SupervisionImport.objects.exists()


def test_a_missing_column_is_named(staff, tmp_path):
    lines = _refused(tmp_path, "employee_number,held_on,kind\nE1001,2025-11-03,individual\n")
    assert len(lines) == 1 and lines[0].endswith(MISSING_COLUMN.format(column="minutes"))


def test_an_xlsx_file_is_read_too(staff, tmp_path):
    import xlsxwriter

    path = tmp_path / "supervision.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for number, line in enumerate(GOOD.splitlines()):
        sheet.write_row(number, 0, line.split(","))
    book.close()
    call_command("import_supervision", str(path), stdout=io.StringIO())
    assert SupervisionSession.objects.count() == 3


@pytest.mark.parametrize("person", ["psw", "hr_officer"])
def test_the_psw_and_hr_preview_and_confirm_a_file_on_the_pages(client, staff, person, request):
    client.force_login(request.getfixturevalue(person))
    page = client.get(reverse("learning:supervision_import_upload"))
    assert page.status_code == 200
    assert "employee_number" in page.content.decode()
    template = client.get(reverse("learning:supervision_import_template"))
    assert template.content.decode().splitlines()[0] == "employee_number,held_on,kind,minutes,supervisor"

    response = client.post(
        reverse("learning:supervision_import_upload"), {"file": SimpleUploadedFile("sessions.csv", GOOD.encode())}
    )
    upload = SupervisionImport.objects.get()
    assert response.url == reverse("learning:supervision_import_detail", args=[upload.pk])
    # the preview says what would change, and nothing has changed yet
    preview = client.get(response.url).content.decode()
    assert "Sessions to add" in preview
    assert (upload.status, upload.rows, upload.added) == ("previewed", 3, 3)
    assert not SupervisionSession.objects.exists()

    client.post(reverse("learning:supervision_import_confirm", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.status == "imported" and SupervisionSession.objects.count() == 3
    assert set(SupervisionSession.objects.values_list("recorded_by", flat=True)) == {upload.uploaded_by_id}


def test_a_file_with_problems_is_shown_on_the_page_by_row_and_column(client, staff, psw):
    client.force_login(psw)
    response = client.post(
        reverse("learning:supervision_import_upload"),
        {"file": SimpleUploadedFile("sessions.csv", (GOOD + "E9999,2025-11-03,individual,90,\n").encode())},
    )
    response = client.get(response.url)  # the upload's page, once checked
    text = response.content.decode()
    assert "<title>Error:" in text
    assert supervision_importing.UNKNOWN_WORKER.format(value="E9999") in text
    assert "employee_number" in text
    assert SupervisionImport.objects.get().status == "refused" and not SupervisionSession.objects.exists()


@pytest.mark.parametrize(
    "person", ["qa_officer", "auditor", "head_of_service", "councillor", "admin", "north_manager", "north_worker"]
)
def test_no_one_else_may_import_supervision(client, staff, everyone, person):
    client.force_login(everyone[person])
    assert client.get(reverse("learning:supervision_import_upload")).status_code == 403
    assert client.get(reverse("learning:supervision_import_template")).status_code == 403
    response = client.post(
        reverse("learning:supervision_import_upload"), {"file": SimpleUploadedFile("sessions.csv", GOOD.encode())}
    )
    assert response.status_code == 403
    assert not SupervisionImport.objects.exists() and not SupervisionSession.objects.exists()


def test_someone_who_may_not_import_cannot_open_or_confirm_an_upload(client, staff, psw, north_manager):
    client.force_login(psw)
    client.post(
        reverse("learning:supervision_import_upload"), {"file": SimpleUploadedFile("sessions.csv", GOOD.encode())}
    )
    upload = SupervisionImport.objects.get()
    client.force_login(north_manager)
    assert client.get(reverse("learning:supervision_import_detail", args=[upload.pk])).status_code == 403
    assert client.post(reverse("learning:supervision_import_confirm", args=[upload.pk])).status_code == 403
    upload.refresh_from_db()
    assert upload.status == "previewed" and not SupervisionSession.objects.exists()
