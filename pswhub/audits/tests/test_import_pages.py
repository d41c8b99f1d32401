"""Historic audits imported through the browser: upload (the file is kept once), a preview with
problems by row and field, confirm; all or nothing; each import kept with who, when, the file and
how many audits."""

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from markupsafe import escape

from pswhub.audits import forms, importing
from pswhub.audits.models import Audit, AuditImportBatch, AuditImportUpload
from pswhub.audits.tests.factories import PEOPLE, AuditFactory
from pswhub.core.imports import PREVIEW_EXPIRED, PREVIEW_HOURS
from pswhub.core.models import Team

pytestmark = pytest.mark.django_db

HEADER = "case_reference,audit_type,team,completed_on,overall_grade,themes\n"
GOOD_ROWS = "CR1,full,North,2024-05-01,good,voice-of-the-child\nCR2,dip_sample,north,2024-06-01,inadequate,\n"
IMPORTERS = {"psw", "qa_officer"}


def upload(text, name="audits.csv", **extra):
    return {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv"), **extra}


def confirm(client, response):
    """Confirms the upload a successful upload was sent to."""
    held = AuditImportUpload.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    return client.post(reverse("audits:import_confirm", args=[held.pk]))


def test_the_qa_officer_previews_then_confirms_an_import(client, qa_officer, north_team):
    client.force_login(qa_officer)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS, name="2023-audits.csv"))
    held = AuditImportUpload.objects.get()
    assert response.url == reverse("audits:import_preview", args=[held.pk])
    page = client.get(response.url).content.decode()
    assert "Check the import of 2023-audits.csv" in page and "Audits to import" in page
    assert (held.status, held.audit_count, held.uploaded_by) == ("previewed", 2, qa_officer)
    assert Audit.objects.count() == 0  # nothing is written before confirming

    response = confirm(client, response)
    batch = AuditImportBatch.objects.get()
    assert response.url == reverse("audits:import_detail", args=[batch.pk])
    assert (batch.file_name, batch.imported_by, batch.audit_count) == ("2023-audits.csv", qa_officer, 2)
    first = Audit.objects.get(case_reference="CR1")
    assert (first.team, first.status, first.completed_on, first.import_batch) == (
        north_team,
        Audit.Status.COMPLETED,
        date(2024, 5, 1),
        batch,
    )
    assert [theme.code for theme in first.themes.all()] == ["voice-of-the-child"]
    assert first.history.first().history_user == qa_officer
    detail = client.get(response.url).content.decode()
    assert "CR1" in detail and "CR2" in detail and "Quinn Abbott" in detail
    listing = client.get(reverse("audits:import_list")).content.decode()
    assert "2023-audits.csv" in listing


def test_a_bad_row_is_shown_by_row_and_field_and_nothing_is_imported(client, psw, north_team):
    text = HEADER + GOOD_ROWS + "CR3,full,North,2024-13-01,good,\nCR4,full,Nowhere,2024-05-01,brilliant,\n"
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), upload(text))
    page = client.get(response.url).content.decode()  # the upload's page, once checked
    assert "<title>Error:" in page
    assert "3 problems to put right" in page
    assert re.search(
        r">\s*4\s*</th>\s*<td[^>]*>\s*completed_on\s*</td>\s*<td[^>]*>\s*" + re.escape(importing.BAD_DATE), page
    )
    assert str(escape(importing.UNKNOWN_TEAM_ON_PAGE.format(name="Nowhere"))) in page
    assert importing.BAD_GRADE in page
    assert Audit.objects.count() == 0 and AuditImportBatch.objects.count() == 0
    held = AuditImportUpload.objects.get()  # kept to show its problems, but not its file
    assert (held.status, bytes(held.content)) == ("refused", b"")


def test_new_teams_are_added_only_when_asked(client, psw, north_team):
    text = HEADER + "CR9,full,Edge of Care,2024-05-01,good,\n"
    client.force_login(psw)
    client.post(reverse("audits:import_upload"), upload(text))
    assert AuditImportUpload.objects.get().status == "refused"
    response = client.post(reverse("audits:import_upload"), upload(text, create_teams="on"))
    assert "Edge of Care".lower() in client.get(response.url).content.decode().lower()
    confirm(client, response)
    assert Audit.objects.get(case_reference="CR9").team == Team.objects.get(name="Edge of Care")


def test_an_audit_already_held_is_left_out(client, psw, north_team):
    AuditFactory(case_reference="CR1", audit_type="full", team=north_team, completed_on=date(2024, 5, 1))
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    confirm(client, response)
    assert AuditImportBatch.objects.get().audit_count == 1
    assert Audit.objects.filter(case_reference="CR1").count() == 1


def test_confirming_checks_the_file_again(client, psw, north_team):
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    north_team.name = "North Locality"  # renamed between preview and confirm
    north_team.save()
    detail = response.url
    response = confirm(client, response)
    assert response.url == detail
    page = client.get(detail).content.decode()
    assert str(escape(importing.UNKNOWN_TEAM_ON_PAGE.format(name="North"))) in page
    assert AuditImportUpload.objects.get().status == "refused"
    assert Audit.objects.count() == 0


def test_a_preview_too_old_to_confirm_says_so_and_imports_nothing(client, psw, north_team):
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    held = AuditImportUpload.objects.get()
    AuditImportUpload.objects.filter(pk=held.pk).update(
        uploaded_at=held.uploaded_at - timedelta(hours=PREVIEW_HOURS + 1)
    )
    expired = PREVIEW_EXPIRED.format(hours=PREVIEW_HOURS)
    assert expired in client.get(response.url).content.decode()
    confirm(client, response)
    assert expired in client.get(response.url).content.decode()
    assert AuditImportUpload.objects.get().status == "refused"
    assert Audit.objects.count() == 0 and AuditImportBatch.objects.count() == 0


def test_an_upload_without_a_file_asks_for_one(client, psw):
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), {})
    assert response.status_code == 400
    assert forms.CHOOSE_AUDITS_FILE in response.content.decode()


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_qa_import_historic_audits(client, everyone, north_team, person):
    batch = AuditImportBatch.objects.create(file_name="old.csv", audit_count=0)
    client.force_login(everyone[person])
    allowed = person in IMPORTERS
    for url in [
        reverse("audits:import_list"),
        reverse("audits:import_upload"),
        reverse("audits:import_detail", args=[batch.pk]),
    ]:
        assert client.get(url).status_code == (200 if allowed else 403), url
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    assert response.status_code == (302 if allowed else 403)
    # A preview someone allowed uploaded is still refused to anyone else.
    client.force_login(everyone["psw"])
    client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    held = AuditImportUpload.objects.filter(uploaded_by=everyone["psw"]).first()
    client.force_login(everyone[person])
    assert client.get(reverse("audits:import_preview", args=[held.pk])).status_code == (200 if allowed else 403)
    response = client.post(reverse("audits:import_confirm", args=[held.pk]))
    assert response.status_code == (302 if allowed else 403)
    assert Audit.objects.count() == (2 if allowed else 0)


@pytest.mark.parametrize(
    ("person", "sees"), [("psw", True), ("qa_officer", True), ("auditor", False), ("councillor", False)]
)
def test_the_dashboard_links_to_the_tools_and_historic_imports_for_those_who_manage_them(
    client, everyone, person, sees
):
    client.force_login(everyone[person])
    page = client.get(reverse("audits:dashboard")).content.decode()
    assert ("Audit tools" in page) == sees
    assert ("Historic audit imports" in page) == sees
