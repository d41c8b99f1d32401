"""One import pipeline for every file PSW Hub takes in (docs/adr/0010-one-import-pipeline.md):
reading a CSV or XLSX file into rows of text (`reading`), problems by row and column
(`problems`), the upload every import keeps (`models.Upload`), preview, confirm and the
all-or-nothing write (`pipeline`), the base of the import commands (`commands`) and the pages
(`views`, driven by each app's `ImportPages`)."""

from .commands import CANNOT_READ, ImportCommand, command_file_read
from .pipeline import (
    PREVIEW_EXPIRED,
    PREVIEW_HOURS,
    UPLOAD_NOT_PREVIEWED,
    Importer,
    UploadNotPreviewed,
    upload_confirm,
    upload_create,
    write_or_rehearse,
)
from .problems import PROBLEM_HEAD, WHOLE_FILE, Problem, problem_line, problem_rows, problems_stored
from .reading import TableError, table_read, template_csv

__all__ = [
    "CANNOT_READ",
    "PREVIEW_EXPIRED",
    "PREVIEW_HOURS",
    "PROBLEM_HEAD",
    "UPLOAD_NOT_PREVIEWED",
    "WHOLE_FILE",
    "ImportCommand",
    "Importer",
    "Problem",
    "TableError",
    "UploadNotPreviewed",
    "command_file_read",
    "problem_line",
    "problem_rows",
    "problems_stored",
    "table_read",
    "template_csv",
    "upload_confirm",
    "upload_create",
    "write_or_rehearse",
]
