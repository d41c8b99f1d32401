"""A small deployment on this machine: two gunicorn web processes and one `manage.py db_worker`,
all on one fresh database, run with the production settings exactly as docs/deployment.md
describes. The database is whichever kind DATABASE_URL names: a new PostgreSQL database (dropped
afterwards) when it points at PostgreSQL, otherwise a temporary SQLite file."""

import json
import os
import re
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter

REPO = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, str(REPO / "manage.py")]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

# The public name the load balancer answers to. Every web process sees the same Host header, as
# behind nginx, so anything keyed on the site (allauth's per-account rate limit) is shared.
PUBLIC_HOST = "pswhub.test"
ADMIN_USERNAME = "ada"
ADMIN_PASSWORD = "shared-database-admin-1"
ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
WORKER_USERNAME = "sam"
WORKER_PASSWORD = "shared-database-worker-1"
STARTUP_SECONDS = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Database:
    """A database of its own for the deployment, and plain SQL to look inside it afterwards."""

    def __init__(self, tmp_path):
        base_url = os.environ.get("DATABASE_URL", "")
        self.is_postgres = base_url.startswith(("postgres://", "postgresql://"))
        if self.is_postgres:
            import psycopg

            self.name = f"pswhub_mp_{secrets.token_hex(4)}"
            parts = urlsplit(base_url)
            self._admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            with psycopg.connect(self._admin_url, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{self.name}"')
        else:
            self.path = tmp_path / "pswhub.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def query(self, sql, params=()):
        if self.is_postgres:
            import psycopg

            with psycopg.connect(self.url) as connection:
                return connection.execute(sql.replace("?", "%s"), params).fetchall()
        with sqlite3.connect(self.path) as connection:
            return connection.execute(sql, params).fetchall()

    def json(self, value):
        """A JSON column's value: psycopg decodes it already, sqlite3 hands back the text."""
        return value if self.is_postgres else json.loads(value)

    def drop(self):
        if self.is_postgres:
            import psycopg

            with psycopg.connect(self._admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@dataclass
class Deployment:
    database: Database
    web: list
    mail_dir: Path
    logs: dict = field(default_factory=dict)

    def log(self, name):
        return self.logs[name].read_text(errors="replace")[-4000:]


def production_environment(database, tmp_path, mail_dir):
    """The environment docs/deployment.md tells an operator to set, for processes on loopback."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PSWHUB_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database.url,
        ALLOWED_HOSTS=PUBLIC_HOST,
        PSWHUB_VAR_DIR=str(tmp_path / "var"),
        EMAIL_BACKEND="file",
        EMAIL_FILE_PATH=str(mail_dir),
        DEFAULT_FROM_EMAIL="pswhub@pswhub.test",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def run_manage(env, *args, stdin=None):
    command = [*MANAGE, *args]
    result = subprocess.run(command, cwd=REPO, env=env, input=stdin, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


CREATE_PEOPLE = f"""
from pswhub.core import roles
from pswhub.core.models import Role, User
from pswhub.core.tests.factories import give_authenticator_app

admin = User.objects.create_user(
    {ADMIN_USERNAME!r}, password={ADMIN_PASSWORD!r}, first_name="Ada", last_name="Lovelace"
)
admin.roles.set(Role.objects.filter(code=roles.ADMIN))
give_authenticator_app(admin, {ADMIN_TOTP_SECRET!r})
worker = User.objects.create_user(
    {WORKER_USERNAME!r}, password={WORKER_PASSWORD!r}, first_name="Sam", last_name="Okoro"
)
worker.roles.set(Role.objects.filter(code=roles.SOCIAL_WORKER))
"""


def start(command, env, log_path):
    log = log_path.open("wb")
    # A session of its own, so that stopping it reaches every child (gunicorn's workers).
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process):
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def wait_until_serving(base_url, process, log_path):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"{base_url} exited with {process.returncode}:\n{log_path.read_text(errors='replace')}"
            )
        try:
            response = requests.get(
                f"{base_url}/accounts/login/", headers=PROXY_HEADERS, timeout=2, allow_redirects=False
            )
            if response.status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.1)
    raise AssertionError(
        f"{base_url} did not serve within {STARTUP_SECONDS} s:\n{log_path.read_text(errors='replace')}"
    )


# What nginx adds in front of every web process: the public host name and the original scheme.
# With these the production settings (secure cookies, CSRF origin checks) behave as in service.
PROXY_HEADERS = {"Host": PUBLIC_HOST, "X-Forwarded-Proto": "https"}
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class SourceAddressAdapter(HTTPAdapter):
    def __init__(self, source_ip):
        self.source_ip = source_ip
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source_ip, 0)
        super().init_poolmanager(*args, **kwargs)


class Browser:
    """One person's browser reaching the web processes through the load balancer.

    It keeps its own cookie jar because the production cookies are marked Secure: the browser saw
    them over HTTPS at the proxy, while the hop from the proxy to gunicorn is plain HTTP. It can
    come from any loopback address, so tests can stand for people on different machines."""

    def __init__(self, source_ip="127.0.0.1"):
        self.http = requests.Session()
        self.http.mount("http://", SourceAddressAdapter(source_ip))
        self.cookies = {}

    def request(self, method, url, data=None):
        headers = {**PROXY_HEADERS, "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        if method == "POST":
            headers["Origin"] = f"https://{PUBLIC_HOST}"
        response = self.http.request(method, url, data=data, headers=headers, allow_redirects=False, timeout=20)
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        self.http.cookies.clear()
        return response

    def get(self, url):
        return self.request("GET", url)

    def submit(self, url, data):
        """Opens the form at `url` and posts it with its CSRF token, as a person would."""
        form = self.get(url)
        assert form.status_code == 200, f"GET {url} gave {form.status_code}"
        token = CSRF_INPUT.search(form.text).group(1)
        return self.request("POST", url, data={"csrfmiddlewaretoken": token, **data})
