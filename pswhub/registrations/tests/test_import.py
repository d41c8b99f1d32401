"""`import_registrations`: CSV or XLSX, all or nothing, problems as `Row N, column: message`, a dry
run, and the same file twice changes nothing."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.registrations import importing
from pswhub.registrations.models import Renewal
from pswhub.registrations.tests.factories import RegistrationFactory

GOOD = "employee_number,renewal_year,renewed_on,cpd_entries,peer_reflection\nE1,2025,2025-10-02,3,yes\nE2,2025,,1,No\n"


@pytest.fixture
def workers(db):
    for number in ("E1", "E2"):
        RegistrationFactory(staff_member=StaffMemberFactory(employee_number=number))


def _run(tmp_path, text, *args):
    path = tmp_path / "renewals.csv"
    path.write_text(text)
    out = io.StringIO()
    call_command("import_registrations", str(path), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_good_file_is_imported_and_importing_it_again_changes_nothing(workers, tmp_path):
    assert "2 renewals added, 0 updated, 0 unchanged" in _run(tmp_path, GOOD)
    first = Renewal.objects.get(registration__staff_member__employee_number="E1", year=2025)
    assert (first.renewed_on, first.cpd_entries, first.peer_reflection) == (date(2025, 10, 2), 3, True)
    assert "0 renewals added, 0 updated, 2 unchanged" in _run(tmp_path, GOOD)
    assert "0 renewals added, 1 updated, 1 unchanged" in _run(tmp_path, GOOD.replace("E2,2025,,1,No", "E2,2025,,2,yes"))


def test_a_dry_run_writes_nothing(workers, tmp_path):
    assert "Would import renewals.csv: 2 renewals added" in _run(tmp_path, GOOD, "--dry-run")
    assert not Renewal.objects.exists()


def test_a_file_with_problems_is_refused_by_row_and_column_and_nothing_is_written(workers, tmp_path):
    bad = GOOD + "E9,25,2025-12-01,x,maybe\nE1,2025,2025-12-01,2,yes\n"
    path = tmp_path / "bad.csv"
    path.write_text(bad)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_registrations", str(path), stderr=err)
    assert err.getvalue().splitlines() == [
        "Row 4, column employee_number: " + importing.NO_REGISTRATION.format(value="E9"),
        "Row 4, column renewal_year: " + importing.BAD_YEAR.format(value="25"),
        "Row 4, column cpd_entries: " + importing.BAD_COUNT.format(value="x"),
        "Row 4, column peer_reflection: " + importing.BAD_YES_NO.format(value="maybe"),
        "Row 5, column renewed_on: " + importing.OUTSIDE_WINDOW.format(year=2025, value="2025-12-01"),
        "Row 5, column employee_number: " + importing.REPEATED_ROW.format(row=2, year=2025),
    ]
    assert not Renewal.objects.exists()


def test_hr_previews_and_confirms_a_file_on_the_pages_and_a_manager_cannot(client, workers, hr_officer, north_manager):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from pswhub.registrations.models import RenewalImport

    client.force_login(north_manager)
    assert client.get(reverse("registrations:import_upload")).status_code == 403
    client.force_login(hr_officer)
    response = client.post(
        reverse("registrations:import_upload"), {"file": SimpleUploadedFile("renewals.csv", GOOD.encode())}
    )
    upload = RenewalImport.objects.get()
    assert response.url == reverse("registrations:import_detail", args=[upload.pk])
    assert (upload.status, upload.added) == ("previewed", 2) and not Renewal.objects.exists()
    client.post(reverse("registrations:import_confirm", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.status == "imported" and Renewal.objects.count() == 2
