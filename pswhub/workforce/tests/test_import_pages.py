"""The HR import pages: the HR officer and the PSW upload an extract, see a preview (or its problems
by row and column), confirm it, and review past imports later. No one else may."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pswhub.core.models import StaffMember, Team
from pswhub.core.tests.factories import PEOPLE
from pswhub.workforce import hr_import
from pswhub.workforce.forms import (
    CHOOSE_FILE,
    MAPPING_LINE_FORMAT,
    MAPPING_NAME_TAKEN,
    MAPPING_UNKNOWN_TEMPLATE_COLUMN,
)
from pswhub.workforce.hr_import import FTE_OUT_OF_RANGE, UNKNOWN_TEAM
from pswhub.workforce.models import ColumnMapping, ImportBatch

from .test_hr_import import COUNCIL_HEADER, COUNCIL_MAPPING, csv_bytes, row

MAY_IMPORT = {"psw", "hr_officer"}
PAGES = ["workforce:imports", "workforce:import_upload", "workforce:import_template_csv", "workforce:import_columns"]


def upload(client, content, name="staff.csv", mapping=None):
    data = {"file": SimpleUploadedFile(name, content)}
    if mapping:
        data["mapping"] = mapping.pk
    return client.post(reverse("workforce:import_upload"), data)


@pytest.fixture
def previewed(client, hr_officer, north_team):
    client.force_login(hr_officer)
    upload(client, csv_bytes(row("E1", team="North", swe_number="SW1"), row("E2", team="North", swe_number="SW2")))
    return ImportBatch.objects.get()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_open_the_import_pages(client, everyone, person, page):
    client.force_login(everyone[person])
    assert client.get(reverse(page)).status_code == (200 if person in MAY_IMPORT else 403), (person, page)


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_see_or_confirm_a_batch(client, everyone, previewed, person):
    client.force_login(everyone[person])
    detail = client.get(reverse("workforce:import_detail", kwargs={"pk": previewed.pk}))
    confirm = client.post(reverse("workforce:import_confirm", kwargs={"pk": previewed.pk}))
    expected = (200, 302) if person in MAY_IMPORT else (403, 403)
    assert (detail.status_code, confirm.status_code) == expected, person
    assert StaffMember.objects.filter(employee_number="E1").exists() == (person in MAY_IMPORT)


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("workforce:imports"))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_the_hr_officer_previews_then_confirms_and_the_batch_records_it(client, hr_officer, previewed):
    page = client.get(reverse("workforce:import_detail", kwargs={"pk": previewed.pk})).content.decode()
    assert "To add" in page and "Confirm and import" in page
    assert (previewed.added, previewed.status) == (2, ImportBatch.PREVIEWED)
    assert StaffMember.objects.count() == 0, "a preview writes no staff"

    client.post(reverse("workforce:import_confirm", kwargs={"pk": previewed.pk}))
    previewed.refresh_from_db()
    assert (previewed.status, previewed.added, previewed.uploaded_by) == (ImportBatch.IMPORTED, 2, hr_officer)
    assert StaffMember.objects.get(employee_number="E1").history.get().history_user == hr_officer
    listing = client.get(reverse("workforce:imports")).content.decode()
    assert reverse("workforce:import_detail", kwargs={"pk": previewed.pk}) in listing and "Imported" in listing


def test_confirming_twice_imports_once(client, previewed):
    url = reverse("workforce:import_confirm", kwargs={"pk": previewed.pk})
    client.post(url)
    client.post(url)
    assert StaffMember.history.count() == 2


def test_a_batch_cannot_be_confirmed_by_a_get(client, previewed):
    assert client.get(reverse("workforce:import_confirm", kwargs={"pk": previewed.pk})).status_code == 405
    assert StaffMember.objects.count() == 0


def test_the_same_file_uploaded_again_previews_as_unchanged(client, previewed):
    client.post(reverse("workforce:import_confirm", kwargs={"pk": previewed.pk}))
    upload(client, csv_bytes(row("E1", team="North", swe_number="SW1"), row("E2", team="North", swe_number="SW2")))
    again = ImportBatch.objects.first()
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_confirming_checks_the_stored_file_again_and_refuses_it_whole(client, previewed):
    Team.objects.filter(name="North").update(name="North and West")
    client.post(reverse("workforce:import_confirm", kwargs={"pk": previewed.pk}))
    previewed.refresh_from_db()
    assert previewed.status == ImportBatch.REFUSED
    assert StaffMember.objects.count() == 0
    page = client.get(reverse("workforce:import_detail", kwargs={"pk": previewed.pk})).content.decode()
    assert UNKNOWN_TEAM.format(value="North") in page


def test_a_file_with_problems_shows_them_by_row_and_column_and_keeps_nothing(client, hr_officer, north_team):
    client.force_login(hr_officer)
    response = upload(client, csv_bytes(row("E1", team="North"), row("E2", team="North", fte="1.5", swe_number="")))
    page = client.get(response.url).content.decode()  # the upload's page, once checked
    assert "<title>Error:" in page
    assert "Problems by row and column" in page and FTE_OUT_OF_RANGE.format(value="1.5") in page
    assert ">3</th>" in page and ">fte</td>" in page
    assert ImportBatch.objects.get().status == "refused" and StaffMember.objects.count() == 0


def test_an_upload_without_a_file_asks_for_one(client, hr_officer):
    client.force_login(hr_officer)
    assert CHOOSE_FILE in client.post(reverse("workforce:import_upload"), {}).content.decode()


def test_a_councils_mapping_can_be_chosen_on_upload(client, hr_officer, north_team):
    mapping = ColumnMapping.objects.create(name="Northshire iTrent", columns=COUNCIL_MAPPING)
    client.force_login(hr_officer)
    upload(client, csv_bytes(row(team="North")[:-1], header=COUNCIL_HEADER), mapping=mapping)
    batch = ImportBatch.objects.get()
    client.post(reverse("workforce:import_confirm", kwargs={"pk": batch.pk}))
    assert StaffMember.objects.get().employee_number == "E1001"
    assert ImportBatch.objects.get().mapping_name == "Northshire iTrent"


def test_the_template_downloads_with_its_header_and_an_example(client, psw):
    client.force_login(psw)
    response = client.get(reverse("workforce:import_template_csv"))
    lines = response.content.decode().splitlines()
    assert response["Content-Disposition"].startswith("attachment")
    assert lines[0] == ",".join(hr_import.TEMPLATE_COLUMNS) and len(lines) == 2


def test_the_columns_page_documents_every_column(client, psw):
    client.force_login(psw)
    page = client.get(reverse("workforce:import_columns")).content.decode()
    for column, _required, meaning, _example in hr_import.TEMPLATE:
        assert f"<code>{column}</code>" in page
        assert meaning.split(":")[0].replace("'", "&#39;") in page


def test_a_batch_not_held_cannot_be_opened(client, hr_officer):
    client.force_login(hr_officer)
    assert client.get(reverse("workforce:import_detail", kwargs={"pk": 999})).status_code == 404


@pytest.mark.parametrize("person", ["psw", "hr_officer", "head_of_service", "councillor"])
def test_the_dashboard_links_to_hr_imports_only_for_those_who_may_import(client, everyone, person):
    client.force_login(everyone[person])
    page = client.get(reverse("workforce:dashboard")).content.decode()
    assert (reverse("workforce:imports") in page) == (person in MAY_IMPORT)


MAPPING_PAGES = ["workforce:column_mappings", "workforce:column_mapping_create"]


@pytest.mark.parametrize("page", MAPPING_PAGES)
@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_open_the_mapping_pages(client, everyone, person, page):
    client.force_login(everyone[person])
    assert client.get(reverse(page)).status_code == (200 if person in MAY_IMPORT else 403), (person, page)


@pytest.mark.parametrize("person", ["head_of_service", "councillor", "north_manager"])
def test_others_cannot_add_a_mapping(client, everyone, person):
    client.force_login(everyone[person])
    url = reverse("workforce:column_mapping_create")
    assert client.post(url, {"name": "X", "columns": "A = first_name"}).status_code == 403
    assert ColumnMapping.objects.count() == 0


def test_the_hr_officer_adds_and_changes_a_mapping_with_history(client, hr_officer):
    client.force_login(hr_officer)
    client.post(
        reverse("workforce:column_mapping_create"),
        {"name": "Northshire iTrent", "columns": "Payroll No = employee_number\n\nForename = first_name"},
    )
    mapping = ColumnMapping.objects.get()
    assert mapping.columns == {"Payroll No": "employee_number", "Forename": "first_name"}
    edit = reverse("workforce:column_mapping_edit", kwargs={"pk": mapping.pk})
    assert "Payroll No = employee_number" in client.get(edit).content.decode()
    client.post(edit, {"name": "Northshire iTrent", "columns": "Surname = last_name"})
    mapping.refresh_from_db()
    assert mapping.columns == {"Surname": "last_name"}
    assert mapping.history.count() == 2 and mapping.history.first().history_user == hr_officer


@pytest.mark.parametrize(
    "columns, message",
    [
        ("Payroll No employee_number", MAPPING_LINE_FORMAT.format(line=1)),
        ("Payroll No = payroll", MAPPING_UNKNOWN_TEMPLATE_COLUMN.format(line=1, column="payroll")),
    ],
)
def test_a_mapping_cannot_name_a_column_the_template_does_not_have(client, psw, columns, message):
    client.force_login(psw)
    response = client.post(reverse("workforce:column_mapping_create"), {"name": "iTrent", "columns": columns})
    assert message in response.content.decode() and ColumnMapping.objects.count() == 0


def test_two_mappings_cannot_share_a_name(client, psw):
    ColumnMapping.objects.create(name="iTrent", columns={})
    client.force_login(psw)
    response = client.post(reverse("workforce:column_mapping_create"), {"name": "iTrent", "columns": "A = first_name"})
    assert MAPPING_NAME_TAKEN.format(name="iTrent") in response.content.decode()
