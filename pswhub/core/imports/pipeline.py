"""Preview, confirm and the all-or-nothing write that every import shares.

An import is two functions: `read(content, options)` checks a file's bytes and returns what it
found (with `is_valid` and `problems`), and `write(checked, changed_by, dry_run)` writes it all
or nothing and returns a result with one attribute per count. A dry run works everything out
and writes nothing. The upload is stored once, when it reads without problems; confirming reads
the stored bytes again, since what the file refers to may have changed since the preview."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .problems import Problem, problems_stored

# A previewed upload can be confirmed for this long; after that what it refers to may have moved
# on too far for its preview to mean anything, and it must be uploaded again.
PREVIEW_HOURS = 2

UPLOAD_NOT_PREVIEWED = "This upload has already been {status}"
PREVIEW_EXPIRED = (
    "This preview is more than {hours} hours old, so it can no longer be confirmed: what the file refers to "
    "may have changed since. Upload the file again to see a fresh preview."
)


class UploadNotPreviewed(Exception):
    pass


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
    refused, with them) or when the preview is older than PREVIEW_HOURS (refused, saying so).
    Raises UploadNotPreviewed for an upload already imported or refused. Returns the upload."""
    model = type(upload)
    with transaction.atomic():
        upload = model.objects.select_for_update().get(pk=upload.pk)
        if upload.status != model.PREVIEWED:
            raise UploadNotPreviewed(UPLOAD_NOT_PREVIEWED.format(status=upload.get_status_display().lower()))
        upload.confirmed_by = confirmed_by
        upload._history_user = confirmed_by
        if upload.is_expired(now):
            return _refuse(upload, [Problem(None, "", PREVIEW_EXPIRED.format(hours=PREVIEW_HOURS))])
        checked = read(upload)
        if not checked.is_valid:
            return _refuse(upload, checked.problems)
        result = write(checked)
        upload.status = model.IMPORTED
        upload.imported_at = timezone.now()
        _counts_copy(upload, result)
        upload.save()
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


def _no_options(upload):
    return {}


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

    def preview(self, *, file_name, content, uploaded_by=None, options=None, fields=None, checked=None):
        """Reads a file (unless it has been read already, as `checked`) and, when it has no
        problems, stores it as a previewed upload with what importing it would change. Returns
        (the upload or None, what reading found)."""
        if checked is None:
            checked = self.read(content=content, file_name=file_name, **(options or {}))
        if not checked.is_valid:
            return None, checked
        preview = self.write(checked, changed_by=None, dry_run=True)
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
        it again. Returns the upload, imported or refused."""
        upload, _ = self.preview(
            file_name=file_name,
            content=content,
            uploaded_by=changed_by,
            options=options,
            fields=fields,
            checked=checked,
        )
        return self.confirm(upload=upload, confirmed_by=changed_by)
