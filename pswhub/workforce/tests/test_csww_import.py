"""Importing past census returns: all three layouts, all or nothing, idempotent, year by year."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from pswhub.core.models import Authority, StaffMember
from pswhub.workforce import csww, selectors
from pswhub.workforce.models import CensusReturnUpload, CensusWorker, CensusYear
from pswhub.workforce.services import WRONG_AUTHORITY, CensusImportError, census_return_import

from .returns import LA_2025, census_return, worker


def import_bytes(content, **kwargs):
    parsed = csww.census_return_read(content)
    assert parsed.is_valid, [str(problem) for problem in parsed.problems]
    return census_return_import(census_return=parsed, **kwargs)


def messages(content):
    return [str(problem) for problem in csww.census_return_read(content).problems]


def test_a_2021_to_2023_return_creates_the_authority_from_its_la_code(db):
    result = import_bytes(census_return(2023, lea="873"))
    assert result.authority_created
    assert Authority.objects.get().la_code == "873"
    line = CensusWorker.objects.get()
    assert (line.swe_number, line.gender_current, line.fte_30, line.cases_30) == ("SW123456", "2", Decimal("1"), 17)
    assert line.qualification_institutions == ["Northshire University"]
    assert CensusYear.objects.get().vacancies_fte == Decimal("3.50")


def test_a_2024_return_reads_sex(db):
    import_bytes(census_return(2024))
    assert CensusWorker.objects.get().sex == "F"


def test_a_2025_return_reads_the_la_level_pay_questions_and_worker_pay(db):
    content = census_return(2025, workers=[worker(year=2025, BaseSalary="41000.00", RRPayments="1500.00")])
    import_bytes(content)
    census_year = CensusYear.objects.get()
    assert (census_year.relocation_package, census_year.car_allowance, census_year.other_allowances) == (
        "1",
        "0",
        "None",
    )
    assert CensusWorker.objects.get().base_salary == Decimal("41000.00")


def test_a_new_person_gets_a_staff_record_named_after_their_swe_number(db):
    import_bytes(census_return(2023, workers=[worker("SW42", year=2023)]))
    staff = StaffMember.objects.get()
    assert staff.employee_number == "SWE-SW42"
    assert staff.workforce_profile.swe_number == "SW42"


def test_importing_the_same_return_twice_changes_nothing(db):
    content = census_return(2023, workers=[worker("SW1"), worker("SW2"), worker("SW2", OrgRole="4")])
    import_bytes(content)
    history_rows = CensusWorker.history.count()
    again = import_bytes(content)
    assert not again.changed_anything
    assert again.unchanged == 3
    assert CensusWorker.history.count() == history_rows


def test_a_corrected_return_replaces_that_year_line_by_line(db):
    import_bytes(census_return(2023, workers=[worker("SW1"), worker("SW2")]))
    result = import_bytes(census_return(2023, workers=[worker("SW1", Cases30="20")]))
    assert (result.updated, result.deleted, result.created) == (1, 1, 0)
    assert CensusWorker.objects.get().cases_30 == 20


def test_importing_a_later_year_never_changes_an_earlier_years_figures(db):
    import_bytes(census_return(2023, workers=[worker("SW1"), worker("SW2", FTE30="0.500000", FTE="0.500000")]))
    census_2023 = CensusYear.objects.get(year=2023)
    before = selectors.workforce_figures(census_year=census_2023)
    later = [worker("SW1", year=2024, Cases30="30"), worker("SW2", year=2024, RoleEndDate="2024-05-31", FTE30=None)]
    import_bytes(census_return(2024, workers=later))
    assert selectors.workforce_figures(census_year=census_2023) == before
    assert CensusYear.objects.count() == 2


def test_a_return_for_another_authority_is_refused(db):
    import_bytes(census_return(2023, lea="873"))
    parsed = csww.census_return_read(census_return(2024, lea="301"))
    with pytest.raises(CensusImportError) as refused:
        census_return_import(census_return=parsed)
    assert str(refused.value) == WRONG_AUTHORITY.format(found="301", name="Local authority 873", expected="873")


def test_a_dry_run_writes_nothing_but_says_what_would_change(db):
    result = import_bytes(census_return(2023, workers=[worker("SW1"), worker("SW2")]), dry_run=True)
    assert (result.dry_run, result.created, result.staff_created) == (True, 2, 2)
    assert not CensusWorker.objects.exists() and not Authority.objects.exists() and not StaffMember.objects.exists()


def test_a_file_that_is_not_well_formed_is_refused():
    assert messages(b"<Message><CSWWWorker>")[0].startswith("The file is not well-formed XML")


def test_an_element_of_another_layout_is_refused_naming_the_worker_and_element():
    content = census_return(2024, workers=[worker("SW77", year=2024, Sex=None, GenderCurrent="2")])
    found = messages(content)
    assert "Worker SW77: " + csww.UNEXPECTED_ELEMENT.format(element="GenderCurrent", layout="2024") in found


def test_a_bad_value_is_refused_naming_the_worker_and_element():
    found = messages(census_return(2023, workers=[worker("SW77", FTE="1.5")]))
    assert found == ["Worker SW77: FTE '1.5' is not an FTE between 0 and 1 with up to 6 decimal places"]


def test_an_unknown_code_is_refused():
    found = messages(census_return(2023, workers=[worker("SW77", OrgRole="7")]))
    assert found == ["Worker SW77: OrgRole '7' is not one of the census codes"]


def test_an_element_out_of_order_is_refused():
    values = worker("SW77")
    values = {"SWENo": values.pop("SWENo"), **values}
    found = messages(census_return(2023, workers=[values]))
    assert found == ["Worker SW77: " + csww.OUT_OF_ORDER.format(element="AgencyWorker", after="SWENo")]


def test_a_worker_without_an_swe_number_is_named_by_position():
    found = messages(census_return(2023, workers=[worker("SW1"), worker(SWENo=None)]))
    assert found == ["Worker number 2 in the file (no SWENo): SWENo is missing"]


def test_an_end_date_before_the_start_date_is_refused():
    found = messages(census_return(2023, workers=[worker("SW77", RoleEndDate="2019-01-01", FTE30=None, Cases30=None)]))
    assert found == ["Worker SW77: " + csww.ENDS_BEFORE_START.format(end="2019-01-01", start="2019-09-02")]


def test_a_return_without_a_year_is_refused():
    assert messages(census_return(2023, header=False)) == [csww.NO_YEAR]


def test_the_2025_la_level_needs_its_pay_questions():
    la = {name: value for name, value in LA_2025.items() if name != "CostDBS"}
    assert messages(census_return(2025, workers=[worker(year=2025)], la=la)) == ["CostDBS is missing"]


def test_entities_are_never_expanded():
    content = (
        b'<?xml version="1.0"?><!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
        + census_return(2023, workers=[worker("SW1", QualInst="&secret;")]).split(b"?>", 1)[1]
    )
    parsed = csww.census_return_read(content)
    assert "root:" not in repr(parsed.workers)


def test_the_command_refuses_a_bad_return_and_writes_nothing(db, tmp_path, capsys):
    path = tmp_path / "return.xml"
    path.write_bytes(census_return(2023, workers=[worker("SW1"), worker("SW77", FTE="-0.2")]))
    with pytest.raises(CommandError):
        call_command("import_csww", str(path))
    assert "Worker SW77: FTE '-0.2'" in capsys.readouterr().err
    assert not CensusWorker.objects.exists() and not Authority.objects.exists()


def test_the_command_imports_and_says_so_when_nothing_changed(db, tmp_path, capsys):
    path = tmp_path / "return.xml"
    path.write_bytes(census_return(2023))
    call_command("import_csww", str(path))
    call_command("import_csww", str(path))
    assert "Nothing changed" in capsys.readouterr().out


def test_the_command_prints_what_it_imported_and_keeps_the_upload(db, tmp_path, capsys):
    path = tmp_path / "return.xml"
    path.write_bytes(census_return(2023, lea="873", workers=[worker("SW1"), worker("SW2")]))
    call_command("import_csww", str(path))
    assert capsys.readouterr().out == (
        "Imported the 2023 census return for Local authority 873 (873): 2 worker lines added, 0 changed, "
        "0 removed, 0 unchanged; 2 new staff records.\n"
        "Created the authority from the return's LA code.\n"
        "Created the children's service.\n"
    )
    upload = CensusReturnUpload.objects.get()
    assert (upload.status, upload.file_name, upload.year, upload.rows, upload.created) == (
        CensusReturnUpload.IMPORTED, "return.xml", 2023, 2, 2
    )  # fmt: skip


def test_the_command_dry_run_says_what_would_change_and_writes_nothing(db, tmp_path, capsys):
    path = tmp_path / "return.xml"
    path.write_bytes(census_return(2023, lea="873", workers=[worker("SW1")]))
    call_command("import_csww", str(path), "--dry-run")
    assert capsys.readouterr().out == (
        "Would import the 2023 census return for Local authority 873 (873): 1 worker lines added, 0 changed, "
        "0 removed, 0 unchanged; 1 new staff records.\n"
        "Would create the authority from the return's LA code.\n"
        "Would create the children's service.\n"
    )
    assert not CensusWorker.objects.exists() and not Authority.objects.exists()
    assert not CensusReturnUpload.objects.exists()


def test_the_command_refuses_another_councils_return_with_the_reason(db, tmp_path):
    import_bytes(census_return(2023, lea="873"))
    path = tmp_path / "return.xml"
    path.write_bytes(census_return(2024, lea="301"))
    with pytest.raises(CommandError) as refused:
        call_command("import_csww", str(path))
    assert str(refused.value) == WRONG_AUTHORITY.format(found="301", name="Local authority 873", expected="873")
    assert not CensusYear.objects.filter(year=2024).exists() and not CensusReturnUpload.objects.exists()
