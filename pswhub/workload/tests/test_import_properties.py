"""Properties of the caseload file reader, over many generated files: every good row is read back
exactly, and any bad count is named by its row and column with nothing read."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.workload.importing import caseload_file_read
from pswhub.workload.reference import CASE_TYPES

TODAY = date(2026, 11, 1)
WORKERS = ["E1", "E2", "E3"]
CODES = [code for code, *_ in CASE_TYPES]

good_rows = st.lists(
    st.tuples(
        st.sampled_from(WORKERS),
        st.dates(min_value=date(2016, 1, 1), max_value=TODAY),
        st.sampled_from(CODES),
        st.integers(min_value=0, max_value=500),
    ),
    min_size=1,
    max_size=20,
    unique_by=lambda row: row[:3],
)
bad_counts = st.one_of(
    st.integers(max_value=-1).map(str),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda number: not float(number).is_integer()).map(str),
    st.text(alphabet="abcxyz ,.-", min_size=1, max_size=6).filter(lambda text: not text.strip().isdigit()),
)


@pytest.fixture
def workers(db):
    return {number: StaffMemberFactory(employee_number=number) for number in WORKERS}


def _csv(rows):
    return ("worker,date,case_type,count\n" + "".join(f"{w},{d.isoformat()},{t},{c}\n" for w, d, t, c in rows)).encode()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=good_rows)
def test_every_good_row_is_read_back_exactly(workers, rows):
    read = caseload_file_read(content=_csv(rows), file_name="caseloads.csv", today=TODAY)

    assert read.problems == []
    assert [
        (row["staff_member"].employee_number, row["date"], row["case_type"].pk, row["count"]) for row in read.rows
    ] == [(w, d, t, c) for w, d, t, c in rows]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=good_rows, bad=bad_counts, data=st.data())
def test_a_bad_count_is_named_by_row_and_column_and_nothing_is_read(workers, rows, bad, data):
    position = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    worker, day, case_type, _ = rows[position]
    rows = [*rows[:position], (worker, day, case_type, bad.replace(",", "")), *rows[position + 1 :]]
    if rows[position][3].strip().isdigit():
        return  # stripping commas made it a whole number after all

    read = caseload_file_read(content=_csv(rows), file_name="caseloads.csv", today=TODAY)

    assert [(problem.row, problem.column) for problem in read.problems] == [(position + 2, "count")]
    assert not read.is_valid


def test_a_date_after_today_is_refused(workers):
    tomorrow = TODAY + timedelta(days=1)
    read = caseload_file_read(content=_csv([("E1", tomorrow, CODES[0], 1)]), file_name="c.csv", today=TODAY)
    assert [(problem.row, problem.column) for problem in read.problems] == [(2, "date")]
