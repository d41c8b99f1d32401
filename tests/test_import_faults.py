"""What the database can hold is checked by the import pipeline itself (core.imports.guard), for
values an import's own checks let through; and an import killed part way through its
transaction leaves nothing written.

The second is fault injection: a confirm is run once to count its queries, then once for each
query with that query failing as a lost connection would, and every table is compared with
before each time. Run on PostgreSQL too (docs/operations.md)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import OperationalError, connection, models
from django.utils import timezone

from pswhub.core.imports import PREVIEW_EXPIRED, PREVIEW_HOURS, Importer, UploadNotPreviewed, guard
from pswhub.core.retention import purge_expired
from pswhub.core.tests.factories import AuthorityFactory, StaffMemberFactory, TeamFactory
from pswhub.workforce.models import CensusReturnUpload
from pswhub.workforce.services.import_batches import CENSUS_RETURN, census_upload_read
from pswhub.workload.importing import caseload_file_read
from pswhub.workload.models import CaseloadImport
from pswhub.workload.services import CASELOADS

from .test_hostile_files import census, table_counts

pytestmark = pytest.mark.django_db

CASELOADS_FILE = b"""worker,date,case_type,count
E1,2026-01-31,child_in_need,3
E1,2026-01-31,child_protection,2
E2,2026-01-31,court_work,1
"""


@pytest.fixture
def council(db):
    authority = AuthorityFactory()
    team = TeamFactory(name="North", service__authority=authority)
    for number in ("E1", "E2"):
        StaffMemberFactory(employee_number=number, team=team)
    return authority


# The guard, field by field -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        (models.PositiveSmallIntegerField("year"), 99999, "99999 is outside what year holds: 0 to 32,767"),
        (models.PositiveSmallIntegerField("year"), 32767, None),
        (models.IntegerField("count"), 2**31, "2147483648 is outside what count holds: -2,147,483,648 to"),
        (models.IntegerField("count"), -(2**31), None),
        (models.DecimalField("salary", max_digits=9, decimal_places=2), Decimal("1e23"), "which holds numbers below"),
        # 9 digits, 2 of them after the point: 9,999,999.99 is the largest.
        (models.DecimalField("salary", max_digits=9, decimal_places=2), Decimal("9999999.99"), None),
        (models.DecimalField("salary", max_digits=9, decimal_places=2), Decimal("10000000"), "below 10,000,000"),
        (models.CharField("name", max_length=5), "Northe", "The value is 6 characters long; name holds at most 5"),
        (models.CharField("name", max_length=5), "North", None),
        (models.TextField("notes"), "one\x00two", "NUL character"),
        (models.JSONField("places"), ["one\x00two"], "NUL character"),
        (models.JSONField("places"), ["one", 2], None),
    ],
)
def test_the_guard_knows_what_each_column_holds(field, value, problem):
    found = guard.value_problem(field, value)
    assert (found is None) if problem is None else (problem in found)


def _overflowing_caseloads(*, content, file_name):
    """The caseload file as its reader reads it, then its second row's count made larger than an
    integer column holds: a value that got past an import's own checks."""
    checked = caseload_file_read(content=content, file_name=file_name)
    checked.rows[1]["count"] = 2**31
    return checked


def test_a_value_past_an_imports_checks_is_refused_at_confirm_naming_its_row_and_nothing_is_written(council):
    importer = Importer(model=CaseloadImport, read=_overflowing_caseloads, write=CASELOADS.write)
    upload, _checked = importer.preview(file_name="caseloads.csv", content=CASELOADS_FILE)
    before = table_counts()

    upload = importer.confirm(upload=upload)

    assert upload.status == upload.REFUSED
    [problem] = upload.problems
    assert (problem["row"], problem["column"]) == (3, "count")
    assert problem["message"].startswith("2147483648 is outside what count holds")
    # Only the upload's own change history has a row more: it was refused.
    after = table_counts()
    assert after.pop("workload.HistoricalCaseloadImport") == before.pop("workload.HistoricalCaseloadImport") + 1
    assert after == before


def _overpaid_census(*, content, file_name=""):
    census_return = census_upload_read(content=content, file_name=file_name)
    census_return.workers[0]["base_salary"] = Decimal("1e23")
    return census_return


def test_a_value_past_an_imports_checks_is_refused_at_preview_naming_the_worker(council):
    importer = Importer(model=CensusReturnUpload, read=_overpaid_census, write=CENSUS_RETURN.write)
    before = table_counts()

    upload, checked = importer.preview(file_name="csww.xml", content=census())

    assert upload is None
    problem = checked.problems[-1]
    assert (problem.row, problem.column) == (None, "base_salary")
    assert problem.message.startswith("Worker SW123456: 1E+23 is too large for base salary")
    assert table_counts() == before


# Fault injection ---------------------------------------------------------------------------------


class LostConnection:
    """Fails the `at`-th query run while it is installed, as a dropped connection would."""

    def __init__(self, at):
        self.at, self.seen = at, 0

    def __call__(self, execute, sql, params, many, context):
        self.seen += 1
        if self.seen == self.at:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


def _confirm_killed_at_each_query(importer, upload):
    """Confirms `upload` once for each query its confirmation runs, that query failing; checks
    every table is as it was after each. Returns how many queries the confirmation runs."""
    upload_model = type(upload)
    counter = LostConnection(at=0)  # fails none: counts
    sid = connection.savepoint()
    with connection.execute_wrapper(counter):
        importer.confirm(upload=upload)
    connection.savepoint_rollback(sid)
    total = counter.seen
    assert total > 3
    before = table_counts()
    for at in range(1, total + 1):
        with pytest.raises(OperationalError), connection.execute_wrapper(LostConnection(at)):
            importer.confirm(upload=upload_model.objects.get(pk=upload.pk))
        assert table_counts() == before, f"query {at} of {total}"
        assert upload_model.objects.get(pk=upload.pk).status == upload_model.PREVIEWED
    return total


def test_a_caseload_import_killed_at_any_query_leaves_nothing_written(council):
    upload, _checked = CASELOADS.preview(file_name="caseloads.csv", content=CASELOADS_FILE)
    _confirm_killed_at_each_query(CASELOADS, upload)


def test_a_census_import_killed_at_any_query_leaves_nothing_written(council):
    upload, _checked = CENSUS_RETURN.preview(file_name="csww.xml", content=census())
    _confirm_killed_at_each_query(CENSUS_RETURN, upload)


def test_the_tables_compared_include_the_change_history_and_the_uploads():
    labels = set(table_counts())
    assert {"workload.CaseloadSnapshot", "workload.HistoricalCaseloadSnapshot", "workload.CaseloadImport"} <= labels
    assert len(labels) == len([m for m in apps.get_models() if m._meta.label != "sessions.Session"])


# Expired previews ---------------------------------------------------------------------------------


def test_an_expired_preview_is_refused_and_its_file_emptied_by_the_retention_schedule(council):
    now = timezone.now()
    stale, _checked = CASELOADS.preview(file_name="stale.csv", content=CASELOADS_FILE)
    fresh, _checked = CASELOADS.preview(file_name="fresh.csv", content=CASELOADS_FILE)
    # Two hours and a minute ago: just past PREVIEW_HOURS.
    CaseloadImport.objects.filter(pk=stale.pk).update(uploaded_at=now - timedelta(hours=PREVIEW_HOURS, minutes=1))

    assert _removed(purge_expired(dry_run=True, now=now)) == 1
    assert CaseloadImport.objects.get(pk=stale.pk).status == "previewed"  # a dry run only counts
    assert _removed(purge_expired(now=now)) == 1

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.status, bytes(stale.content)) == ("refused", b"")
    assert stale.problems == [{"row": None, "column": "", "message": PREVIEW_EXPIRED.format(hours=PREVIEW_HOURS)}]
    assert (fresh.status, bytes(fresh.content)) == ("previewed", CASELOADS_FILE)
    with pytest.raises(UploadNotPreviewed):
        CASELOADS.confirm(upload=stale)


def _removed(results):
    return next(result["removed"] for result in results if result["rule"].key == "import_previews")
