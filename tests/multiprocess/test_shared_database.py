"""Two web processes and a worker on one database behave as one service: a session started on one
web process is good on the other, a task queued by a web process is run by the worker, and failed
sign-ins count against the same limit whichever process receives them."""

import time
from html import unescape

import pytest
from allauth.account.adapter import DefaultAccountAdapter

from pswhub.core.tests.factories import current_totp_code

from .deployment import (
    ADMIN_PASSWORD,
    ADMIN_TOTP_SECRET,
    ADMIN_USERNAME,
    PUBLIC_HOST,
    WORKER_PASSWORD,
    WORKER_USERNAME,
    Browser,
)

pytestmark = pytest.mark.multiprocess

TOO_MANY_FAILED_SIGN_INS = str(DefaultAccountAdapter.error_messages["too_many_login_attempts"])
WRONG_PASSWORD = str(DefaultAccountAdapter.error_messages["username_password_mismatch"])
MAIL_WAIT_SECONDS = 30
TOTP_PERIOD = 30


def fresh_totp_code():
    """A code that stays valid for the few seconds the request takes (the tolerance is zero)."""
    remaining = TOTP_PERIOD - time.time() % TOTP_PERIOD
    if remaining < 3:
        time.sleep(remaining + 0.5)
    return current_totp_code(ADMIN_TOTP_SECRET)


@pytest.fixture(scope="module")
def admin_browser(deployment):
    """The administrator, signed in with password and authenticator app on the first web process."""
    web1 = deployment.web[0]
    browser = Browser()
    response = browser.submit(f"{web1}/accounts/login/", {"login": ADMIN_USERNAME, "password": ADMIN_PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/accounts/2fa/authenticate/"
    response = browser.submit(f"{web1}/accounts/2fa/authenticate/", {"code": fresh_totp_code()})
    assert response.status_code == 302 and response.headers["Location"] == "/", response.text[:2000]
    return browser


def test_a_session_started_on_one_web_process_is_good_on_the_other(deployment, admin_browser):
    web1, web2 = deployment.web

    for web in (web2, web1, web2):
        home = admin_browser.get(f"{web}/")
        assert home.status_code == 200, f"{web}: {home.status_code} {home.headers.get('Location')}"
        assert "Hello, Ada" in home.text

    signed_out = Browser().get(f"{web2}/")
    assert signed_out.status_code == 302
    assert signed_out.headers["Location"].startswith("/accounts/login/")


def test_the_worker_sends_the_email_for_an_account_made_on_a_web_process(deployment, admin_browser):
    web2 = deployment.web[1]

    response = admin_browser.submit(
        f"{web2}/users/new/",
        {
            "username": "new.starter",
            "first_name": "Nia",
            "last_name": "Starter",
            "email": "nia.starter@northshire.example",
            "roles": "social_worker",
        },
    )
    assert response.status_code == 302 and response.headers["Location"] == "/users/", unescape(response.text)[:3000]

    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    messages = []
    while not messages and time.monotonic() < deadline:
        messages = sorted(deployment.mail_dir.glob("*.log"))
        time.sleep(0.2)
    assert messages, f"No e-mail within {MAIL_WAIT_SECONDS} s. Worker log:\n{deployment.log('worker')}"
    email = messages[0].read_text()
    assert "Subject: Your PSW Hub account" in email
    assert "To: nia.starter@northshire.example" in email
    assert "Your username is new.starter" in email
    assert f"https://{PUBLIC_HOST}/accounts/login/" in email

    # The worker marks the result only after the e-mail is written, so wait for it briefly too.
    while time.monotonic() < deadline:
        results = deployment.database.query(
            "SELECT status, return_value, worker_ids FROM django_tasks_database_dbtaskresult WHERE task_path = ?",
            ("pswhub.core.tasks.send_account_created_email",),
        )
        if results and results[0][0] != "RUNNING":
            break
        time.sleep(0.2)
    assert len(results) == 1
    status, return_value, worker_ids = results[0]
    assert status == "SUCCESSFUL"
    assert deployment.database.json(return_value) == "nia.starter@northshire.example"
    assert len(deployment.database.json(worker_ids)) == 1


def test_failed_sign_ins_count_against_one_limit_across_web_processes(deployment):
    web1, web2 = deployment.web
    # Someone guessing Sam's password from one machine, alternating between the web processes.
    guesser = Browser(source_ip="127.0.0.2")
    for attempt in range(5):
        web = (web1, web2)[attempt % 2]
        response = guesser.submit(f"{web}/accounts/login/", {"login": WORKER_USERNAME, "password": f"guess-{attempt}"})
        assert response.status_code == 200
        assert WRONG_PASSWORD in unescape(response.text), f"attempt {attempt + 1} on {web}"

    for web in (web1, web2):
        response = guesser.submit(f"{web}/accounts/login/", {"login": WORKER_USERNAME, "password": WORKER_PASSWORD})
        assert TOO_MANY_FAILED_SIGN_INS in unescape(response.text), web
        assert "sessionid" not in "".join(guesser.cookies)

    # Sam at his own desk, with the right password, is held back too: the per-account limit is
    # shared through the database, not kept in one process's memory.
    sam = Browser(source_ip="127.0.0.3")
    for web in (web2, web1):
        response = sam.submit(f"{web}/accounts/login/", {"login": WORKER_USERNAME, "password": WORKER_PASSWORD})
        assert TOO_MANY_FAILED_SIGN_INS in unescape(response.text), web
