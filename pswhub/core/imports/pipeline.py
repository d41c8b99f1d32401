"""Preview, confirm and the all-or-nothing write that every import shares.

An import is two functions: `read(content, options)` checks a file's bytes and returns what it
found (with `is_valid` and `problems`), and `write(checked, changed_by, dry_run)` writes it all
or nothing and returns a result with one attribute per count. A dry run works everything out
and writes nothing. The upload is stored once, when it reads without problems; confirming reads
the stored bytes again, since what the file refers to may have changed since the preview."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import DataError, transaction
from django.utils import timezone

from .guard import ValueCannotBeStored, values_guarded, where_found
from .problems import Problem, problems_stored

# A previewed upload can be confirmed for this long; after that what it refers to may have moved
# on too far for its preview to mean anything, and it must be uploaded again.
PREVIEW_HOURS = 2

UPLOAD_NOT_PREVIEWED = "This upload has already been {status}"
PREVIEW_EXPIRED = (
    "This preview is more than {hours} hours old, so it can no longer be confirmed: what the file refers to "
    "may have changed since. Upload the file again to see a fresh preview."
)


NO_COUNCIL = (
    "PSW Hub has no council yet, so nothing can be imported. First enter the council's name and DfE local "
    "authority code (Organisation, then Change the council's details), then add its services and import again. "
    "A past census return may be imported first instead: it sets the council up from its LA code"
)
DATABASE_REFUSED = "A value in the file cannot be stored in the database ({detail}). Nothing has been written"


class UploadNotPreviewed(Exception):
    pass


def council_problem():
    """The one problem of every import on an installation with no council yet (NO_COUNCIL), or None."""
    from pswhub.core.models import Authority

    return None if Authority.objects.exists() else Problem(None, "", NO_COUNCIL)


def storing_problem(error, checked=None):
    """The problem to report for a value the database cannot hold (guard.ValueCannotBeStored, or
    the database's own DataError as a last resort): where in the file it is, when it can be
    found in what the import read, and why."""
    if isinstance(error, ValueCannotBeStored):
        row, name = where_found(checked, error.value)
        if row is None or isinstance(row, int):
            return Problem(row, name or error.field.name, error.message)
        return Problem(None, name or error.field.name, f"Worker {row}: {error.message}")
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return Problem(None, "", DATABASE_REFUSED.format(detail=detail[:200]))


def guarded_write(write, checked):
    """Runs `write()` with every value checked against its column (guard.values_guarded). Returns
    (result, None), or (None, the problem) when a value cannot be stored: then nothing the write
    did is kept, its own transaction having rolled back."""
    try:
        with transaction.atomic(), values_guarded():
            return write(), None
    except (ValueCannotBeStored, DataError) as error:
        return None, storing_problem(error, checked)


class _DryRun(Exception):
    pass


def write_or_rehearse(write, *, dry_run):
    """Runs `write()` in one transaction. A dry run does every write, keeps the result, then rolls
    everything back, so its result is exactly what a real write would do. Sets the result's
    `dry_run`."""
    try:
        with transaction.atomic():
            result = write()
            if dry_run:
                raise _DryRun(result)
    except _DryRun as rolled_back:
        result = rolled_back.args[0]
    result.dry_run = dry_run
    return result


def _counts_copy(upload, result):
    for name in upload.RESULT_FIELDS:
        setattr(upload, name, getattr(result, name))


def upload_create(*, model, file_name, content, preview, uploaded_by=None, **fields):
    """Stores a file that read without problems as a previewed upload of `model`, with the counts
    of `preview` (the import's dry run of it) and any of the model's own `fields`."""
    upload = model(file_name=file_name[:255], content=content, uploaded_by=uploaded_by, **fields)
    _counts_copy(upload, preview)
    upload._history_user = uploaded_by
    upload.save()
    return upload


def upload_confirm(*, upload, read, write, confirmed_by=None, now=None):
    """Confirms a previewed upload: reads its stored bytes again with `read(upload)` and, if they
    still pass, writes them with `write(checked)`, all in one transaction, and copies the result's
    counts onto the upload. Nothing is written when the file has problems now (the upload is
    refused, with them), when a value cannot be stored in the database (refused, naming it) or
    when the preview is older than PREVIEW_HOURS (refused, saying so). Raises UploadNotPreviewed
    for an upload already imported or refused (one waiting for the background confirmation, as
    the pages leave it, is confirmed). Returns the upload."""
    model = type(upload)
    checked = None
    try:
        with transaction.atomic():
            upload = model.objects.select_for_update().get(pk=upload.pk)
            if upload.status not in (model.PREVIEWED, model.CONFIRMING):
                raise UploadNotPreviewed(UPLOAD_NOT_PREVIEWED.format(status=upload.get_status_display().lower()))
            upload.confirmed_by = confirmed_by
            upload._history_user = confirmed_by
            if upload.is_expired(now):
                return _refuse(upload, [Problem(None, "", PREVIEW_EXPIRED.format(hours=PREVIEW_HOURS))])
            checked = read(upload)
            if not checked.is_valid:
                return _refuse(upload, checked.problems)
            with values_guarded():
                result = write(checked)
            upload.status = model.IMPORTED
            upload.imported_at = timezone.now()
            _counts_copy(upload, result)
            upload.save()
    except (ValueCannotBeStored, DataError) as error:
        # Everything the write did has rolled back with the transaction; the upload is refused
        # on its own, naming the value.
        upload.status = model.PREVIEWED
        with transaction.atomic():
            return _refuse(upload, [storing_problem(error, checked)])
    return upload


def _refuse(upload, problems):
    upload.status = upload.REFUSED
    upload.problems = problems_stored(problems)
    upload.save(update_fields=["status", "problems", "confirmed_by"])
    return upload


def upload_files_purge(*, model, before, dry_run):
    """Empties the stored bytes of `model`'s uploads made before `before`, for a retention rule
    (core.retention): the upload's record, status and counts stay. Returns how many."""
    expired = model.objects.filter(uploaded_at__lt=before).exclude(content=b"")
    count = expired.count()
    if count and not dry_run:
        expired.update(content=b"")
    return count


def expired_previews_purge(*, before, dry_run):
    """Every kind of upload's previews made before `before` and never confirmed: each is marked
    refused, saying its preview expired, and its file emptied, so an abandoned preview neither
    keeps a file nor can be confirmed. Uploads still waiting for the background worker or being
    worked on since then (the worker stopped, say) are marked failed, saying the import did not
    finish. Returns how many (for the retention schedule)."""
    from django.apps import apps

    from .background import UNFINISHED
    from .models import Upload

    count = 0
    for model in apps.get_models():
        if not issubclass(model, Upload):
            continue
        for statuses, status, message in [
            ([model.PREVIEWED], model.REFUSED, PREVIEW_EXPIRED),
            (list(model.RUNNING), model.FAILED, UNFINISHED),
        ]:
            expired = model.objects.filter(status__in=statuses, uploaded_at__lt=before)
            count += expired.count()
            if not dry_run:
                problems = problems_stored([Problem(None, "", message.format(hours=PREVIEW_HOURS))])
                expired.update(status=status, content=b"", problems=problems)
    return count


def _no_options(upload):
    return {}


@dataclass
class _Refused:
    """What reading found when the file was not read at all (no council yet)."""

    problems: list
    is_valid: bool = False


@dataclass(frozen=True)
class Importer:
    """One import: its upload model, `read(content=, file_name=, **options)` returning what the
    file holds (with `is_valid` and `problems`), `write(checked, changed_by=, dry_run=)` returning
    a result with the model's RESULT_FIELDS, and `options(upload)`: the choices an upload was read with
    (a column mapping, say), so that confirming reads it exactly as the preview did."""

    model: type
    read: Callable
    write: Callable
    options: Callable = _no_options
    # Whether the import needs the council set up first; a census return sets it up itself.
    needs_council: bool = True

    def rehearse(self, *, file_name, content, options=None, checked=None):
        """Reads a file (unless it has been read already, as `checked`) and, when it has no
        problems, works out what importing it would change. Returns (what reading found, the dry
        run's result or None when the file has problems, which are then in what reading found)."""
        problem = council_problem() if self.needs_council else None
        if problem:
            return _Refused([problem]), None
        if checked is None:
            checked = self.read(content=content, file_name=file_name, **(options or {}))
        if not checked.is_valid:
            return checked, None
        preview, problem = guarded_write(lambda: self.write(checked, changed_by=None, dry_run=True), checked)
        if problem:
            checked.problems.append(problem)
            return checked, None
        return checked, preview

    def upload_preview(self, *, upload):
        """Checks an upload already kept (by the pages, before their background check) as
        `preview` checks a file, reading it as `options(upload)` says: previewed, with what
        importing it would change, or refused, with its problems and its file emptied (it can
        never be imported). Returns the upload."""
        checked, preview = self.rehearse(
            file_name=upload.file_name, content=bytes(upload.content), options=self.options(upload)
        )
        if preview is None:
            upload.status, upload.problems, upload.content = upload.REFUSED, problems_stored(checked.problems), b""
        else:
            upload.status = upload.PREVIEWED
            _counts_copy(upload, preview)
        upload._history_user = upload.uploaded_by
        # Not how far the check read, which the check records as it goes.
        upload.save(update_fields=["status", "problems", "content", *upload.RESULT_FIELDS])
        return upload

    def preview(self, *, file_name, content, uploaded_by=None, options=None, fields=None, checked=None):
        """Reads a file (unless it has been read already, as `checked`) and, when it has no
        problems, stores it as a previewed upload with what importing it would change. Returns
        (the upload or None, what reading found)."""
        checked, preview = self.rehearse(file_name=file_name, content=content, options=options, checked=checked)
        if preview is None:
            return None, checked
        upload = upload_create(
            model=self.model,
            file_name=file_name,
            content=content,
            preview=preview,
            uploaded_by=uploaded_by,
            **(fields or {}),
        )
        return upload, checked

    def confirm(self, *, upload, confirmed_by=None, now=None):
        """Confirms a previewed upload (upload_confirm)."""
        return upload_confirm(
            upload=upload,
            read=lambda held: self.read(content=bytes(held.content), file_name=held.file_name, **self.options(held)),
            write=lambda checked: self.write(checked, changed_by=confirmed_by, dry_run=False),
            confirmed_by=confirmed_by,
            now=now,
        )

    def import_now(self, *, file_name, content, checked, changed_by=None, options=None, fields=None):
        """Keeps and confirms at once a file already read without problems (`checked`), as a
        command or a one-step page does: the upload is kept all the same, and confirming reads
        it again. Returns the upload, imported or refused (a file refused before it could be kept
        comes back as an unsaved upload, refused, with its problems)."""
        upload, read = self.preview(
            file_name=file_name,
            content=content,
            uploaded_by=changed_by,
            options=options,
            fields=fields,
            checked=checked,
        )
        if upload is None:  # refused before it was kept: a value the database cannot hold, or no council
            return self.model(
                file_name=file_name[:255], status=self.model.REFUSED, problems=problems_stored(read.problems)
            )
        return self.confirm(upload=upload, confirmed_by=changed_by)
