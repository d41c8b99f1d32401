"""Imports checked and confirmed in the background (core.imports.background), through the shared
import pages, with the caseload import as the example: the upload is kept once and its page
follows it from queued to previewed to imported; a fault becomes a failed upload saying so; a
task run twice does its work once; progress is recorded as the file is read; the status address
is as closed as the page; and the real database task backend runs it all with its worker."""

import dataclasses
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pswhub.core.imports import background, progress
from pswhub.core.imports.tasks import upload_check, upload_confirm
from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.workload.models import CaseloadImport, CaseloadSnapshot
from pswhub.workload.services import CASELOADS

pytestmark = pytest.mark.django_db

LABEL = "workload.CaseloadImport"
HEADER = b"worker,date,case_type,count\n"
GOOD = HEADER + b"E1,2026-09-30,child_in_need,3\nE1,2026-09-30,child_protection,2\n"


@pytest.fixture
def workers(north_team):
    for number in ("E1", "E2"):
        StaffMemberFactory(employee_number=number, team=north_team)


def _upload(client, content, name="caseloads.csv"):
    return client.post(reverse("workload:import_upload"), {"file": SimpleUploadedFile(name, content)})


def _queued(psw, content=GOOD):
    """An upload kept and waiting for its check, as the pages leave it before the worker runs."""
    return CaseloadImport.objects.create(
        file_name="caseloads.csv", content=content, uploaded_by=psw, status=CaseloadImport.QUEUED
    )


# The state machine ---------------------------------------------------------------------------------


def test_an_upload_goes_from_queued_to_previewed_to_imported(psw, workers):
    upload = _queued(psw)

    checked = background.upload_check_run(importer=CASELOADS, upload_id=upload.pk)
    assert (checked.status, checked.rows, checked.added) == ("previewed", 2, 2)
    assert bytes(checked.content) == GOOD  # kept for the confirmation, which reads the same bytes
    assert not CaseloadSnapshot.objects.exists()

    CaseloadImport.objects.filter(pk=upload.pk).update(status="confirming")  # as upload_confirm_queue leaves it
    imported = background.upload_confirm_run(importer=CASELOADS, upload_id=upload.pk, confirmed_by_id=psw.pk)
    assert (imported.status, imported.added, imported.confirmed_by) == ("imported", 2, psw)
    assert sorted(CaseloadSnapshot.objects.values_list("count", flat=True)) == [2, 3]
    # Asked again, it has nothing to do: only a previewed upload is confirmed.
    assert background.upload_confirm_queue(importer=CASELOADS, upload=imported) is False
    assert background.upload_confirm_run(importer=CASELOADS, upload_id=upload.pk) is None
    assert CaseloadSnapshot.objects.count() == 2


def test_a_file_with_problems_is_refused_with_them_when_checked_and_its_file_not_kept(psw, workers):
    upload = _queued(psw, HEADER + b"E1,2026-09-30,child_in_need,3\nNOBODY,2026-09-30,child_in_need,-1\n")

    refused = background.upload_check_run(importer=CASELOADS, upload_id=upload.pk)

    assert refused.status == "refused" and bytes(refused.content) == b""
    assert {(problem["row"], problem["column"]) for problem in refused.problems} == {(3, "worker"), (3, "count")}
    assert background.upload_confirm_queue(importer=CASELOADS, upload=refused) is False


def _broken(*args, **kwargs):
    raise RuntimeError("a fault in the code, not the file")


@pytest.mark.parametrize("when", ["check", "confirm"])
def test_a_fault_becomes_a_failed_upload_saying_so_and_nothing_is_written(psw, workers, when):
    broken = dataclasses.replace(CASELOADS, write=_broken)
    upload = _queued(psw)
    if when == "check":
        with pytest.raises(RuntimeError):  # the task fails too, so the worker logs the fault
            background.upload_check_run(importer=broken, upload_id=upload.pk)
    else:
        background.upload_check_run(importer=CASELOADS, upload_id=upload.pk)
        CaseloadImport.objects.filter(pk=upload.pk).update(status="confirming")
        with pytest.raises(RuntimeError):
            background.upload_confirm_run(importer=broken, upload_id=upload.pk)

    failed = CaseloadImport.objects.get(pk=upload.pk)
    assert (failed.status, bytes(failed.content)) == ("failed", b"")
    [problem] = failed.problems
    assert problem["message"] == background.FAILED.format(pk=upload.pk, kind="caseload import")
    assert "RuntimeError" not in problem["message"]
    assert not CaseloadSnapshot.objects.exists()


def test_a_failed_upload_says_so_on_its_page_without_the_fault(client, psw, workers):
    upload = _queued(psw)
    with pytest.raises(RuntimeError):
        background.upload_check_run(importer=dataclasses.replace(CASELOADS, read=_broken), upload_id=upload.pk)
    client.force_login(psw)
    response = client.get(reverse("workload:import_detail", kwargs={"pk": upload.pk}))
    page = html.unescape(response.content.decode())
    assert response.status_code == 200 and "Failed" in page
    assert background.FAILED.format(pk=upload.pk, kind="caseload import") in page
    assert "RuntimeError" not in page and "Traceback" not in page and "Confirm and import" not in page


def test_a_task_run_twice_does_its_work_once(psw, workers):
    upload = _queued(psw)
    upload_check.enqueue(label=LABEL, upload_id=upload.pk)
    assert upload_check.enqueue(label=LABEL, upload_id=upload.pk).return_value is None  # checked already

    CaseloadImport.objects.filter(pk=upload.pk).update(status="confirming")
    # The confirmation asked for twice (a worker retrying, say): the second finds it imported.
    first = upload_confirm.enqueue(label=LABEL, upload_id=upload.pk, confirmed_by_id=psw.pk)
    second = upload_confirm.enqueue(label=LABEL, upload_id=upload.pk, confirmed_by_id=psw.pk)

    assert (first.return_value, second.return_value) == ("imported", None)
    assert CaseloadSnapshot.objects.count() == 2
    assert CaseloadImport.objects.get(pk=upload.pk).history.filter(status="imported").count() == 1


def test_confirming_twice_through_the_page_imports_once(client, psw, workers):
    client.force_login(psw)
    detail = _upload(client, GOOD).url
    upload = CaseloadImport.objects.get()
    confirm = reverse("workload:import_confirm", kwargs={"pk": upload.pk})
    assert client.post(confirm).url == detail
    assert client.post(confirm).url == detail
    assert CaseloadSnapshot.objects.count() == 2
    assert CaseloadImport.objects.get().added == 2


# Progress ---------------------------------------------------------------------------------------------


def test_progress_is_recorded_as_a_many_row_file_is_read(psw, north_team, monkeypatch):
    for number in range(1, 8):
        StaffMemberFactory(employee_number=f"E{number}", team=north_team)
    content = HEADER + b"".join(f"E{n},2026-09-30,child_in_need,{n}\n".encode() for n in range(1, 8))
    upload = _queued(psw, content)
    monkeypatch.setattr(progress, "ROWS_BETWEEN", 3)
    seen = []
    record = background._progress_save

    def recorded(model, upload_id, read, total):
        record(model, upload_id, read, total)
        held = model.objects.get(pk=upload_id)  # as the page would read it, at that moment
        seen.append((held.status, held.rows_read, held.rows_total))

    monkeypatch.setattr(background, "_progress_save", recorded)
    background.upload_check_run(importer=CASELOADS, upload_id=upload.pk)

    # Rows 3 and 6 of about 7 (the file's lines under its header), then all 7 once read.
    assert seen == [("previewing", 3, 7), ("previewing", 6, 7), ("previewing", 7, 7)]
    assert CaseloadImport.objects.get(pk=upload.pk).status == "previewed"


def test_the_page_says_how_far_the_check_has_got_while_it_runs(client, psw, workers):
    upload = _queued(psw)
    CaseloadImport.objects.filter(pk=upload.pk).update(status="previewing", rows_read=1000, rows_total=4000)
    client.force_login(psw)
    url = reverse("workload:import_detail", kwargs={"pk": upload.pk})

    page = client.get(url).content.decode()
    assert "Reading the file: 1,000 of about 4,000 rows read" in page
    assert f'data-app-status="{url}?format=json"' in page and "Check progress" in page
    assert "Confirm and import" not in page

    status = client.get(url, {"format": "json"}).json()
    assert status == {
        "status": "previewing",
        "label": "Being checked",
        "running": True,
        "rows_read": 1000,
        "rows_total": 4000,
        "step": "Reading the file: 1,000 of about 4,000 rows read",
    }


# Who may see the status -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "allowed"),
    [("psw", True), ("hr_officer", True), ("auditor", False), ("north_manager", False), ("councillor", False)],
)
def test_the_status_address_is_as_closed_as_the_page(client, everyone, workers, person, allowed):
    upload = _queued(everyone["psw"])
    client.force_login(everyone[person])
    url = reverse("workload:import_detail", kwargs={"pk": upload.pk})
    assert client.get(url).status_code == (200 if allowed else 403)
    response = client.get(url, {"format": "json"})
    assert response.status_code == (200 if allowed else 403)
    assert ("rows_read" in response.content.decode()) == allowed


def test_the_status_of_an_upload_that_does_not_exist_is_not_found(client, psw):
    client.force_login(psw)
    response = client.get(reverse("workload:import_detail", kwargs={"pk": 999}), {"format": "json"})
    assert response.status_code == 404


# Uploads the worker never finished ---------------------------------------------------------------


def test_an_upload_left_waiting_past_the_preview_is_marked_failed_by_the_retention_schedule(psw, workers):
    from datetime import timedelta

    from django.utils import timezone

    from pswhub.core.imports import PREVIEW_HOURS
    from pswhub.core.retention import purge_expired

    now = timezone.now()
    stuck = _queued(psw)
    CaseloadImport.objects.filter(pk=stuck.pk).update(
        status="confirming", uploaded_at=now - timedelta(hours=PREVIEW_HOURS, minutes=1)
    )
    waiting = _queued(psw)  # uploaded just now: still given its chance

    purge_expired(now=now)

    stuck.refresh_from_db()
    assert (stuck.status, bytes(stuck.content)) == ("failed", b"")
    assert stuck.problems[0]["message"] == background.UNFINISHED.format(hours=PREVIEW_HOURS)
    assert CaseloadImport.objects.get(pk=waiting.pk).status == "queued"
    # The worker coming back to it later does nothing.
    assert background.upload_confirm_run(importer=CASELOADS, upload_id=stuck.pk) is None
    assert not CaseloadSnapshot.objects.exists()
