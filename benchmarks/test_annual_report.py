"""Budget: the full annual report for the demo council, in Word, PDF and HTML, is made in under
10 s in total, and the process that makes it never holds more than 500 MB.

What is made is what the PSW gets from the draft's page: a report for 2025/26 covering both
services, and for each of the three formats one run of the task the worker runs
(`pswhub.reporting.tasks.export_generate`), which builds every section from the data again and
writes the file. The settings run tasks at once, so asking for a file makes it.

- Time: the median of a few rounds in this process, after one warm-up round (so fonts, templates
  and imports are already loaded); each round makes all three files.
- Memory: a fresh Python process of its own (`python benchmarks/test_annual_report.py`) against a
  throwaway database with the demo council, which makes the three files once and reports its peak
  resident set size (`VmHWM` in /proc/self/status, Linux): everything the process held at its
  highest point, Python, Django, WeasyPrint's native libraries and all. Not
  `getrusage(RUSAGE_SELF).ru_maxrss`: Linux carries that over from the parent through fork and
  exec, so in a child of pytest it reports pytest's own peak. A second such process
  reports tracemalloc's peak of Python allocations made while the files were made, for
  comparison; tracemalloc cannot see native memory (Pango, HarfBuzz), so the budget is checked
  on the resident set size."""

import json
import os
import secrets
import subprocess
import sys
import time
import tracemalloc
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[1]
BUDGET_SECONDS = 10
BUDGET_MEGABYTES = 500
ROUNDS = 5
FORMATS = ["docx", "pdf", "html"]
PERIOD = (date(2025, 4, 1), date(2026, 3, 31))


def draft_for_demo_council():
    from pswhub.core.models import User
    from pswhub.reporting.services import report_create

    psw = User.objects.get(username="demo-psw")
    return psw, report_create(user=psw, period_start=PERIOD[0], period_end=PERIOD[1], services="all")


def all_three_files(psw, report):
    """Makes the three files as the worker does and returns {format: (seconds, size in bytes)}."""
    from pswhub.reporting.models import ExportStatus, ReportExport
    from pswhub.reporting.tasks import export_generate

    made = {}
    for fmt in FORMATS:
        started = time.perf_counter()
        export = ReportExport.objects.create(report=report, format=fmt, requested_by=psw)
        export_generate.call(export_id=export.pk)
        export.refresh_from_db()
        assert export.status == ExportStatus.DONE, export.error
        made[fmt] = (time.perf_counter() - started, len(export.content))
    return made


# --- Time, in this process ---------------------------------------------------------------------


def test_annual_report_in_all_three_formats_time(benchmark, db):
    psw, report = draft_for_demo_council()
    benchmark.group = "annual report"
    benchmark.extra_info["budget_s"] = BUDGET_SECONDS
    rounds = []

    def make():
        rounds.append(all_three_files(psw, report))

    benchmark.pedantic(make, rounds=ROUNDS, warmup_rounds=1)

    measured = rounds[1:]  # the first was the warm-up
    for fmt in FORMATS:
        seconds = sorted(made[fmt][0] for made in measured)
        benchmark.extra_info[f"{fmt}_median_s"] = round(seconds[len(seconds) // 2], 3)
        benchmark.extra_info[f"{fmt}_bytes"] = measured[-1][fmt][1]
        assert measured[-1][fmt][1] > 0, f"the {fmt} file is empty"
    median = benchmark.stats.stats.median
    assert median < BUDGET_SECONDS, f"all three files: median {median:.2f} s"


# --- Memory, in a process of its own -----------------------------------------------------------


class Database:
    """A throwaway database with the demo council: a SQLite file, or a new PostgreSQL database
    when DATABASE_URL names PostgreSQL."""

    def __init__(self, tmp_path):
        self.env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        self.env.update(DJANGO_SETTINGS_MODULE="config.settings.test", PSWHUB_VAR_DIR=str(tmp_path))
        self.admin_url = None
        base_url = os.environ.get("DATABASE_URL", "")
        if base_url.startswith(("postgres://", "postgresql://")):
            import psycopg

            self.name = f"pswhub_report_{secrets.token_hex(4)}"
            parts = urlsplit(base_url)
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{self.name}"))
            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{self.name}"')
        else:
            self.env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'report.sqlite3'}"
        self.run([str(REPO / "manage.py"), "prepare_database"])

    def run(self, args):
        result = subprocess.run(
            [sys.executable, *args], cwd=REPO, env=self.env, capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def drop(self):
        if self.admin_url:
            import psycopg

            with psycopg.connect(self.admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def resident_mb(field):
    """`VmRSS` (resident now) or `VmHWM` (the peak since the process started) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024  # given in kB
    raise LookupError(field)


def measure(mode):
    """Run as a script: makes the three files once and prints what it measured as JSON."""
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.db import connection

    psw, report = draft_for_demo_council()
    peak_before, resident_before = resident_mb("VmHWM"), resident_mb("VmRSS")
    if mode == "tracemalloc":
        tracemalloc.start()
    started = time.perf_counter()
    made = all_three_files(psw, report)
    seconds = time.perf_counter() - started
    result = {
        "database": connection.vendor,
        "seconds": seconds,
        "files": made,
        "peak_before_report_mb": peak_before,
        "resident_before_report_mb": resident_before,
        "peak_mb": resident_mb("VmHWM"),
    }
    if mode == "tracemalloc":
        result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    print(json.dumps(result))


def test_annual_report_in_all_three_formats_peak_memory(benchmark, tmp_path):
    database = Database(tmp_path)
    try:
        measured = {
            mode: json.loads(database.run([__file__, mode]).strip().splitlines()[-1]) for mode in ("rss", "tracemalloc")
        }
    finally:
        database.drop()
    rss = measured["rss"]
    benchmark.group = "annual report memory"
    benchmark.extra_info.update(
        database=rss["database"],
        budget_mb=BUDGET_MEGABYTES,
        peak_rss_mb=round(rss["peak_mb"], 1),
        peak_rss_before_report_mb=round(rss["peak_before_report_mb"], 1),
        rss_before_report_mb=round(rss["resident_before_report_mb"], 1),
        first_run_s=round(rss["seconds"], 2),
        tracemalloc_peak_mb=round(measured["tracemalloc"]["tracemalloc_peak_mb"], 1),
    )
    # The measurement is the subprocess's; this keeps `--benchmark-only` from skipping the test.
    benchmark.pedantic(lambda: None, rounds=1)
    print(f"\nannual report memory: {json.dumps(benchmark.extra_info)}")
    assert all(size > 0 for _, size in rss["files"].values()), rss["files"]
    assert rss["peak_mb"] < BUDGET_MEGABYTES, f"peak resident set size {rss['peak_mb']:.0f} MB"


if __name__ == "__main__":
    measure(sys.argv[1])
