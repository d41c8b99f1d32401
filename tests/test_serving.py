"""How `make run` and a production server start PSW Hub's web processes: through
config/gunicorn.py (docs/deployment.md), with two workers per core unless WEB_CONCURRENCY says
otherwise, and each worker keeping its database connection."""

import os
import re
import runpy
from pathlib import Path

from django.conf import settings

REPO = Path(__file__).resolve().parents[1]


def _run_recipe():
    makefile = (REPO / "Makefile").read_text()
    recipe = re.search(r"^run:.*?\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has a run target"
    return recipe.group(1)


def test_make_run_starts_gunicorn_with_the_projects_settings_file():
    recipe = _run_recipe()
    assert "gunicorn -c config/gunicorn.py config.wsgi:application" in recipe
    assert "--workers" not in recipe, "the number of workers comes from config/gunicorn.py"
    assert "PSWHUB_BIND=$(HOST):$(PORT)" in recipe


def test_two_workers_per_core_unless_web_concurrency_says(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert runpy.run_path(str(REPO / "config/gunicorn.py"))["workers"] == 6
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    assert runpy.run_path(str(REPO / "config/gunicorn.py"))["workers"] == 5


def test_a_worker_keeps_its_database_connection():
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == int(os.environ.get("PSWHUB_DB_CONN_MAX_AGE", "60"))
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
