"""Caseload files: a good file, each kind of bad row, idempotency, Windows-1252, the command."""

from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command

from pswhub.core.imports import PREVIEW_EXPIRED, PREVIEW_HOURS, Importer, UploadNotPreviewed
from pswhub.core.imports.reading import MISSING_COLUMN
from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.workload import importing
from pswhub.workload.importing import caseload_file_read
from pswhub.workload.models import CaseloadImport, CaseloadSnapshot
from pswhub.workload.services import CASELOADS, caseloads_import

from .factories import CaseloadSnapshotFactory

TODAY = date(2026, 11, 1)
GOOD = """worker,date,case_type,count,complexity
E1,2026-09-30,child_in_need,3,
E1,2026-09-30,child_protection,2,complex
E2,2026-09-30,court_work,1,standard
"""


@pytest.fixture
def workers(db):
    return {number: StaffMemberFactory(employee_number=number) for number in ("E1", "E2")}


def _read(text, encoding="utf-8"):
    return caseload_file_read(content=text.encode(encoding), file_name="caseloads.csv", today=TODAY)


def _held():
    return sorted(
        CaseloadSnapshot.objects.values_list(
            "staff_member__employee_number", "date", "case_type_id", "complexity_id", "count"
        )
    )


def _problems(text):
    return [(problem.row, problem.column, problem.message) for problem in _read(text).problems]


def test_a_good_file_is_imported(workers):
    result = caseloads_import(caseload_file=_read(GOOD))
    assert (result.rows, result.added, result.updated, result.removed) == (3, 3, 0, 0)
    on = date(2026, 9, 30)
    assert _held() == [
        ("E1", on, "child_in_need", "standard", 3),
        ("E1", on, "child_protection", "complex", 2),
        ("E2", on, "court_work", "standard", 1),
    ]


def test_the_import_keeps_history_with_who(workers, psw):
    caseloads_import(caseload_file=_read(GOOD), changed_by=psw)
    assert CaseloadSnapshot.history.filter(history_type="+", history_user=psw).count() == 3


def test_importing_the_same_file_twice_changes_nothing(workers):
    caseloads_import(caseload_file=_read(GOOD))
    history = CaseloadSnapshot.history.count()
    result = caseloads_import(caseload_file=_read(GOOD))
    assert (result.added, result.updated, result.removed, result.unchanged) == (0, 0, 0, 3)
    assert CaseloadSnapshot.history.count() == history


def test_a_reimport_replaces_that_workers_snapshot_for_that_date(workers):
    CaseloadSnapshotFactory(staff_member=workers["E1"], date=date(2026, 8, 31), count=7)
    caseloads_import(caseload_file=_read(GOOD))
    result = caseloads_import(caseload_file=_read("worker,date,case_type,count\nE1,2026-09-30,child_in_need,4\n"))
    assert (result.added, result.updated, result.removed) == (0, 1, 1)
    assert _held() == [
        ("E1", date(2026, 8, 31), "child_in_need", "standard", 7),  # another date: untouched
        ("E1", date(2026, 9, 30), "child_in_need", "standard", 4),
        ("E2", date(2026, 9, 30), "court_work", "standard", 1),  # another worker: untouched
    ]
    assert CaseloadSnapshot.history.filter(history_type="-").count() == 1


def test_a_dry_run_writes_nothing(workers):
    result = caseloads_import(caseload_file=_read(GOOD), dry_run=True)
    assert result.added == 3 and result.dry_run
    assert not CaseloadSnapshot.objects.exists()


def test_windows_1252_is_read(db):
    StaffMemberFactory(employee_number="É1")
    caseloads_import(caseload_file=_read("worker,date,case_type,count\nÉ1,2026-09-30,care_leaver,2\n", "cp1252"))
    assert _held()[0][0] == "É1"


def test_a_byte_order_mark_is_read(workers):
    caseloads_import(caseload_file=caseload_file_read(content=b"\xef\xbb\xbf" + GOOD.encode(), file_name="c.csv"))
    assert len(_held()) == 3


def test_codes_and_complexity_are_read_whatever_their_case(workers):
    file = _read("worker,date,case_type,count,complexity\nE1,2026-09-30,Child_In_Need,3,Highly Complex\n")
    assert file.is_valid
    assert file.rows[0]["complexity"].pk == "highly_complex"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("E9,2026-09-30,child_in_need,3", "worker", importing.UNKNOWN_WORKER.format(value="E9")),
        ("E1,2026-09-30,cin,3", "case_type", importing.UNKNOWN_CASE_TYPE.format(value="cin")),
        ("E1,30/09/2026,child_in_need,3", "date", importing.BAD_DATE.format(value="30/09/2026")),
        ("E1,2026-02-30,child_in_need,3", "date", importing.BAD_DATE.format(value="2026-02-30")),
        ("E1,2026-12-01,child_in_need,3", "date", importing.FUTURE_DATE.format(value="2026-12-01")),
        ("E1,2026-09-30,child_in_need,-1", "count", importing.BAD_COUNT.format(value="-1")),
        ("E1,2026-09-30,child_in_need,2.5", "count", importing.BAD_COUNT.format(value="2.5")),
        ("E1,2026-09-30,child_in_need,three", "count", importing.BAD_COUNT.format(value="three")),
        ("E1,2026-09-30,child_in_need,", "count", importing.REQUIRED.format(column="count")),
        (",2026-09-30,child_in_need,3", "worker", importing.REQUIRED.format(column="worker")),
    ],
)
def test_each_bad_row_is_named_by_row_and_column(workers, row, column, message):
    assert _problems(f"worker,date,case_type,count\nE1,2026-09-30,care_leaver,1\n{row}\n") == [(3, column, message)]


def test_an_unknown_complexity_is_named(workers):
    assert _problems("worker,date,case_type,count,complexity\nE1,2026-09-30,care_leaver,1,very\n") == [
        (2, "complexity", importing.UNKNOWN_COMPLEXITY.format(value="very"))
    ]


def test_a_duplicate_in_the_file_is_named(workers):
    text = (
        "worker,date,case_type,count,complexity\nE1,2026-09-30,care_leaver,1,\nE1,2026-09-30,care_leaver,2,standard\n"
    )
    assert _problems(text) == [(3, "worker", importing.REPEATED_ROW.format(row=2))]


def test_missing_columns_are_named(db):
    assert _problems("worker,date,count\nE1,2026-09-30,1\n") == [
        (None, "case_type", MISSING_COLUMN.format(column="case_type"))
    ]


def test_a_file_with_any_problem_writes_nothing(workers):
    file = _read(GOOD + "E9,2026-09-30,child_in_need,3\n")
    assert not file.is_valid and file.rows == []
    with pytest.raises(Exception, match="nothing was imported"):
        caseloads_import(caseload_file=file)
    assert not CaseloadSnapshot.objects.exists()


def _preview(uploaded_by=None):
    upload, checked = CASELOADS.preview(file_name="c.csv", content=GOOD.encode(), uploaded_by=uploaded_by)
    assert checked.is_valid
    return upload


def test_confirming_an_upload_imports_what_was_previewed(workers, psw):
    upload = _preview(uploaded_by=psw)
    assert (upload.status, upload.rows, upload.added) == (CaseloadImport.PREVIEWED, 3, 3)
    assert not CaseloadSnapshot.objects.exists()
    upload = CASELOADS.confirm(upload=upload, confirmed_by=psw)
    assert upload.status == CaseloadImport.IMPORTED and len(_held()) == 3
    assert (upload.uploaded_by, upload.confirmed_by) == (psw, psw)


def test_a_file_with_problems_is_not_kept(workers):
    upload, checked = CASELOADS.preview(file_name="c.csv", content=(GOOD + "E9,2026-09-30,child_in_need,3\n").encode())
    assert upload is None and not checked.is_valid
    assert not CaseloadImport.objects.exists()


def test_an_upload_that_no_longer_passes_is_refused(workers):
    upload = _preview()
    workers["E2"].delete()
    upload = CASELOADS.confirm(upload=upload)
    assert upload.status == CaseloadImport.REFUSED
    assert upload.problems[0]["column"] == "worker"
    assert not CaseloadSnapshot.objects.exists()


def test_a_preview_older_than_the_limit_can_no_longer_be_confirmed(workers):
    upload = _preview()
    just_too_late = upload.uploaded_at + timedelta(hours=PREVIEW_HOURS, seconds=1)
    upload = CASELOADS.confirm(upload=upload, now=just_too_late)
    assert upload.status == CaseloadImport.REFUSED
    assert upload.problems == [{"row": None, "column": "", "message": PREVIEW_EXPIRED.format(hours=PREVIEW_HOURS)}]
    assert not CaseloadSnapshot.objects.exists()


def test_a_preview_within_the_limit_is_confirmed(workers):
    upload = _preview()
    upload = CASELOADS.confirm(upload=upload, now=upload.uploaded_at + timedelta(hours=PREVIEW_HOURS))
    assert upload.status == CaseloadImport.IMPORTED


def test_confirming_twice_is_refused_and_imports_once(workers):
    upload = CASELOADS.confirm(upload=_preview())
    with pytest.raises(UploadNotPreviewed):
        CASELOADS.confirm(upload=upload)
    assert CaseloadSnapshot.history.count() == 3


def test_a_confirm_that_fails_part_way_writes_nothing_and_leaves_the_upload_previewed(workers):
    def write_then_fail(caseload_file, *, changed_by=None, dry_run=False):
        result = caseloads_import(caseload_file=caseload_file, changed_by=changed_by, dry_run=dry_run)
        if not dry_run:
            raise RuntimeError("the database went away")
        return result

    failing = Importer(model=CaseloadImport, read=importing.caseload_file_read, write=write_then_fail)
    upload, _ = failing.preview(file_name="c.csv", content=GOOD.encode())
    with pytest.raises(RuntimeError):
        failing.confirm(upload=upload)
    upload.refresh_from_db()
    assert upload.status == CaseloadImport.PREVIEWED
    assert not CaseloadSnapshot.objects.exists() and not CaseloadSnapshot.history.exists()


def test_the_command_imports_a_file_and_keeps_the_upload(workers, tmp_path, capsys):
    path = tmp_path / "caseloads.csv"
    path.write_text(GOOD)
    call_command("import_caseloads", str(path))
    upload = CaseloadImport.objects.get()
    assert capsys.readouterr().out == (
        f"Imported caseloads.csv as upload {upload.pk}: 3 counts added, 0 updated, 0 removed, 0 unchanged.\n"
    )
    assert len(_held()) == 3 and upload.status == CaseloadImport.IMPORTED


def test_the_command_dry_run_writes_nothing(workers, tmp_path, capsys):
    path = tmp_path / "caseloads.csv"
    path.write_text(GOOD)
    call_command("import_caseloads", str(path), "--dry-run")
    assert capsys.readouterr().out == (
        "Would import caseloads.csv: 3 counts added, 0 updated, 0 removed, 0 unchanged. Nothing has been written.\n"
    )
    assert not CaseloadSnapshot.objects.exists() and not CaseloadImport.objects.exists()


def test_the_command_refuses_a_bad_file_and_writes_nothing(workers, tmp_path, capsys):
    path = tmp_path / "caseloads.csv"
    path.write_text(GOOD + "E1,2026-09-30,care_leaver,-2\n")
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_caseloads", str(path))
    assert "Row 5, column count" in capsys.readouterr().err
    assert not CaseloadSnapshot.objects.exists()


def test_the_template_has_the_columns():
    assert importing.template_csv().splitlines()[0] == "worker,date,case_type,count,complexity"
