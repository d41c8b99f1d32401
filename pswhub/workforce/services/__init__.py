"""Writes for the workforce area, one module per responsibility: census return imports
(`census`), HR extract imports (`hr_extract`), the import uploads of both (`import_batches`) and
column mappings (`column_mappings`). History is kept for every row, bulk imports included. Every
public name is importable from here."""

from .census import (
    CENSUS_EMPLOYEE_PREFIX,
    CENSUS_FIRST_NAME,
    NO_AUTHORITY_CODE,
    RETURN_HAS_PROBLEMS,
    WRONG_AUTHORITY,
    CensusImportError,
    CensusImportResult,
    census_authority_problem,
    census_return_import,
)
from .column_mappings import column_mapping_save
from .hr_extract import (
    EXTRACT_HAS_PROBLEMS,
    STAFF_FIELDS,
    ExtractImportError,
    ExtractImportResult,
    hr_extract_import,
)
from .import_batches import CENSUS_RETURN, HR_EXTRACT, batch_fields, census_upload_read

__all__ = [
    "CENSUS_EMPLOYEE_PREFIX",
    "CENSUS_FIRST_NAME",
    "CENSUS_RETURN",
    "EXTRACT_HAS_PROBLEMS",
    "HR_EXTRACT",
    "NO_AUTHORITY_CODE",
    "RETURN_HAS_PROBLEMS",
    "STAFF_FIELDS",
    "WRONG_AUTHORITY",
    "CensusImportError",
    "CensusImportResult",
    "ExtractImportError",
    "ExtractImportResult",
    "batch_fields",
    "census_authority_problem",
    "census_return_import",
    "census_upload_read",
    "column_mapping_save",
    "hr_extract_import",
]
