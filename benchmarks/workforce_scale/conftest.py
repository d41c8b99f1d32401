"""The workforce benchmarks at scale run against databases of their own, one per size, made once by
`generate.py` and kept between runs (docs/performance.md, "Workforce at scale").

- Which sizes: `PSWHUB_BENCH_SCALE`, a comma-separated list of `council`, `region`, `england`
  (default `council`). England runs on PostgreSQL only.
- Where: on PostgreSQL (DATABASE_URL names one), the database `pswhub_bench_<size>` on the same
  server, created if missing; on SQLite, `var/bench/workforce-<size>.sqlite3`.
- A database that already holds its size (`generate.is_generated`) is migrated and reused;
  otherwise it is made again from nothing.

While a benchmark runs, Django's default connection is swapped for one to the size's database,
so the pages, the cache and the sessions all use it; the test database of the other benchmarks
(the demo council) is left alone."""

import os
import subprocess
import sys
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.db import connections

from .generate import SCALES

REPO = Path(__file__).resolve().parents[2]
SCALE_ENVIRONMENT = "PSWHUB_BENCH_SCALE"


def scales_asked():
    names = [name.strip() for name in os.environ.get(SCALE_ENVIRONMENT, "council").split(",") if name.strip()]
    unknown = [name for name in names if name not in SCALES]
    if unknown:
        raise pytest.UsageError(f"{SCALE_ENVIRONMENT}: unknown size {unknown}; choose from {list(SCALES)}")
    return names


def pytest_generate_tests(metafunc):
    if "scale" in metafunc.fixturenames:
        metafunc.parametrize("scale", scales_asked(), indirect=True, scope="session")


def _postgresql_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def bench_database_url(scale):
    base = _postgresql_url()
    if base:
        return urlunsplit(urlsplit(base)._replace(path=f"/pswhub_bench_{scale.name}"))
    folder = Path(settings.VAR_DIR) / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / f'workforce-{scale.name}.sqlite3'}"


def _create_postgresql_database(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


def _holds_other_data(url, marker):
    """True when the database holds synthetic data, but not this size at the generator's current
    version: an older version, or a generation that was cut short. Such a database is made again."""
    query = "SELECT name FROM core_authority WHERE name LIKE 'Synthetic %'"
    try:
        if url.startswith("postgres"):
            import psycopg

            with psycopg.connect(url) as connection:
                names = [row[0] for row in connection.execute(query)]
        else:
            import sqlite3

            path = url.removeprefix("sqlite:///")
            if not Path(path).exists():
                return False
            with closing(sqlite3.connect(path)) as connection:
                names = [row[0] for row in connection.execute(query)]
    except Exception:  # no such database or table yet: nothing to make again
        return False
    return bool(names) and marker not in names


def _drop(url):
    if url.startswith("postgres"):
        import psycopg

        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)


def database_prepare(scale):
    """Makes sure the size's database exists, is migrated and holds the size; returns its URL."""
    url = bench_database_url(scale)
    if _holds_other_data(url, scale.marker):
        _drop(url)
    if url.startswith("postgres"):
        _create_postgresql_database(url)
    environment = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "-m", "benchmarks.workforce_scale.generate", scale.name], cwd=REPO, env=environment, check=True
    )
    return url


@contextmanager
def default_connection_to(url):
    """Django's default connection points at `url` inside the block."""
    import dj_database_url

    original = connections["default"]
    parsed = dj_database_url.parse(url, conn_max_age=0)
    settings_dict = {**original.settings_dict, "NAME": parsed["NAME"]}
    swapped = original.__class__(settings_dict, alias="default")
    connections["default"] = swapped
    try:
        yield swapped
    finally:
        swapped.close()
        connections["default"] = original


@pytest.fixture(scope="session")
def scale(request, django_db_blocker):
    """The size asked for, its database ready. Skips England unless on PostgreSQL."""
    chosen = SCALES[request.param]
    if chosen.postgresql_only and not _postgresql_url():
        pytest.skip(f"The {chosen.name} size runs on PostgreSQL only: set DATABASE_URL to a PostgreSQL server")
    with django_db_blocker.unblock():
        chosen_url = database_prepare(chosen)
    return chosen, chosen_url


@pytest.fixture
def scale_database(scale, django_db_blocker):
    """Within a test: the default connection is the size's database. Yields the size."""
    chosen, url = scale
    with django_db_blocker.unblock(), default_connection_to(url):
        yield chosen
