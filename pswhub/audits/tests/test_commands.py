"""The `import_audits` and `audit_figures` commands, as scripts call them."""

import json
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from pswhub.audits import importing
from pswhub.audits.models import Audit, AuditImportUpload
from pswhub.audits.retention import IMPORT_FILE_DAYS
from pswhub.audits.tests.factories import AuditFactory, grade
from pswhub.core.models import Team
from pswhub.core.retention import purge_expired
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.core.tests.test_imports_reading import xlsx_bytes

pytestmark = pytest.mark.django_db

HEADER = "case_reference,audit_type,team,completed_on,overall_grade\n"


def csv_file(tmp_path, text, name="audits.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def north(db):
    return TeamFactory(name="North")


def test_import_adds_every_row(tmp_path, north):
    path = csv_file(
        tmp_path,
        HEADER
        + "CR1,full,North,2024-05-01,good\n"
        + "CR2,dip_sample,North,2024-06-01,inadequate\n"
        + "CR3,themed,north,2024-07-01,outstanding\n",
    )
    output = run("import_audits", path)
    assert "Imported 3 audits" in output
    assert Audit.objects.filter(team=north, status=Audit.Status.COMPLETED).count() == 3
    cr2 = Audit.objects.get(case_reference="CR2")
    assert (cr2.audit_type, cr2.completed_on, cr2.overall_grade.code) == ("dip_sample", date(2024, 6, 1), "inadequate")
    assert cr2.history.count() == 1  # imports keep history too


def test_import_reads_the_optional_columns(tmp_path, north, auditor):
    worker = StaffMemberFactory(employee_number="E123", team=north)
    path = csv_file(
        tmp_path,
        "case_reference,audit_type,team,completed_on,overall_grade,auditor,worker,themes,strengths,areas_for_development\n"
        "CR1,full,North,2024-05-01,good,auditor,E123,voice-of-the-child; Management oversight,Clear plan,Chronology\n",
    )
    run("import_audits", path)
    audit = Audit.objects.get()
    assert audit.auditor == auditor
    assert audit.worker == worker
    assert sorted(audit.themes.values_list("code", flat=True)) == ["management-oversight", "voice-of-the-child"]
    assert (audit.strengths, audit.areas_for_development) == ("Clear plan", "Chronology")


def test_a_bad_row_refuses_the_whole_file_naming_row_and_field(tmp_path, north):
    path = csv_file(
        tmp_path,
        HEADER
        + "CR1,full,North,2024-05-01,good\n"
        + "CR2,full,North,01/06/2024,good\n"  # row 3
        + "CR3,full,North,2024-07-01,excellent\n",  # row 4
    )
    with pytest.raises(CommandError) as error:
        run("import_audits", path)
    message = str(error.value)
    assert f"Row 3, completed_on: {importing.BAD_DATE}" in message
    assert f"Row 4, overall_grade: {importing.BAD_GRADE}" in message
    assert Audit.objects.count() == 0


def test_a_bad_import_exits_with_a_non_zero_status(tmp_path, north, capsys):
    from django.core.management import execute_from_command_line

    path = csv_file(tmp_path, HEADER + "CR1,full,Nowhere,2024-05-01,good\n")
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["manage.py", "import_audits", path])
    assert exit_.value.code != 0
    assert "Row 2, team" in capsys.readouterr().err


def test_an_unknown_team_is_an_error_without_create_teams(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,Nowhere,2024-05-01,good\n")
    with pytest.raises(CommandError, match="Row 2, team: No team is called Nowhere"):
        run("import_audits", path)
    assert not Team.objects.filter(name="Nowhere").exists()


def test_create_teams_adds_the_unknown_team_once(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,Nowhere,2024-05-01,good\nCR2,full,Nowhere,2024-05-02,good\n")
    output = run("import_audits", path, "--create-teams")
    assert "Teams added: Nowhere" in output
    team = Team.objects.get(name="Nowhere")
    assert team.service == north.service  # the children's service
    assert Audit.objects.filter(team=team).count() == 2


def test_dry_run_writes_nothing(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2024-05-01,good\nCR2,full,Elsewhere,2024-05-01,good\n")
    output = run("import_audits", path, "--dry-run", "--create-teams")
    assert "2 audits would be imported" in output
    assert "nothing has been written" in output
    assert Audit.objects.count() == 0
    assert not Team.objects.filter(name="Elsewhere").exists()


def test_dry_run_still_reports_errors(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2024-05-01,\n")
    with pytest.raises(CommandError, match=f"Row 2, overall_grade: {importing.MISSING_VALUE}"):
        run("import_audits", path, "--dry-run")


def test_a_missing_column_names_the_column(tmp_path, north):
    path = csv_file(tmp_path, "case_reference,audit_type,team,completed_on\nCR1,full,North,2024-05-01\n")
    with pytest.raises(CommandError, match="Row 1, overall_grade: The file has no overall_grade column"):
        run("import_audits", path)


def test_a_name_in_place_of_a_case_reference_is_refused(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "Jane Smith,full,North,2024-05-01,good\n")
    with pytest.raises(CommandError, match="Row 2, case_reference: Enter the case reference"):
        run("import_audits", path)


def test_unknown_worker_auditor_theme_and_type_are_named(tmp_path, north):
    path = csv_file(
        tmp_path,
        "case_reference,audit_type,team,completed_on,overall_grade,auditor,worker,themes\n"
        "CR1,deep_dive,North,2024-05-01,good,nobody,E999,Astrology\n",
    )
    with pytest.raises(CommandError) as error:
        run("import_audits", path)
    message = str(error.value)
    assert f"Row 2, audit_type: {importing.BAD_AUDIT_TYPE}" in message
    assert "Row 2, auditor: " in message
    assert "Row 2, worker: " in message
    assert "Row 2, themes: " in message


def test_a_repeated_row_is_an_error(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2024-05-01,good\nCR1,full,North,2024-05-01,good\n")
    with pytest.raises(CommandError, match="Row 3, case_reference: This audit repeats row 2"):
        run("import_audits", path)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2024-05-01,good\n")
    run("import_audits", path)
    output = run("import_audits", path)
    assert "Imported 0 audits" in output and "1 already held" in output
    assert Audit.objects.count() == 1


def test_a_spreadsheet_saved_in_windows_encoding_is_read(tmp_path, north):
    path = csv_file(
        tmp_path,
        "case_reference,audit_type,team,completed_on,overall_grade,strengths\nCR1,full,North,2024-05-01,good,Worker’s analysis\n",
        encoding="cp1252",
    )
    run("import_audits", path)
    assert Audit.objects.get().strengths == "Worker’s analysis"


def test_a_future_date_is_refused(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2999-05-01,good\n")
    with pytest.raises(CommandError, match="Row 2, completed_on: The date cannot be in the future"):
        run("import_audits", path)


def test_audit_figures_json(north):
    for code, n in {"outstanding": 2, "good": 5, "requires_improvement": 2, "inadequate": 1}.items():
        for _ in range(n):
            AuditFactory(overall_grade=grade(code), completed_on=date(2024, 6, 1), team=north)
    AuditFactory(completed_on=date(2023, 6, 1), team=north)  # outside the period
    figures = json.loads(run("audit_figures", "--from", "2024-04-01", "--to", "2025-03-31", "--json"))
    assert figures["completed"] == 10
    assert figures["by_grade"] == {"outstanding": 2, "good": 5, "requires_improvement": 2, "inadequate": 1}
    # (2 + 5) / 10 = 70.0
    assert figures["good_or_better_pct"] == 70.0
    assert figures["by_type"] == {"full": 10, "dip_sample": 0, "themed": 0}


def test_audit_figures_for_one_team(north):
    south = TeamFactory(name="South")
    AuditFactory(team=north, overall_grade=grade("good"), completed_on=date(2024, 6, 1))
    AuditFactory(team=south, overall_grade=grade("inadequate"), completed_on=date(2024, 6, 1))
    AuditFactory(team=south, overall_grade=grade("good"), completed_on=date(2024, 6, 1))
    figures = json.loads(
        run("audit_figures", "--from", "2024-04-01", "--to", "2025-03-31", "--team", "South", "--json")
    )
    # 1 good of 2 = 50.0
    assert (figures["completed"], figures["good_or_better_pct"]) == (2, 50.0)


def test_audit_figures_with_no_audits_gives_null_percentage(db):
    figures = json.loads(run("audit_figures", "--from", "2024-04-01", "--to", "2025-03-31", "--json"))
    assert figures["completed"] == 0
    assert figures["good_or_better_pct"] is None


def test_audit_figures_refuses_an_unknown_team_and_a_bad_date(db):
    with pytest.raises(CommandError, match="No team is called Atlantis"):
        run("audit_figures", "--from", "2024-04-01", "--to", "2025-03-31", "--team", "Atlantis", "--json")
    with pytest.raises(CommandError, match="--from must be a date"):
        run("audit_figures", "--from", "April", "--to", "2025-03-31", "--json")


def test_the_command_prints_what_it_imported_and_keeps_the_upload(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2024-05-01,good\nCR2,full,Edge,2024-05-01,good\n")
    output = run("import_audits", path, "--create-teams")
    assert output == (f"Imported 2 audits from {path}; 0 already held were skipped.\n" + "Teams added: Edge.\n")
    upload = AuditImportUpload.objects.get()
    assert (upload.status, upload.file_name, upload.audit_count, upload.team_names, upload.create_teams) == (
        "imported", "audits.csv", 2, ["Edge"], True
    )  # fmt: skip
    assert upload.batch.audits.count() == 2


def test_the_dry_run_prints_what_it_would_do_and_keeps_nothing(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2024-05-01,good\nCR2,full,Edge,2024-05-01,good\n")
    output = run("import_audits", path, "--dry-run", "--create-teams")
    assert output == (
        f"{path} is valid: 2 audits would be imported, 0 already held would be skipped.\n"
        "Teams that would be added: Edge.\n"
        "Dry run: nothing has been written.\n"
    )
    assert not AuditImportUpload.objects.exists() and not Audit.objects.exists()


def test_a_refused_file_is_named_with_every_problem_one_a_line(tmp_path, north):
    path = csv_file(tmp_path, HEADER + "CR1,full,North,2024-13-01,good\nCR2,full,North,2024-05-01,\n")
    with pytest.raises(CommandError) as refused:
        run("import_audits", path)
    assert str(refused.value) == (
        f"{path} was not imported: nothing has been written.\n"
        f"Row 2, completed_on: {importing.BAD_DATE}\n"
        f"Row 3, overall_grade: {importing.MISSING_VALUE}"
    )
    assert not AuditImportUpload.objects.exists()


def test_an_xlsx_file_is_read_too(tmp_path, north):
    path = tmp_path / "audits.xlsx"
    path.write_bytes(xlsx_bytes([HEADER.strip().split(","), ["CR1", "full", "North", "2024-05-01", "good"]]))
    run("import_audits", str(path))
    assert Audit.objects.get().case_reference == "CR1"


def test_an_audits_file_is_emptied_after_90_days_and_its_upload_record_kept(tmp_path, north):
    run("import_audits", csv_file(tmp_path, HEADER + "CR1,full,North,2024-05-01,good\n"))
    upload = AuditImportUpload.objects.get()

    purge_expired(now=timezone.now() + timedelta(days=IMPORT_FILE_DAYS - 1))
    upload.refresh_from_db()
    assert bytes(upload.content) == (HEADER + "CR1,full,North,2024-05-01,good\n").encode()

    purge_expired(now=timezone.now() + timedelta(days=IMPORT_FILE_DAYS + 1))
    upload.refresh_from_db()
    assert bytes(upload.content) == b""
    assert (upload.status, upload.audit_count) == ("imported", 1)
    assert Audit.objects.get().case_reference == "CR1"
