"""Importing a past census return through the pages: the PSW and HR officers upload the XML, see
its problems by worker and element or what it would change, and confirm. The file is kept once,
at upload; nothing is written to the census before the confirmation, a preview too old cannot be
confirmed, and everyone else cannot reach the pages."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pswhub.core.imports import PREVIEW_EXPIRED, PREVIEW_HOURS
from pswhub.workforce import import_views
from pswhub.workforce.models import CensusReturnUpload, CensusWorker, CensusYear
from pswhub.workforce.services import WRONG_AUTHORITY

from .returns import census_return, worker

pytestmark = pytest.mark.django_db

MAY_IMPORT = {"psw", "hr_officer"}


def upload(client, user, content, name="csww-2023.xml"):
    client.force_login(user)
    content = content.encode() if isinstance(content, str) else content
    return client.post(reverse("workforce:census_import"), {"file": SimpleUploadedFile(name, content)})


def confirm(client, held, **kwargs):
    return client.post(reverse("workforce:census_import_confirm", kwargs={"pk": held.pk}), **kwargs)


def test_the_hr_officer_sees_what_a_return_would_change_and_nothing_is_written(client, hr_officer):
    response = upload(client, hr_officer, census_return(year=2023, workers=[worker(swe="SW1"), worker(swe="SW2")]))

    held = CensusReturnUpload.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("workforce:census_import_detail", kwargs={"pk": held.pk})
    page = client.get(response.url).content.decode()
    assert "2023 (1 October 2022 to 30 September 2023)" in page
    assert "Lines to add" in page and "Confirm and import" in page
    assert (held.status, held.year, held.created, held.uploaded_by) == ("previewed", 2023, 2, hr_officer)
    assert not CensusYear.objects.exists() and not CensusWorker.objects.exists()


def test_confirming_imports_the_stored_return_and_opens_its_census_page(client, hr_officer):
    upload(client, hr_officer, census_return(year=2023, workers=[worker(swe="SW1"), worker(swe="SW2")]))
    held = CensusReturnUpload.objects.get()

    response = confirm(client, held, follow=True)

    assert response.redirect_chain[-1][0] == reverse("workforce:census_return", args=[2023])
    assert import_views.IMPORTED.format(year=2023) in response.content.decode()
    assert CensusWorker.objects.filter(census_year__year=2023).count() == 2
    held.refresh_from_db()
    assert (held.status, held.confirmed_by) == ("imported", hr_officer)


def test_confirming_the_same_return_twice_changes_nothing_the_second_time(client, psw):
    content = census_return(year=2023, workers=[worker(swe="SW1")])
    upload(client, psw, content)
    confirm(client, CensusReturnUpload.objects.get())
    before = list(CensusWorker.history.values_list("history_id", flat=True))

    upload(client, psw, content)
    response = confirm(client, CensusReturnUpload.objects.first(), follow=True)

    assert import_views.NOTHING_CHANGED.format(year=2023) in response.content.decode()
    assert list(CensusWorker.history.values_list("history_id", flat=True)) == before


def test_a_bad_return_lists_each_problem_by_worker_and_element_and_keeps_nothing(client, psw):
    bad = census_return(year=2023, workers=[worker(swe="SW1", FTE="1.5"), worker(swe="SW2", RoleStartDate="1 May")])

    response = upload(client, psw, bad)

    page = client.get(response.url).content.decode()  # the upload's page, once checked
    assert "<title>Error:" in page
    assert "Problems by worker and element" in page
    assert "SW1" in page and "FTE" in page and "SW2" in page and "RoleStartDate" in page
    assert not CensusYear.objects.exists()
    held = CensusReturnUpload.objects.get()  # kept to show its problems, but not its file
    assert (held.status, bytes(held.content)) == ("refused", b"")


def test_a_file_that_is_not_xml_is_refused_with_a_message(client, psw):
    response = upload(client, psw, "employee_number,first_name\nE1,Ann\n", name="extract.csv")
    assert "The return has problems and nothing was imported" in client.get(response.url).content.decode()
    assert not CensusYear.objects.exists()


def test_another_councils_return_is_refused_at_upload(client, psw):
    upload(client, psw, census_return(year=2023, lea="873"))
    confirm(client, CensusReturnUpload.objects.get())

    response = upload(client, psw, census_return(year=2024, lea="301"))

    page = client.get(response.url).content.decode()  # the upload's page, once checked
    assert "<title>Error:" in page
    assert WRONG_AUTHORITY.format(found="301", name="Local authority 873", expected="873") in page
    assert list(CensusReturnUpload.objects.order_by("pk").values_list("status", flat=True)) == ["imported", "refused"]
    assert list(CensusYear.objects.values_list("year", flat=True)) == [2023]


def test_a_preview_too_old_to_confirm_says_so_and_writes_nothing(client, psw):
    upload(client, psw, census_return(year=2023))
    held = CensusReturnUpload.objects.get()
    CensusReturnUpload.objects.filter(pk=held.pk).update(
        uploaded_at=held.uploaded_at - timedelta(hours=PREVIEW_HOURS, minutes=1)
    )
    expired = PREVIEW_EXPIRED.format(hours=PREVIEW_HOURS)

    page = client.get(reverse("workforce:census_import_detail", kwargs={"pk": held.pk})).content.decode()
    assert expired in page and "Confirm and import" not in page

    response = confirm(client, held, follow=True)

    held.refresh_from_db()
    assert held.status == "refused" and expired in response.content.decode()
    assert not CensusYear.objects.exists()


@pytest.mark.parametrize(
    "person",
    ["psw", "hr_officer", "qa_officer", "auditor", "head_of_service", "councillor", "admin_user", "north_manager",
     "north_worker"],
)  # fmt: skip
def test_only_the_psw_and_hr_officers_may_import_a_return(client, request, psw, person):
    upload(client, psw, census_return(year=2023))
    held = CensusReturnUpload.objects.get()
    user = request.getfixturevalue(person)
    client.force_login(user)
    assert client.get(reverse("workforce:census_import")).status_code == (200 if person in MAY_IMPORT else 403)
    detail = client.get(reverse("workforce:census_import_detail", kwargs={"pk": held.pk}))
    assert detail.status_code == (200 if person in MAY_IMPORT else 403)
    assert confirm(client, held).status_code == (302 if person in MAY_IMPORT else 403)
    assert CensusYear.objects.exists() == (person in MAY_IMPORT)
