"""What every response carries: no-store for signed-in pages and downloads; the service's own
pages for a bad request and a form sent without its token; refusals logged on one line."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from pswhub.core.logs import refusals_on_one_line
from pswhub.core.middleware import NoStoreMiddleware


def no_store(response):
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("person", "page"),
    [
        ("psw", "core:home"),
        ("psw", "core:staff_list"),
        ("north_worker", "core:home"),
        ("admin_user", "core:user_list"),
        ("psw", "reporting:template_manage"),
        ("psw", "audits:dashboard"),
    ],
)
def test_a_signed_in_page_is_not_stored(db, request, client, person, page):
    # `db` first: the person is fetched by name, so without it the test would run among the
    # tests that need no database, after the browser tests have emptied the reference tables.
    client.force_login(request.getfixturevalue(person))
    response = client.get(reverse(page))
    assert response.status_code == 200
    assert no_store(response)


def test_a_signed_in_refusal_is_not_stored_either(client, north_worker):
    client.force_login(north_worker)
    response = client.get(reverse("core:user_list"))
    assert response.status_code == 403
    assert no_store(response)


def test_a_download_is_not_stored(client, psw):
    client.force_login(psw)
    response = client.get(reverse("reporting:template_default"))
    assert response["Content-Disposition"].startswith("attachment")
    assert no_store(response)


def test_a_download_is_not_stored_even_without_a_signed_in_user():
    request = RequestFactory().get("/file")
    request.user = AnonymousUser()

    def download(request):
        response = HttpResponse(b"data")
        response["Content-Disposition"] = 'attachment; filename="data.csv"'
        return response

    assert no_store(NoStoreMiddleware(download)(request))
    assert not no_store(NoStoreMiddleware(lambda request: HttpResponse(b"page"))(request))


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["core:accessibility", "core:privacy"])
def test_public_pages_for_someone_signed_out_may_be_stored(client, page):
    assert not no_store(client.get(reverse(page)))


def test_a_form_sent_without_its_token_shows_the_services_own_page(psw):
    client = Client(enforce_csrf_checks=True)
    client.force_login(psw)
    response = client.post(reverse("core:team_create"), {"name": "New team"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Sorry, the form could not be sent" in page
    assert 'class="govuk-template' in page


def test_a_form_sent_with_its_token_is_not_refused(psw):
    client = Client(enforce_csrf_checks=True)
    client.force_login(psw)
    client.get(reverse("core:team_create"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("core:team_create"), {"name": "", "csrfmiddlewaretoken": token})
    assert "Sorry, the form could not be sent" not in response.content.decode()


@override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=3)
def test_a_bad_request_shows_the_services_own_page(client, psw):
    client.force_login(psw)
    response = client.post(reverse("core:team_create"), {f"field{n}": "x" for n in range(10)})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Sorry, there is a problem with the request" in page
    assert 'class="govuk-template' in page


def test_a_refused_page_is_logged_on_one_line(client, north_worker, caplog):
    client.force_login(north_worker)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get(reverse("core:user_list"))
    refusals = [record for record in caplog.records if record.name == "django.request"]
    assert len(refusals) == 1
    assert refusals[0].exc_info is None
    assert "Forbidden (Permission denied): /users/" in refusals[0].getMessage()


def test_an_error_keeps_its_traceback():
    try:
        raise RuntimeError("database gone")
    except RuntimeError as error:
        exc_info = (type(error), error, error.__traceback__)
    for status, kept in [(500, True), (403, False)]:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "msg", (), exc_info)
        record.status_code = status
        assert refusals_on_one_line(record)
        assert (record.exc_info is not None) == kept


def test_too_many_sign_in_attempts_from_one_address_show_the_services_own_page(client, db):
    for _ in range(60):
        assert client.post(reverse("account_login"), {"login": "", "password": ""}).status_code == 200
    response = client.post(reverse("account_login"), {"login": "", "password": ""})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert 'class="govuk-template' in response.content.decode()
