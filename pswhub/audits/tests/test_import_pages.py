"""Historic audits imported through the browser: upload, a preview with problems by row and field,
confirm; all or nothing; each import kept with who, when, the file and how many audits."""

import base64
import re
from datetime import date

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from markupsafe import escape

from pswhub.audits import forms, import_views, importing
from pswhub.audits.models import Audit, AuditImportBatch
from pswhub.audits.tests.factories import PEOPLE, AuditFactory
from pswhub.core.models import Team

pytestmark = pytest.mark.django_db

HEADER = "case_reference,audit_type,team,completed_on,overall_grade,themes\n"
GOOD_ROWS = "CR1,full,North,2024-05-01,good,voice-of-the-child\nCR2,dip_sample,north,2024-06-01,inadequate,\n"
IMPORTERS = {"psw", "qa_officer"}


def upload(text, name="audits.csv", **extra):
    return {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv"), **extra}


def token_of(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def test_the_qa_officer_previews_then_confirms_an_import(client, qa_officer, north_team):
    client.force_login(qa_officer)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS, name="2023-audits.csv"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Check the import of 2023-audits.csv" in page
    assert Audit.objects.count() == 0  # nothing is written before confirming

    response = client.post(reverse("audits:import_confirm"), {"token": token_of(response)})
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
    page = response.content.decode()
    assert response.status_code == 400
    assert "3 problems to put right" in page
    assert re.search(
        r">\s*4\s*</th>\s*<td[^>]*>\s*completed_on\s*</td>\s*<td[^>]*>\s*" + re.escape(importing.BAD_DATE), page
    )
    assert str(escape(importing.UNKNOWN_TEAM_ON_PAGE.format(name="Nowhere"))) in page
    assert importing.BAD_GRADE in page
    assert 'name="token"' not in page
    assert Audit.objects.count() == 0 and AuditImportBatch.objects.count() == 0


def test_new_teams_are_added_only_when_asked(client, psw, north_team):
    text = HEADER + "CR9,full,Edge of Care,2024-05-01,good,\n"
    client.force_login(psw)
    refused = client.post(reverse("audits:import_upload"), upload(text))
    assert refused.status_code == 400
    response = client.post(reverse("audits:import_upload"), upload(text, create_teams="on"))
    assert "Edge of Care".lower() in response.content.decode().lower()
    client.post(reverse("audits:import_confirm"), {"token": token_of(response)})
    assert Audit.objects.get(case_reference="CR9").team == Team.objects.get(name="Edge of Care")


def test_an_audit_already_held_is_left_out(client, psw, north_team):
    AuditFactory(case_reference="CR1", audit_type="full", team=north_team, completed_on=date(2024, 5, 1))
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    client.post(reverse("audits:import_confirm"), {"token": token_of(response)})
    assert AuditImportBatch.objects.get().audit_count == 1
    assert Audit.objects.filter(case_reference="CR1").count() == 1


def test_confirming_checks_the_file_again(client, psw, north_team):
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    north_team.name = "North Locality"  # renamed between preview and confirm
    north_team.save()
    response = client.post(reverse("audits:import_confirm"), {"token": token_of(response)})
    assert response.status_code == 400
    assert "Row 2" in response.content.decode() or ">2<" in response.content.decode().replace(" ", "")
    assert Audit.objects.count() == 0


def test_a_changed_or_missing_token_imports_nothing(client, psw, north_team):
    client.force_login(psw)
    response = client.post(reverse("audits:import_upload"), upload(HEADER + GOOD_ROWS))
    token = token_of(response)
    response = client.post(reverse("audits:import_confirm"), {"token": token[:-2] + "xx"})
    assert response.status_code == 400
    assert import_views.PREVIEW_EXPIRED in response.content.decode()
    assert Audit.objects.count() == 0


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
    assert response.status_code == (200 if allowed else 403)
    # A valid preview, as if signed for someone allowed, is still refused to anyone else.
    token = signing.dumps(
        {"name": "a.csv", "content": base64.b64encode((HEADER + GOOD_ROWS).encode()).decode(), "create_teams": False},
        salt=import_views.SIGNING_SALT,
        compress=True,
    )
    response = client.post(reverse("audits:import_confirm"), {"token": token})
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
