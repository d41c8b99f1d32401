"""The workforce area's models, by what they hold: census years and their lines (`census`), what
building a year keeps beside it (`census_build`), employment records (`records`) and uploads
(`uploads`). Everything is imported from `pswhub.workforce.models`."""

from .census import (
    FTE_FIELD,
    SWE_NUMBER_PATTERN,
    SWE_NUMBER_VALIDATOR,
    CensusWorker,
    CensusWorkerQuerySet,
    CensusYear,
    StaffProfile,
    census_reference_date,
    census_year_start,
)
from .census_build import CensusCorrection, CensusSubmission
from .records import AbsenceEpisode, Assignment, AssignmentQuerySet, Establishment
from .uploads import CensusReturnUpload, ColumnMapping, ImportBatch

__all__ = [
    "FTE_FIELD", "SWE_NUMBER_PATTERN", "SWE_NUMBER_VALIDATOR", "AbsenceEpisode", "Assignment", "AssignmentQuerySet",
    "CensusCorrection", "CensusReturnUpload", "CensusSubmission", "CensusWorker", "CensusWorkerQuerySet", "CensusYear",
    "ColumnMapping", "Establishment", "ImportBatch", "StaffProfile", "census_reference_date", "census_year_start",
]  # fmt: skip
