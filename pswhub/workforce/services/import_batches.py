"""The workforce's imports as core.imports importers: HR extracts kept as ImportBatch (with the
column mapping they were read with) and past census returns kept as CensusReturnUpload. The
pages and the commands preview, confirm and import through these, so both agree."""

from pswhub.core.imports import Importer

from .. import csww, hr_import
from ..models import CensusReturnUpload, ImportBatch
from .census import census_authority_problem, census_built_year_problem, census_return_import
from .hr_extract import hr_extract_import


def _extract_write(extract, *, changed_by=None, dry_run=False):
    return hr_extract_import(extract=extract, changed_by=changed_by, dry_run=dry_run)


def batch_fields(mapping, create_teams=False):
    """What a batch keeps of how it was read: the column mapping (None: the template's own) and
    whether teams the extract names may be added."""
    return {
        "mapping": mapping,
        "mapping_name": mapping.name if mapping else "",
        "mapping_columns": mapping.columns if mapping else {},
        "create_teams": create_teams,
    }


HR_EXTRACT = Importer(
    model=ImportBatch,
    read=hr_import.extract_read,
    write=_extract_write,
    options=lambda batch: {"mapping": batch.mapping_columns, "create_teams": batch.create_teams},
)


def census_upload_read(*, content, file_name=""):
    """A census return read as an upload: the return's own problems and, when it has none, whether
    it is this authority's (a return for another council is refused before anything is kept)."""
    census_return = csww.census_return_read(content)
    if census_return.is_valid:
        problem = census_authority_problem(census_return.la_code) or census_built_year_problem(census_return.year)
        if problem:
            census_return.problems.append(csww.Problem(problem, "LEA"))
    return census_return


def _census_write(census_return, *, changed_by=None, dry_run=False):
    return census_return_import(census_return=census_return, changed_by=changed_by, dry_run=dry_run)


CENSUS_RETURN = Importer(model=CensusReturnUpload, read=census_upload_read, write=_census_write, needs_council=False)
