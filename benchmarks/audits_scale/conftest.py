"""Where the synthetic audits live while they are measured.

- `council`: written into the test database (the demo council's audits are taken out first, so
  that the council has exactly its 3,000), inside a transaction rolled back at the end of the
  module; the other benchmarks never see them. SQLite or PostgreSQL.
- `england`: only when `PSWHUB_BENCH_SCALE` names it (a comma-separated list, e.g.
  `PSWHUB_BENCH_SCALE=england`) and `DATABASE_URL` is PostgreSQL. Kept in a database of its own
  on the same server, `pswhub_bench_audits_england` (or `PSWHUB_BENCH_ENGLAND_DB`), generated the
  first time and reused after that: generating it takes a long time (see docs/performance.md).
  It is migrated on every run, so a new migration is measured as it would be deployed. Nothing
  the benchmarks write there (sessions) is kept: they run inside a transaction rolled back at
  the end.
"""

import os
import time
from contextlib import contextmanager

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, transaction

from .generate import COUNCIL, ENGLAND, generate

ENGLAND_DB = os.environ.get("PSWHUB_BENCH_ENGLAND_DB", "pswhub_bench_audits_england")
# Written into the England database once it is complete: an interrupted generation is redone.
INFO_TABLE = "pswhub_bench_info"


def scales_asked():
    return {word.strip().lower() for word in os.environ.get("PSWHUB_BENCH_SCALE", "").split(",") if word.strip()}


@contextmanager
def rolled_back():
    atomic = transaction.atomic()
    atomic.__enter__()
    try:
        yield
    finally:
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def _server(dbname):
    settings = connection.settings_dict
    return psycopg.connect(
        dbname=dbname,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


def _england_state():
    """ "complete", "partial" (an interrupted generation) or "missing"."""
    with _server("postgres") as server:
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [ENGLAND_DB]).fetchone():
            return "missing"
    with _server(ENGLAND_DB) as db:
        if db.execute("SELECT to_regclass(%s)", [INFO_TABLE]).fetchone()[0] is None:
            return "partial"
    return "complete"


def _england_create(state):
    with _server("postgres") as server:
        if state == "partial":
            server.execute(f'DROP DATABASE "{ENGLAND_DB}"')
        server.execute(f'CREATE DATABASE "{ENGLAND_DB}"')


def pytest_collection_modifyitems(items):
    """The council's benchmarks need the test database (pytest-django creates it only for tests
    that ask for it); England's use a database of their own."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("audit_scale") == "council":
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="module", params=["council", "england"])
def audit_scale(request, django_db_blocker):
    """The scale's name, with the database connection on that scale's data."""
    if request.param == "council":
        request.getfixturevalue("django_db_setup")
        with django_db_blocker.unblock(), rolled_back():
            from pswhub.audits.models import Audit

            Audit.objects.all().delete()
            generate(COUNCIL, log=lambda line: None)
            yield COUNCIL
        return
    if "england" not in scales_asked():
        pytest.skip("England scale: set PSWHUB_BENCH_SCALE=england")
    if connection.vendor != "postgresql":
        pytest.skip("England scale runs on PostgreSQL only: set DATABASE_URL")
    state = _england_state()
    if state != "complete":
        _england_create(state)
    connection.close()
    name = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = ENGLAND_DB
    try:
        with django_db_blocker.unblock():
            call_command("migrate", verbosity=0)
            if state != "complete":
                started = time.monotonic()
                counts = generate(ENGLAND)
                with connection.cursor() as cursor:
                    cursor.execute(f"CREATE TABLE {INFO_TABLE} (generated_at timestamptz, seconds real, counts text)")
                    cursor.execute(
                        f"INSERT INTO {INFO_TABLE} VALUES (now(), %s, %s)",  # noqa: S608
                        [time.monotonic() - started, str(counts)],
                    )
            with rolled_back():
                yield ENGLAND
    finally:
        connection.close()
        connection.settings_dict["NAME"] = name
