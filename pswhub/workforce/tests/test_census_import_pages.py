"""Importing a past census return through the pages: the PSW and HR officers upload the XML, see
its problems by worker and element or what it would change, and confirm. Nothing is written
before the confirmation; everyone else cannot reach the pages."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pswhub.workforce import census_import_views
from pswhub.workforce.models import CensusWorker, CensusYear

from .returns import census_return, worker

pytestmark = pytest.mark.django_db

MAY_IMPORT = {"psw", "hr_officer"}


def upload(client, user, content, name="csww-2023.xml"):
    client.force_login(user)
    content = content.encode() if isinstance(content, str) else content
    return client.post(reverse("workforce:census_import"), {"file": SimpleUploadedFile(name, content)})


def token_of(preview):
    """The signed file the preview page sends back with its confirm button."""
    return re.search(r'name="token" value="([^"]+)"', preview.content.decode()).group(1)


def test_the_hr_officer_sees_what_a_return_would_change_and_nothing_is_written(client, hr_officer):
    response = upload(client, hr_officer, census_return(year=2023, workers=[worker(swe="SW1"), worker(swe="SW2")]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Check the 2023 census return" in page
    assert "Lines to add" in page and "Confirm and import" in page
    assert not CensusYear.objects.exists() and not CensusWorker.objects.exists()


def test_confirming_imports_the_return_and_opens_its_census_page(client, hr_officer):
    preview = upload(client, hr_officer, census_return(year=2023, workers=[worker(swe="SW1"), worker(swe="SW2")]))
    token = token_of(preview)

    response = client.post(reverse("workforce:census_import_confirm"), {"token": token}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("workforce:census_return", args=[2023])
    assert census_import_views.IMPORTED.format(year=2023) in response.content.decode()
    assert CensusWorker.objects.filter(census_year__year=2023).count() == 2


def test_confirming_the_same_return_twice_changes_nothing_the_second_time(client, psw):
    content = census_return(year=2023, workers=[worker(swe="SW1")])
    client.post(reverse("workforce:census_import_confirm"), {"token": token_of(upload(client, psw, content))})
    before = list(CensusWorker.history.values_list("history_id", flat=True))

    response = client.post(
        reverse("workforce:census_import_confirm"), {"token": token_of(upload(client, psw, content))}, follow=True
    )

    assert census_import_views.NOTHING_CHANGED.format(year=2023) in response.content.decode()
    assert list(CensusWorker.history.values_list("history_id", flat=True)) == before


def test_a_bad_return_lists_each_problem_by_worker_and_element_and_writes_nothing(client, psw):
    bad = census_return(year=2023, workers=[worker(swe="SW1", FTE="1.5"), worker(swe="SW2", RoleStartDate="1 May")])

    response = upload(client, psw, bad)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Problems by worker and element" in page
    assert "SW1" in page and "FTE" in page and "SW2" in page and "RoleStartDate" in page
    assert not CensusYear.objects.exists()


def test_a_file_that_is_not_xml_is_refused_with_a_message(client, psw):
    response = upload(client, psw, "employee_number,first_name\nE1,Ann\n", name="extract.csv")
    assert response.status_code == 400
    assert "The return has problems and nothing was imported" in response.content.decode()
    assert not CensusYear.objects.exists()


def test_an_altered_preview_is_refused_and_nothing_is_written(client, psw):
    token = token_of(upload(client, psw, census_return(year=2023)))

    response = client.post(reverse("workforce:census_import_confirm"), {"token": token[:-3] + "abc"})

    assert response.status_code == 400
    assert census_import_views.PREVIEW_EXPIRED in response.content.decode()
    assert not CensusYear.objects.exists()


@pytest.mark.parametrize(
    "person",
    ["psw", "hr_officer", "qa_officer", "auditor", "head_of_service", "councillor", "admin_user", "north_manager",
     "north_worker"],
)  # fmt: skip
def test_only_the_psw_and_hr_officers_may_import_a_return(client, request, person):
    user = request.getfixturevalue(person)
    client.force_login(user)
    assert client.get(reverse("workforce:census_import")).status_code == (200 if person in MAY_IMPORT else 403)
    response = client.post(reverse("workforce:census_import_confirm"), {"token": "x"})
    assert response.status_code == (400 if person in MAY_IMPORT else 403)
