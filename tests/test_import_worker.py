"""The real task backend and its worker: an upload checked and imported by `manage.py db_worker`
with `django_tasks_db.DatabaseBackend`, as `make run` and a production server run them.

The worker closes the database connections it finds between tasks, as it does in production, so
this test runs outside a test transaction: its data are flushed afterwards and the reference data
(roles, audit tools) put back, as for the browser tests, whose fixtures it shares for that."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.workload.models import CaseloadImport, CaseloadSnapshot
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    browser,
    reference_data_restored,
    serialized_database,
)

HEADER = b"worker,date,case_type,count\n"
GOOD = HEADER + b"E1,2026-09-30,child_in_need,3\nE1,2026-09-30,child_protection,2\n"


def _upload(client, content, name="caseloads.csv"):
    return client.post(reverse("workload:import_upload"), {"file": SimpleUploadedFile(name, content)})


@pytest.fixture
def workers(north_team):
    for number in ("E1", "E2"):
        StaffMemberFactory(employee_number=number, team=north_team)


def test_the_database_backend_and_its_worker_check_and_import_an_upload(
    reference_data_restored,  # noqa: F811
    transactional_db,
    django_db_serialized_rollback,
    client,
    psw,
    workers,
    settings,
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    client.force_login(psw)
    response = _upload(client, GOOD)
    upload = CaseloadImport.objects.get()
    assert response.url == reverse("workload:import_detail", kwargs={"pk": upload.pk})
    assert upload.status == "queued" and bytes(upload.content) == GOOD
    page = client.get(response.url).content.decode()
    assert "Waiting to be checked" in page and "Waiting for the background worker" in page

    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, stdout=io.StringIO())
    upload.refresh_from_db()
    assert (upload.status, upload.added, upload.rows_read, upload.rows_total) == ("previewed", 2, 2, 2)
    assert "Confirm and import" in client.get(response.url).content.decode()

    response = client.post(reverse("workload:import_confirm", kwargs={"pk": upload.pk}))
    assert response.url == reverse("workload:import_detail", kwargs={"pk": upload.pk}) + "?after=confirm"
    assert CaseloadImport.objects.get().status == "confirming" and not CaseloadSnapshot.objects.exists()
    assert "Being imported" in client.get(response.url).content.decode()

    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, stdout=io.StringIO())
    upload.refresh_from_db()
    assert (upload.status, upload.added, upload.confirmed_by) == ("imported", 2, psw)
    assert sorted(CaseloadSnapshot.objects.values_list("count", flat=True)) == [2, 3]
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL", "SUCCESSFUL"]
    assert "Counts added" in client.get(response.url).content.decode()
