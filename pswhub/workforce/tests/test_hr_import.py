"""HR extracts: a file in the template, or in a council's own headers, becomes staff records, all or
nothing, matched on the employee number. Every fault is named by row and column."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from pswhub.core.imports.problems import Problem
from pswhub.core.imports.reading import MAPPING_UNKNOWN_COLUMN, MISSING_COLUMN, NOT_A_TABLE
from pswhub.core.models import StaffMember
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.core.tests.test_imports_reading import xlsx_bytes
from pswhub.workforce import hr_import
from pswhub.workforce.hr_import import (
    BAD_DATE,
    BAD_FTE,
    DUPLICATE_EMPLOYEE,
    END_BEFORE_START,
    FTE_OUT_OF_RANGE,
    REQUIRED,
    SWE_HELD_BY_OTHER,
    UNKNOWN_CONTRACT,
    UNKNOWN_TEAM,
    extract_read,
    fte_parse,
)
from pswhub.workforce.management.commands.import_workforce import NO_SUCH_MAPPING, REFUSED
from pswhub.workforce.models import Assignment, ColumnMapping, ImportBatch, StaffProfile
from pswhub.workforce.services import ExtractImportError, hr_extract_import

# The columns every extract has had; the optional census codes and effective date came later.
LATER_COLUMNS = ("census_role", "start_origin", "reason_leave", "leaver_destination", "service", "effective_on")
HEADER = [column for column in hr_import.TEMPLATE_COLUMNS if column not in LATER_COLUMNS]


def csv_bytes(*rows, header=HEADER, encoding="utf-8"):
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def row(number="E1001", first="Amina", last="Khan", **values):
    defaults = {
        "email": "amina.khan@example.gov.uk",
        "job_title": "Social worker",
        "team": "North",
        "started_on": "2024-09-02",
        "left_on": "",
        "fte": "1",
        "contract_type": "permanent",
        "swe_number": "SW123456",
    }
    defaults |= values
    return [number, first, last] + [defaults[column] for column in HEADER[3:]]


def problems_of(content, file_name="staff.csv", mapping=None):
    return extract_read(content=content, file_name=file_name, mapping=mapping).problems


def import_file(content, file_name="staff.csv", mapping=None, dry_run=False):
    extract = extract_read(content=content, file_name=file_name, mapping=mapping)
    return hr_extract_import(extract=extract, dry_run=dry_run)


@pytest.fixture
def north(db):
    return TeamFactory(name="North")


# Parsers ---------------------------------------------------------------------------------------


@given(st.decimals(min_value=0, max_value=1, places=6))
def test_an_fte_from_0_to_1_reads_back_as_the_same_number(fte):
    assert fte_parse(str(fte)) == fte


@given(
    st.decimals(min_value=Decimal("1.000001"), max_value=1000, places=6)
    | st.decimals(max_value=Decimal("-0.000001"), min_value=-1000, places=6)
)
def test_an_fte_above_1_or_negative_is_refused(fte):
    with pytest.raises(ValueError) as refused:
        fte_parse(str(fte))
    assert str(refused.value) == FTE_OUT_OF_RANGE.format(value=str(fte))


@given(st.text(alphabet="abc,;%", min_size=1))
def test_an_fte_that_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError) as refused:
        fte_parse(text)
    assert str(refused.value) == BAD_FTE.format(value=text)


def test_the_template_download_has_the_header_and_one_example_that_imports(north):
    content = hr_import.template_csv().encode()
    extract = extract_read(content=content, file_name="template.csv")
    assert content.decode().splitlines()[0] == ",".join(hr_import.TEMPLATE_COLUMNS)
    assert extract.problems == [Problem(2, "team", UNKNOWN_TEAM.format(value="North locality"))]


# Bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\x01\x02binary", b'employee_number,first_name\n"unterminated', b"PK\x03\x04 not really a workbook"],
)
def test_a_malformed_file_is_refused_and_nothing_is_written(db, content):
    problems = problems_of(content)
    assert len(problems) >= 1 and problems[0].row is None
    assert StaffMember.objects.count() == 0


def test_a_damaged_workbook_says_it_could_not_be_read(db):
    [problem] = problems_of(b"PK\x03\x04 not really a workbook", file_name="staff.xlsx")
    assert problem.message.startswith(NOT_A_TABLE.split("{")[0])


def test_a_file_without_a_template_column_names_it(db):
    problems = problems_of(csv_bytes(["E1", "A"], header=["employee_number", "first_name"]))
    assert Problem(None, "last_name", MISSING_COLUMN.format(column="last_name")) in problems


def test_windows_1252_text_is_read(north):
    content = csv_bytes(row(first="Zoë", last="O’Brien"), encoding="cp1252")
    import_file(content)
    assert StaffMember.objects.get(employee_number="E1001").last_name == "O’Brien"


def test_utf8_with_a_byte_order_mark_is_read(north):
    import_file(b"\xef\xbb\xbf" + csv_bytes(row(first="Zoë")))
    assert StaffMember.objects.get().first_name == "Zoë"


def test_excel_dates_and_serials_in_a_workbook_are_read(north):
    content = xlsx_bytes([HEADER, row(started_on=date(2024, 9, 2), left_on=45930, fte=0.6, swe_number="")])
    import_file(content, file_name="staff.xlsx")
    staff = StaffMember.objects.get()
    assert (staff.started_on, staff.left_on) == (date(2024, 9, 2), date(2025, 9, 30))
    assert staff.assignments.get().fte == Decimal("0.6")


def test_a_duplicate_employee_number_is_named_on_its_second_row(north):
    problems = problems_of(csv_bytes(row(swe_number=""), row(first="Other", swe_number="")))
    assert problems == [Problem(3, "employee_number", DUPLICATE_EMPLOYEE.format(number="E1001", row=2))]
    assert StaffMember.objects.count() == 0


@pytest.mark.parametrize("fte", ["1.5", "-0.2"])
def test_an_fte_above_1_or_negative_is_named_and_nothing_is_written(north, fte):
    content = csv_bytes(row("E1"), row("E2", fte=fte, swe_number="SW2"))
    assert problems_of(content) == [Problem(3, "fte", FTE_OUT_OF_RANGE.format(value=fte))]
    with pytest.raises(ExtractImportError):
        import_file(content)
    assert StaffMember.objects.count() == 0


def test_an_end_before_the_start_is_named(north):
    problems = problems_of(csv_bytes(row(started_on="2024-09-02", left_on="01/09/2024")))
    assert problems == [
        Problem(2, "left_on", END_BEFORE_START.format(left_on=date(2024, 9, 1), started_on=date(2024, 9, 2)))
    ]


def test_a_date_that_is_not_a_date_is_named(north):
    assert problems_of(csv_bytes(row(started_on="next Tuesday"))) == [
        Problem(2, "started_on", BAD_DATE.format(value="next Tuesday"))
    ]


def test_unknown_codes_and_teams_are_named_by_row_and_column(north):
    problems = problems_of(csv_bytes(row(team="Atlantis", contract_type="zero hours")))
    assert problems == [
        Problem(2, "team", UNKNOWN_TEAM.format(value="Atlantis")),
        Problem(
            2,
            "contract_type",
            UNKNOWN_CONTRACT.format(allowed="permanent, fixed_term, agency, bank", value="zero hours"),
        ),
    ]


def test_a_missing_name_is_named(north):
    assert problems_of(csv_bytes(row(first=""))) == [Problem(2, "first_name", REQUIRED.format(column="first name"))]


def test_an_swe_number_held_by_someone_else_is_named(north):
    other = StaffMemberFactory(employee_number="E9")
    StaffProfile.objects.create(staff_member=other, swe_number="SW123456")
    assert problems_of(csv_bytes(row())) == [
        Problem(2, "swe_number", SWE_HELD_BY_OTHER.format(number="SW123456", other="E9"))
    ]


# Upsert -----------------------------------------------------------------------------------------


def test_a_new_employee_number_becomes_a_staff_member_with_contract_and_swe_number(north):
    result = import_file(csv_bytes(row(contract_type="Fixed term", fte="0.8")))
    staff = StaffMember.objects.get(employee_number="E1001")
    assert (result.added, result.updated, result.unchanged) == (1, 0, 0)
    assert (staff.first_name, staff.team, staff.started_on) == ("Amina", north, date(2024, 9, 2))
    assignment = staff.assignments.get()
    assert (assignment.contract_type, assignment.fte) == ("fixed_term", Decimal("0.8"))
    assert (assignment.team, assignment.job_title, assignment.starts_on, assignment.ends_on) == (
        north,
        "Social worker",
        date(2024, 9, 2),
        None,
    )
    assert staff.workforce_profile.swe_number == "SW123456"
    assert staff.history.count() == 1 and assignment.history.count() == 1


def test_importing_the_same_file_twice_changes_nothing(north):
    content = csv_bytes(row("E1", swe_number="SW1"), row("E2", swe_number="SW2", fte="0.5"))
    import_file(content)
    second = import_file(content)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 2)
    assert StaffMember.history.count() == 2 and Assignment.history.count() == 2 and StaffProfile.history.count() == 2


def test_a_changed_row_updates_only_that_staff_member_and_keeps_history(north):
    import_file(csv_bytes(row("E1", swe_number="SW1"), row("E2", swe_number="SW2")))
    result = import_file(csv_bytes(row("E1", swe_number="SW1"), row("E2", swe_number="SW2", job_title="Team manager")))
    assert (result.added, result.updated, result.unchanged, result.updated_numbers) == (0, 1, 1, ["E2"])
    changed = StaffMember.objects.get(employee_number="E2")
    assert changed.job_title == "Team manager" and changed.history.count() == 2
    assert StaffMember.objects.get(employee_number="E1").history.count() == 1


def test_two_people_can_swap_swe_numbers_in_one_import(north):
    import_file(csv_bytes(row("E1", swe_number="SW1"), row("E2", swe_number="SW2")))
    import_file(csv_bytes(row("E1", swe_number="SW2"), row("E2", swe_number="SW1")))
    assert StaffProfile.objects.get(swe_number="SW2").staff_member.employee_number == "E1"


def test_a_dry_run_says_what_would_change_and_writes_nothing(north):
    result = import_file(csv_bytes(row()), dry_run=True)
    assert (result.added, result.dry_run) == (1, True)
    assert StaffMember.objects.count() == 0 and StaffMember.history.count() == 0


def test_a_file_without_the_swe_column_leaves_swe_numbers_alone(north):
    import_file(csv_bytes(row()))
    header = [column for column in HEADER if column != "swe_number"]
    result = import_file(csv_bytes(row()[:-1], header=header))
    assert result.unchanged == 1 and StaffProfile.objects.get().swe_number == "SW123456"


# Mappings and the command -----------------------------------------------------------------------

COUNCIL_HEADER = ["Payroll No", "Forename", "Surname", "Email", "Post", "Team", "Start", "End", "FTE", "Contract"]
COUNCIL_MAPPING = {
    "Payroll No": "employee_number",
    "Forename": "first_name",
    "Surname": "last_name",
    "Post": "job_title",
    "Start": "started_on",
    "End": "left_on",
    "Contract": "contract_type",
}


def test_a_council_mapping_reads_the_councils_own_headers(north):
    content = csv_bytes(row()[:-1], header=COUNCIL_HEADER)
    assert problems_of(content)[0] == Problem(None, "employee_number", MISSING_COLUMN.format(column="employee_number"))
    result = import_file(content, mapping=COUNCIL_MAPPING)
    assert result.added == 1 and StaffMember.objects.get().employee_number == "E1001"


def test_a_problem_under_a_mapping_is_named_by_the_councils_header(north):
    content = csv_bytes(row(fte="2")[:-1], header=COUNCIL_HEADER)
    assert problems_of(content, mapping=COUNCIL_MAPPING) == [Problem(2, "FTE", FTE_OUT_OF_RANGE.format(value="2"))]


def test_the_command_imports_with_a_named_mapping_and_records_a_batch(north, tmp_path):
    ColumnMapping.objects.create(name="Northshire iTrent", columns=COUNCIL_MAPPING)
    path = tmp_path / "itrent.csv"
    path.write_bytes(csv_bytes(row()[:-1], header=COUNCIL_HEADER))
    out = io.StringIO()
    call_command("import_workforce", str(path), "--mapping", "Northshire iTrent", stdout=out)
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.added, batch.mapping_name, batch.file_name) == (
        ImportBatch.IMPORTED,
        1,
        "Northshire iTrent",
        "itrent.csv",
    )
    assert "1 staff added" in out.getvalue()
    call_command("import_workforce", str(path), "--mapping", "Northshire iTrent", stdout=out)
    assert ImportBatch.objects.first().unchanged == 1 and StaffMember.history.count() == 1


def test_the_command_dry_run_reports_and_writes_nothing(north, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_bytes(csv_bytes(row()))
    out = io.StringIO()
    call_command("import_workforce", str(path), "--dry-run", stdout=out)
    assert "Would add E1001" in out.getvalue()
    assert StaffMember.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_the_command_refuses_a_bad_file_with_a_message_per_row_and_column(north, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_bytes(csv_bytes(row(fte="1.2", left_on="2020-01-01")))
    err = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import_workforce", str(path), stderr=err)
    assert str(refused.value) == REFUSED.format(count=2)
    assert f"Row 2, column fte: {FTE_OUT_OF_RANGE.format(value='1.2')}" in err.getvalue()
    assert "Row 2, column left_on:" in err.getvalue()
    assert StaffMember.objects.count() == 0 and ImportBatch.objects.count() == 0


def test_the_command_cannot_use_a_mapping_it_does_not_hold(db, tmp_path):
    path = tmp_path / "staff.csv"
    path.write_bytes(csv_bytes(row()))
    with pytest.raises(CommandError) as refused:
        call_command("import_workforce", str(path), "--mapping", "Nowhere")
    assert str(refused.value) == NO_SUCH_MAPPING.format(name="Nowhere", names="none")


def test_the_command_cannot_read_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("import_workforce", str(tmp_path / "absent.csv"))


def test_a_date_serial_in_a_csv_counts_from_excels_epoch(north):
    import_file(csv_bytes(row(started_on="45537")))
    assert StaffMember.objects.get().started_on == date(1899, 12, 30) + timedelta(days=45537) == date(2024, 9, 2)


def test_a_mapping_to_a_column_the_template_does_not_have_is_named(db):
    problems = problems_of(csv_bytes(row()), mapping={"Grade": "salary_grade"})
    assert Problem(None, "Grade", MAPPING_UNKNOWN_COLUMN.format(header="Grade", column="salary_grade")) in problems


def test_an_extract_without_the_email_column_imports_and_keeps_the_addresses_held(north):
    StaffMemberFactory(employee_number="E1001", first_name="Amina", last_name="Khan", email="amina@council.example")
    header = [column for column in HEADER if column != "email"]
    rows = [
        [
            value
            for column, value in zip(HEADER, row(job_title="Senior social worker"), strict=True)
            if column != "email"
        ]
    ]
    result = import_file(csv_bytes(*rows, header=header))
    staff = StaffMember.objects.get(employee_number="E1001")
    assert (result.updated, staff.job_title, staff.email) == (1, "Senior social worker", "amina@council.example")


def test_a_semicolon_separated_extract_imports(north):
    content = csv_bytes(row(), row(number="E1002", first="Ben", swe_number="SW654321"), header=HEADER).replace(
        b",", b";"
    )
    assert import_file(content).added == 2
