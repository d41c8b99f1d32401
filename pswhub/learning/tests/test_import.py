"""`import_learning`: CSV or XLSX, all or nothing, problems as `Row N, column: message`, a dry run,
and the same file twice changes nothing."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from pswhub.core.tests.factories import AuthorityFactory
from pswhub.learning import importing
from pswhub.learning.models import LearningEvent

GOOD = (
    "title,kind,held_on,service,topics,booked,attended\n"
    "Parental alienation,course,2025-11-12,children,Parental alienation; voice-of-the-child,24,21\n"
    "Schwartz Round,schwartz_round,2025-12-04,joint,,,40\n"
)


@pytest.fixture(autouse=True)
def council(db):
    """Every import needs the council set up first."""
    return AuthorityFactory()


def _run(tmp_path, text, *args, name="learning.csv"):
    path = tmp_path / name
    path.write_text(text)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_learning", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def test_a_good_file_is_imported_and_importing_it_again_changes_nothing(db, tmp_path):
    assert "2 events added, 0 updated, 0 unchanged" in _run(tmp_path, GOOD)
    course = LearningEvent.objects.get(kind="course")
    assert (course.held_on, course.booked_count, course.attended_count) == (date(2025, 11, 12), 24, 21)
    assert sorted(course.topics.values_list("code", flat=True)) == ["parental-alienation", "voice-of-the-child"]
    assert LearningEvent.objects.get(kind="schwartz_round").booked_count is None
    assert "0 events added, 0 updated, 2 unchanged" in _run(tmp_path, GOOD)
    assert "0 events added, 1 updated, 1 unchanged" in _run(tmp_path, GOOD.replace(",24,21", ",25,21"))
    assert LearningEvent.objects.count() == 2


def test_a_dry_run_writes_nothing(db, tmp_path):
    assert "Would import learning.csv: 2 events added" in _run(tmp_path, GOOD, "--dry-run")
    assert not LearningEvent.objects.exists()


def test_a_file_with_problems_is_refused_by_row_and_column_and_nothing_is_written(db, tmp_path, capsys):
    bad = GOOD + "Briefing,seminar,2025-13-01,both,Astrology,-1,\nParental alienation,course,2025-11-12,children,,,\n"
    path = tmp_path / "bad.csv"
    path.write_text(bad)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_learning", str(path), stderr=err)
    assert err.getvalue().splitlines() == [
        "Row 4, column kind: " + importing.UNKNOWN_KIND.format(value="seminar"),
        "Row 4, column service: " + importing.UNKNOWN_SERVICE.format(value="both"),
        "Row 4, column held_on: " + importing.BAD_DATE.format(value="2025-13-01"),
        "Row 4, column topics: " + importing.UNKNOWN_TOPIC.format(value="Astrology"),
        "Row 4, column booked: " + importing.BAD_COUNT.format(value="-1"),
        "Row 5, column title: " + importing.REPEATED_ROW.format(row=2),
    ]
    assert not LearningEvent.objects.exists()


def test_a_missing_column_is_named(db, tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("title,kind,held_on\nA,course,2025-01-01\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_learning", str(path), stderr=err)
    from pswhub.core.imports.reading import MISSING_COLUMN

    assert MISSING_COLUMN.format(column="service") in err.getvalue()


def test_an_xlsx_file_is_read_too(db, tmp_path):
    import xlsxwriter

    path = tmp_path / "learning.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for number, line in enumerate(GOOD.splitlines()):
        sheet.write_row(number, 0, line.split(","))
    book.close()
    call_command("import_learning", str(path), stdout=io.StringIO())
    assert LearningEvent.objects.count() == 2


def test_the_psw_previews_and_confirms_a_file_on_the_pages_and_a_worker_cannot(client, psw, north_worker):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from pswhub.learning.models import LearningImport

    client.force_login(north_worker)
    assert client.get(reverse("learning:import_upload")).status_code == 403
    client.force_login(psw)
    assert client.get(reverse("learning:import_upload")).status_code == 200
    response = client.post(
        reverse("learning:import_upload"), {"file": SimpleUploadedFile("learning.csv", GOOD.encode())}
    )
    upload = LearningImport.objects.get()
    assert response.url == reverse("learning:import_detail", args=[upload.pk])
    assert (upload.status, upload.added) == ("previewed", 2) and not LearningEvent.objects.exists()
    client.post(reverse("learning:import_confirm", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.status == "imported" and LearningEvent.objects.count() == 2
