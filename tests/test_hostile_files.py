"""Hostile and careless files through every kind of import, by page and by command: zip bombs,
sheets stretched over a million rows, entities and DTDs, huge cells, NUL characters, numbers
beyond what the database holds, formula-looking cells, wrong encodings, files too large or too
long. Each is refused with a message saying what and where (never a 500 or a traceback), and no
table changes: not the import's own, not the change history. A page keeps the upload it checks
in the background, so there the one change is that upload, refused with its problems and its
file emptied; what a page can refuse at once (too large, no council yet) keeps nothing.

Run on PostgreSQL too (docs/operations.md): the values beyond a column's range are the ones
SQLite would have stored."""

import html
import io
import re
import zipfile
from functools import cache

import pytest
import xlsxwriter
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from pswhub.core.imports import limits, pipeline
from pswhub.core.tests.factories import AuthorityFactory, StaffMemberFactory, TeamFactory

pytestmark = pytest.mark.django_db


# Files -------------------------------------------------------------------------------------------


def xlsx(rows, *, far_cell=None):
    """A workbook of `rows`; `far_cell` (row, column) adds one cell far from the rest."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet()
    for number, row in enumerate(rows):
        for position, value in enumerate(row):
            sheet.write_string(number, position, value)
    if far_cell:
        sheet.write_string(*far_cell, "x")
    book.close()
    return buffer.getvalue()


@cache
def zip_bomb():
    """An XLSX whose sheet is 8 MB of one repeated byte, compressed about a thousand times: the
    shape of the 3.5 MB file that unpacked to 1 GiB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<sheetData>" + b" " * (8 * 1024 * 1024) + b"</sheetData>")
    return buffer.getvalue()


CASELOAD_HEADER = ["worker", "date", "case_type", "count", "complexity"]
AUDIT_HEADER = ["case_reference", "audit_type", "team", "completed_on", "overall_grade", "strengths"]


def caseload_csv(*rows):
    return "\n".join(",".join(row) for row in [CASELOAD_HEADER, *rows]).encode()


GOOD_CASELOAD = ["E1", "2026-01-31", "child_in_need", "3", ""]
GOOD_AUDIT = ["CR1", "full", "North", "2024-05-01", "good", "Clear plan"]

# (name, file name, bytes, what the refusal must say), for the table imports.
TABLE_FILES = [
    ("zip bomb", "caseloads.xlsx", zip_bomb, "is compressed more than 200 times"),
    (
        "sheet stretched to row 1,048,576",
        "caseloads.xlsx",
        lambda: xlsx([CASELOAD_HEADER, GOOD_CASELOAD], far_cell=(1_048_575, 16_383)),
        "reaches row 1,048,576 and column 16,384",
    ),
    ("cell over the CSV reader's limit", "caseloads.csv", lambda: caseload_csv(["E1" * 70_000]), "more than 32,767"),
    (
        "cell longer than a spreadsheet cell",
        "caseloads.csv",
        lambda: caseload_csv(["E1", "2026-01-31", "child_in_need", "3", "x" * 40_000]),
        "Row 2, column complexity: the cell holds 40,000 characters",
    ),
    (
        "NUL byte in a CSV",
        "caseloads.csv",
        lambda: caseload_csv(["E1\x00", "2026-01-31", "child_in_need", "3", ""]),
        "binary data",
    ),
    (
        "NUL character in an XLSX cell",
        "caseloads.xlsx",
        lambda: xlsx([CASELOAD_HEADER, ["E1", "2026-01-31", "child_in_need", "3", "com\x00plex"]]),
        "Row 2, column complexity: the cell holds a NUL character",
    ),
    ("UTF-16 text", "caseloads.csv", lambda: caseload_csv(GOOD_CASELOAD).decode().encode("utf-16"), "binary data"),
    (
        "an old .xls workbook",
        "caseloads.xls",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "save it from the spreadsheet program as XLSX or CSV",
    ),
    (
        "an OpenDocument sheet",
        "caseloads.ods",
        lambda: _zip({"content.xml": "<office/>"}),
        "not an XLSX workbook",
    ),
]


def _zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


# The census return -------------------------------------------------------------------------------

LA_2025 = (
    "<LALevel><NumberOfVacancies>3.50</NumberOfVacancies><NoAgencyFTE>1.00</NoAgencyFTE>"
    "<NoAgencyHeadcount>1</NoAgencyHeadcount><RecruitmentBonus>0</RecruitmentBonus>"
    "<RetentionBonus>0</RetentionBonus><PerformanceAward>0</PerformanceAward><CarAllowance>0</CarAllowance>"
    "<RelocationPackage>1</RelocationPackage><RegionalWeighting>1</RegionalWeighting><CostSWE>1</CostSWE>"
    "<CostDBS>1</CostDBS><OtherAllowances>{allowances}</OtherAllowances></LALevel>"
)


def census(*, year="2025", salary="32000.00", cases="17", allowances="None", prologue=""):
    return (
        f"<?xml version='1.0' encoding='UTF-8'?>{prologue}<Message><Header><CollectionDetails>"
        f"<Collection>CSWW</Collection><Year>{year}</Year><ReferenceDate>2025-09-30</ReferenceDate>"
        "</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>888</LEA>"
        "<SoftwareCode>HR system</SoftwareCode><DateTime>2025-10-20T10:00:00</DateTime></Source></Header>"
        + LA_2025.format(allowances=allowances)
        + "<CSWWWorker><AgencyWorker>0</AgencyWorker><SWENo>SW123456</SWENo><FTE>1.000000</FTE>"
        "<PersonBirthDate>1988-04-02</PersonBirthDate><Sex>F</Sex><Ethnicity>WBRI</Ethnicity>"
        "<QualLevel>1</QualLevel><StepUpGrad>0</StepUpGrad><OrgRole>5</OrgRole>"
        "<RoleStartDate>2019-09-02</RoleStartDate><StartOrigin>1</StartOrigin><FTE30>1.000000</FTE30>"
        f"<Cases30>{cases}</Cases30><WorkingDaysLost>4.00</WorkingDaysLost><ContractWeeks>52.0</ContractWeeks>"
        f"<FrontlineGrad>0</FrontlineGrad><Absat30Sept>0</Absat30Sept><BaseSalary>{salary}</BaseSalary>"
        "</CSWWWorker></Message>"
    ).encode()


XXE = "<!DOCTYPE Message [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
LAUGHS = "<!DOCTYPE Message [<!ENTITY a 'lol'>" + "".join(
    f"<!ENTITY {chr(98 + n)} '{('&' + chr(97 + n) + ';') * 10}'>" for n in range(9)
) + "]>"  # fmt: skip

CENSUS_FILES = [
    (
        "year beyond a small integer",
        lambda: census(year="99999999999999999999"),
        "The collection year '99999999999999999999' is not a year",
    ),
    ("year that is no census year", lambda: census(year="9999"), "not a census year from 2009 to 2100"),
    ("salary of 1e23", lambda: census(salary="1e23"), "BaseSalary '1e23'"),
    ("caseload beyond an integer", lambda: census(cases="2147483648"), "Cases30 '2147483648'"),
    (
        "allowances longer than their column",
        lambda: census(allowances="x" * 600),
        "The value is 600 characters long; other allowances holds at most 500",
    ),
    ("external entity", lambda: census(prologue=XXE, allowances="&xxe;"), "declares a document type"),
    ("billion laughs", lambda: census(prologue=LAUGHS, allowances="&j;"), "declares a document type"),
    ("undeclared entity", lambda: census(allowances="&xxe;"), "Entity 'xxe' not defined"),
]


# Fixtures and helpers ----------------------------------------------------------------------------


@pytest.fixture
def council(db):
    authority = AuthorityFactory()
    team = TeamFactory(name="North", service__authority=authority)
    StaffMemberFactory(employee_number="E1", team=team)
    return authority


def table_counts():
    """How many rows every table holds, the change history and the uploads included (the sessions
    aside: signing in makes one)."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label != "sessions.Session"
    }


def page_text(response):
    """The page's text, its tags and entities undone, its spaces run together."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


def page_post(client, user, url_name, file_name, content):
    """The page the upload ends on: its own page once checked (it is kept and checked in the
    background, at once with the tests' task backend), or the upload page refusing it at once."""
    client.force_login(user)
    response = client.post(reverse(url_name), {"file": SimpleUploadedFile(file_name, content)})
    return client.get(response.url) if response.status_code == 302 else response


def refused(response):
    """Whether the page says the file was refused: as an error page, its problems listed."""
    return response.status_code in (200, 400) and "<title>Error:" in response.content.decode()


def only_a_refused_upload_kept(before):
    """Whether the one change since `before` is one upload (and its own change history: kept,
    then refused), refused with its problems, its file not kept."""
    after = table_counts()
    changed = {label: after[label] - before[label] for label in after if after[label] != before[label]}
    uploads = [label for label in changed if not label.split(".")[1].startswith("Historical")]
    if len(uploads) != 1 or changed[uploads[0]] != 1:
        return False
    app, name = uploads[0].split(".")
    if set(changed) - {uploads[0], f"{app}.Historical{name}"}:
        return False
    upload = apps.get_model(uploads[0]).objects.get()
    return upload.status == "refused" and bytes(upload.content) == b"" and bool(upload.problems)


def command_run(tmp_path, command, file_name, content):
    path = tmp_path / file_name
    path.write_bytes(content)
    err = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command(command, str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue() + str(refused.value)


TABLE_PAGES = [("workload:import_upload", "import_caseloads"), ("audits:import_upload", "import_audits")]


# Tests -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url_name", "command"), TABLE_PAGES)
@pytest.mark.parametrize(("what", "file_name", "make", "message"), TABLE_FILES, ids=[f[0] for f in TABLE_FILES])
def test_a_hostile_table_is_refused_by_page_and_command_and_nothing_changes(
    client, psw, council, tmp_path, url_name, command, what, file_name, make, message
):
    content = make()
    before = table_counts()

    response = page_post(client, psw, url_name, file_name, content)
    assert refused(response)
    assert message in page_text(response)
    assert only_a_refused_upload_kept(before)
    before = table_counts()

    assert message in command_run(tmp_path, command, file_name, content)
    assert table_counts() == before


@pytest.mark.parametrize(("what", "make", "message"), CENSUS_FILES, ids=[f[0] for f in CENSUS_FILES])
def test_a_hostile_census_return_is_refused_by_page_and_command_and_nothing_changes(
    client, psw, council, tmp_path, what, make, message
):
    content = make()
    before = table_counts()

    response = page_post(client, psw, "workforce:census_import", "csww.xml", content)
    assert refused(response)
    assert message in page_text(response)
    assert only_a_refused_upload_kept(before)
    before = table_counts()

    assert message in command_run(tmp_path, "import_csww", "csww.xml", content)
    assert table_counts() == before


def test_a_caseload_count_beyond_an_integer_is_refused_at_preview_naming_row_and_column(client, psw, council, tmp_path):
    content = caseload_csv(["E1", "2026-01-31", "child_in_need", "2147483648", ""])
    before = table_counts()

    response = page_post(client, psw, "workload:import_upload", "caseloads.csv", content)
    page = response.content.decode()
    assert refused(response) and "2147483648" in page and ">count<" in page
    assert only_a_refused_upload_kept(before)
    before = table_counts()
    assert "Row 2, column count:" in command_run(tmp_path, "import_caseloads", "caseloads.csv", content)
    assert table_counts() == before


def test_formula_looking_cells_are_kept_as_text_never_evaluated(client, psw, council, tmp_path):
    content = "\n".join(
        ",".join(row) for row in [AUDIT_HEADER, [*GOOD_AUDIT[:5], '"=HYPERLINK(""http://x"",""y"")"']]
    ).encode()
    response = page_post(client, psw, "audits:import_upload", "audits.csv", content)
    assert not refused(response)  # read as the text it is; it is shown escaped, never run
    assert "Audits to import" in response.content.decode()


@pytest.mark.parametrize(("url_name", "command"), TABLE_PAGES)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    client, psw, council, tmp_path, settings, url_name, command
):
    settings.PSWHUB_IMPORT_MAX_MB = 1
    content = caseload_csv(*[GOOD_CASELOAD] * 60_000)  # about 1.6 MB
    before = table_counts()

    response = page_post(client, psw, url_name, "caseloads.csv", content)
    assert response.status_code == 400
    assert "a file may be at most 1 MB" in response.content.decode()
    assert "a file may be at most 1 MB" in command_run(tmp_path, command, "caseloads.csv", content)
    assert table_counts() == before


def test_a_file_over_the_row_limit_is_refused_saying_the_limit(client, psw, council, tmp_path, settings):
    settings.PSWHUB_IMPORT_MAX_ROWS = 10
    content = caseload_csv(*[GOOD_CASELOAD] * 11)
    before = table_counts()

    response = page_post(client, psw, "workload:import_upload", "caseloads.csv", content)
    assert refused(response) and "more than 10 rows" in response.content.decode()
    assert only_a_refused_upload_kept(before)
    before = table_counts()
    assert "more than 10 rows" in command_run(tmp_path, "import_caseloads", "caseloads.csv", content)
    assert table_counts() == before


def test_a_case_list_with_a_nul_character_is_refused_on_its_one_step_page(client, psw, council):
    content = xlsx([["case_reference", "team", "case_type", "opened_on"], ["CR\x001", "North", "cin", "2024-01-01"]])
    before = table_counts()
    response = page_post(client, psw, "audits:case_import", "cases.xlsx", content)
    assert response.status_code == 400
    assert "the cell holds a NUL character" in response.content.decode()
    assert table_counts() == before


# No council yet ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("url_name", "command"), TABLE_PAGES)
def test_with_no_council_yet_every_import_gives_one_instruction_not_a_problem_per_row(
    client, psw, tmp_path, url_name, command
):
    content = caseload_csv(*[GOOD_CASELOAD] * 30)
    before = table_counts()

    response = page_post(client, psw, url_name, "caseloads.csv", content)
    page = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    assert page.count("PSW Hub has no council yet") == 1 and "Row 2" not in page
    assert command_run(tmp_path, command, "caseloads.csv", content).count("PSW Hub has no council yet") == 1
    assert table_counts() == before


def test_with_no_council_yet_a_census_return_sets_it_up(tmp_path):
    path = tmp_path / "csww.xml"
    path.write_bytes(census())
    call_command("import_csww", str(path), stdout=io.StringIO())
    assert apps.get_model("core", "Authority").objects.get().la_code == "888"


def test_the_limits_are_as_documented():
    # docs/operations.md states these; a change to one is a change to the guide.
    assert (limits.MAX_UPLOAD_MB, limits.MAX_ROWS, limits.MAX_CELL_CHARS) == (20, 100_000, 32_767)
    assert (limits.MAX_EXPANDED_MB, limits.MAX_COMPRESSION_RATIO, limits.MAX_COLUMNS) == (300, 200, 500)
    assert pipeline.NO_COUNCIL.startswith("PSW Hub has no council yet")
