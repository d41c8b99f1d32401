"""The census return PSW Hub writes is valid against the shared reconstructions of DfE's schemas
(../shared/schemas/csww), once their documented SWE number pattern defects are corrected here."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import xmlschema
from django.core.management import call_command

from pswhub.workforce import csww, selectors
from pswhub.workforce.models import CensusWorker
from pswhub.workforce.services import census_return_import

from .factories import CensusWorkerFactory, CensusYearFactory

SCHEMAS = Path(__file__).resolve().parents[3].parent / "shared" / "schemas" / "csww"
SCHEMA_FOR_YEAR = {
    2023: "social_work_workforce_2022.xsd",
    2024: "csww_schema_2024_liia_draft.xsd",
    2025: "csww_schema_2025_liia_draft.xsd",
}
# 2022 demands exactly ten digits; the 2024 and 2025 drafts end the pattern in a literal "$".
# Real numbers are two letters and up to ten digits.
SWE_PATTERN_DEFECTS = ['value="[A-Za-z]{2}\\d{10}"', 'value="[A-Za-z]{2}\\d{1,10}$"']
SWE_PATTERN_CORRECTED = 'value="[A-Za-z]{2}\\d{1,10}"'


def corrected_schema(year):
    text = (SCHEMAS / SCHEMA_FOR_YEAR[year]).read_text()
    for defect in SWE_PATTERN_DEFECTS:
        text = text.replace(defect, SWE_PATTERN_CORRECTED)
    assert SWE_PATTERN_CORRECTED in text
    return xmlschema.XMLSchema(text)


def a_year_of_returns(year):
    census_year = CensusYearFactory(
        year=year, vacancies_fte=Decimal("4.5"), agency_cover_fte=Decimal("1"), agency_cover_headcount=1
    )
    if year >= 2025:
        census_year.recruitment_bonus = census_year.retention_bonus = census_year.performance_award = "0"
        census_year.car_allowance = census_year.relocation_package = census_year.regional_weighting = "2"
        census_year.cost_swe = census_year.cost_dbs = "1"
        census_year.other_allowances = "Market supplement"
        census_year.save()
    gender = {"gender_current": "2", "sex": ""} if year <= 2023 else {"gender_current": "", "sex": "F"}
    CensusWorkerFactory(
        census_year=census_year, swe_number="SW12", fte=Decimal("0.6"), date_of_birth=date(1985, 3, 1), cases_30=14,
        working_days_lost=Decimal("3.5"), qualification_institutions=["Northshire University"], cfkss_status=["2"],
        base_salary=Decimal("39000") if year >= 2025 else None, **gender,
    )  # fmt: skip
    CensusWorkerFactory(
        census_year=census_year, swe_number="SW1234567890", role_end_date=date(year, 5, 31), reason_leave="1",
        leaver_destination="3", qualification_institutions=[], **gender,
    )  # fmt: skip
    CensusWorkerFactory(census_year=census_year, swe_number="SW77", agency=True, cases_30=12, ethnicity="", **gender)
    return census_year


def export(census_year):
    workers = CensusWorker.objects.filter(census_year=census_year).order_by("swe_number", "line")
    return csww.census_return_xml(census_year=census_year, workers=workers, generated_at=datetime(2025, 10, 20, 9, 0))


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_the_export_is_valid_against_that_years_schema(db, year):
    content = export(a_year_of_returns(year))
    corrected_schema(year).validate(content.decode())


def test_the_2024_layout_writes_sex_and_the_2021_to_2023_layout_gender(db):
    assert b"<Sex>F</Sex>" in export(a_year_of_returns(2024))
    assert b"<GenderCurrent>2</GenderCurrent>" in export(a_year_of_returns(2023))


def test_gender_recorded_in_one_layout_is_written_in_the_other_where_it_means_the_same(db):
    census_year = CensusYearFactory(year=2024)
    CensusWorkerFactory(census_year=census_year, gender_current="1", sex="")
    assert b"<Sex>M</Sex>" in export(census_year)


def test_the_uncorrected_2024_schema_would_reject_every_real_number(db):
    # The reason for correcting the schema above: its pattern ends in a literal "$".
    schema = xmlschema.XMLSchema((SCHEMAS / SCHEMA_FOR_YEAR[2024]).read_text())
    assert not schema.is_valid(export(a_year_of_returns(2024)).decode())


def test_an_exported_return_imports_back_to_the_same_figures(db):
    census_year = a_year_of_returns(2024)
    before = selectors.workforce_figures(census_year=census_year)
    parsed = csww.census_return_read(export(census_year))
    assert parsed.is_valid, parsed.problems
    result = census_return_import(census_return=parsed)
    # The same people, matched by SWE number: re-importing one's own return changes nothing.
    assert (result.created, result.updated, result.deleted) == (0, 0, 0)
    assert selectors.workforce_figures(census_year=census_year) == before


def test_the_command_writes_the_return_and_lists_what_to_fix(db, tmp_path, capsys):
    census_year = a_year_of_returns(2024)
    CensusWorkerFactory(census_year=census_year, swe_number="XY99", fte=Decimal("1"))
    path = tmp_path / "csww.xml"
    call_command("export_csww", "--year", "2024", "--output", str(path))
    assert path.read_bytes().startswith(b"<?xml")
    assert "XY99, SWENo: The Social Work England number must be SW" in capsys.readouterr().err
