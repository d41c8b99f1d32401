"""Random files through every import's preview and confirm (hypothesis): CSV in several encodings,
XLSX, random bytes and census returns with random values. Whatever the file, the import either
keeps a preview or refuses with problems that each say something; it never raises; a refused
file changes no table; a confirmation imports or refuses, never half-writes.

`make test` runs ten files per import, the same ten each time; `make fuzz` runs 10,000 in all
(PSWHUB_FUZZ_EXAMPLES sets how many per import)."""

import io
import os

import pytest
import xlsxwriter
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pswhub.audits.services.imports import AUDITS, CASE_LIST
from pswhub.core.imports.guard import values_guarded
from pswhub.core.tests.factories import AuthorityFactory, StaffMemberFactory, TeamFactory
from pswhub.learning.services import LEARNING_EVENTS
from pswhub.people_development.import_services import EARLY_CAREERS, PLACEMENTS, PROGRESSION
from pswhub.registrations.services import RENEWALS
from pswhub.workforce.services.import_batches import CENSUS_RETURN, HR_EXTRACT
from pswhub.workload.services import CASELOADS

from .test_hostile_files import census

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("PSWHUB_FUZZ_EXAMPLES", "10"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 25,  # the quick run is the same every time
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

TABLE_IMPORTERS = {
    "caseloads": CASELOADS,
    "audits": AUDITS,
    "case list": CASE_LIST,
    "HR extract": HR_EXTRACT,
    "learning": LEARNING_EVENTS,
    "renewals": RENEWALS,
    "placements": PLACEMENTS,
    "early careers": EARLY_CAREERS,
    "progression": PROGRESSION,
}

# Headers the imports know, so that random rows reach each import's own checks and its write.
HEADERS = [
    "worker", "date", "case_type", "count", "complexity", "case_reference", "audit_type", "team", "completed_on",
    "overall_grade", "themes", "strengths", "opened_on", "employee_number", "first_name", "last_name", "email",
    "job_title", "started_on", "left_on", "fte", "contract_type", "swe_number", "census_role", "title", "starts_on",
    "ends_on", "places", "renewal_date", "cpd_entries", "status", "service", "student", "provider", "outcome",
]  # fmt: skip
CELLS = [
    "E1", "E2", "North", "north ", "2026-01-31", "31/01/2026", "45658", "child_in_need", "court_work", "3", "0",
    "complex", "full", "dip_sample", "good", "inadequate", "CR1", "SW123456", "1", "0.5", "permanent", "children",
    "2147483648", "99999999999999999999", "1e23", "-1", "NaN", "Infinity", "=HYPERLINK(\"http://x\",\"y\")",
    "+1", "@SUM(A1)", "x\x00y", "x" * 300, "\u202etxt", "𝒳", "", " ", "'", "\"", "9999-12-31", "0001-01-01",
]  # fmt: skip

cell = st.one_of(st.sampled_from(CELLS), st.text(max_size=30))
rows = st.lists(st.lists(cell, min_size=0, max_size=8), min_size=0, max_size=8)
table = st.tuples(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=8, unique=True), rows)


def _csv(header, body, encoding, separator):
    lines = [header, *body]
    text = "\n".join(separator.join('"' + c.replace('"', '""') + '"' if c else "" for c in row) for row in lines)
    return text.encode(encoding, errors="replace")


def _xlsx(header, body):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet()
    for number, row in enumerate([header, *body]):
        for position, value in enumerate(row):
            sheet.write_string(number, position, value)
    book.close()
    return buffer.getvalue()


table_file = st.one_of(
    st.builds(
        lambda t, encoding, separator: ("file.csv", _csv(*t, encoding, separator)),
        table,
        st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
        st.sampled_from([",", ";", "\t"]),
    ),
    st.builds(lambda t: ("file.xlsx", _xlsx(*t)), table),
    st.builds(lambda content, name: (name, content), st.binary(max_size=300), st.sampled_from(["a.csv", "a.xlsx"])),
)

census_value = st.one_of(st.sampled_from(CELLS), st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
census_file = st.builds(
    lambda year, salary, cases, allowances: census(year=year, salary=salary, cases=cases, allowances=allowances),
    st.one_of(st.just("2025"), census_value),
    census_value,
    census_value,
    census_value,
)


@pytest.fixture
def council(db):
    authority = AuthorityFactory()
    team = TeamFactory(name="North", service__authority=authority)
    StaffMemberFactory(employee_number="E1", team=team)
    StaffMemberFactory(employee_number="E2", team=team)
    return authority


def _tried(importer, name, content):
    """Previews and, when kept, confirms a file; everything undone afterwards. A refusal must
    leave no upload and say something for each problem."""
    model = importer.model
    with transaction.atomic():
        held = model.objects.count()
        upload, checked = importer.preview(file_name=name, content=content)
        if upload is None:
            assert checked.problems and all(str(getattr(p, "message", p)).strip() for p in checked.problems)
            assert model.objects.count() == held
        else:
            with values_guarded():
                upload = importer.confirm(upload=upload)
            assert upload.status in (model.IMPORTED, model.REFUSED)
            if upload.status == model.REFUSED:
                assert upload.problems
        transaction.set_rollback(True)


@pytest.mark.parametrize("which", TABLE_IMPORTERS)
@FUZZ
@given(file=table_file)
def test_no_random_table_breaks_an_import(council, which, file):
    _tried(TABLE_IMPORTERS[which], *file)


@FUZZ
@given(content=census_file)
def test_no_random_census_return_breaks_its_import(council, content):
    _tried(CENSUS_RETURN, "csww.xml", content)
