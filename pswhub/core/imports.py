"""Pieces every file import shares: reading the file a command was given, keeping an upload's
problems, confirming a previewed upload all or nothing, and carrying a previewed file back in the
form between preview and confirm (signed, so it cannot be altered, and short-lived).

An upload model has `status` (with PREVIEWED, IMPORTED and REFUSED), `content`, `file_name`,
`problems`, `imported_at` and a count field for each count its import result reports."""

import base64
import csv
import io

from django.core import signing
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

CANNOT_READ = "Cannot read {path}: {reason}"
UPLOAD_NOT_PREVIEWED = "This upload has already been {status}"


class UploadNotPreviewed(Exception):
    pass


def command_file_read(path):
    """The bytes of the file a management command was given, or a CommandError saying why not."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise CommandError(CANNOT_READ.format(path=path, reason=error.strerror)) from error


def problems_stored(problems):
    """Problems (with row, column and message) as they are kept on an upload."""
    return [{"row": problem.row, "column": problem.column, "message": problem.message} for problem in problems]


def problem_line(problem):
    """One problem, stored or not, as a line of a command's output."""
    if isinstance(problem, dict):
        row, column, message = problem["row"], problem["column"], problem["message"]
    else:
        row, column, message = problem.row, problem.column, problem.message
    where = f"Row {row}" if row else "The file"
    return f"{where}, column {column}: {message}" if column else f"{where}: {message}"


def upload_confirm(*, upload, read, write, counts):
    """Reads a previewed upload's stored bytes again with `read(upload)` (what it refers to may
    have changed since the preview) and, if they still pass, imports them with `write(checked)`;
    copies the result's `counts` onto the upload. An upload with problems now is marked refused,
    with its problems, and nothing is written. Returns the upload."""
    model = type(upload)
    with transaction.atomic():
        upload = model.objects.select_for_update().get(pk=upload.pk)
        if upload.status != model.PREVIEWED:
            raise UploadNotPreviewed(UPLOAD_NOT_PREVIEWED.format(status=upload.get_status_display().lower()))
        checked = read(upload)
        if not checked.is_valid:
            upload.status = model.REFUSED
            upload.problems = problems_stored(checked.problems)
            upload.save(update_fields=["status", "problems"])
            return upload
        result = write(checked)
        upload.status = model.IMPORTED
        upload.imported_at = timezone.now()
        for name in counts:
            setattr(upload, name, getattr(result, name))
        upload.save()
    return upload


def template_csv(template):
    """A file template as CSV: the header row and one example row. `template` holds (column, ...,
    example) tuples, the example last."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column for column, *_rest in template])
    writer.writerow([example for *_rest, example in template])
    return out.getvalue()


PREVIEW_HOURS = 2


def upload_sign(*, name, content, salt, **extra):
    """A token that carries a previewed file (its name, bytes and any `extra` choices) back in the
    confirm form, signed with the site's secret key under `salt`."""
    return signing.dumps(
        {"name": name, "content": base64.b64encode(content).decode(), **extra}, salt=salt, compress=True
    )


def upload_unsign(token, *, salt, max_age_hours=PREVIEW_HOURS):
    """What `upload_sign` carried, with `content` as bytes again; None when the token was altered,
    has expired or cannot be read."""
    try:
        sent = signing.loads(token or "", salt=salt, max_age=max_age_hours * 3600)
        return sent | {"content": base64.b64decode(sent["content"])}
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
