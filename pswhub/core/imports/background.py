"""Imports checked and confirmed in the background (docs/adr/0015-imports-in-the-background.md),
so that no file, however near the limits, keeps a web request waiting.

An upload made on the pages moves through these statuses, each step a task that the worker
(`manage.py db_worker`, started by `make run`) runs:

    queued --check--> being checked --> previewed --confirm--> being imported --> imported
                                    \\-> refused (its problems)                 \\-> refused
    any step that raises --> failed (saying so; the fault goes to the log)

Each step first claims the upload by its status, so a task run twice does its work once (a
second check finds it no longer queued, a second confirm finds it imported); the confirmation
stays one transaction (pipeline.upload_confirm), so nothing is ever half-written. The tasks are
told which import by the upload model's label: the pages register their import when the URLs
are loaded (views.page_views), which a worker does the first time it needs one."""

import logging
from functools import partial
from importlib import import_module

from django.conf import settings

from .pipeline import UploadNotPreviewed
from .problems import Problem, problems_stored
from .progress import progress_reported

log = logging.getLogger(__name__)

FAILED = (
    "The import could not finish because of a fault in PSW Hub, not in the file, so nothing has been written. "
    "Upload the file again; if it fails again, tell your PSW Hub administrator (upload {pk} of {kind})"
)
UNFINISHED = (
    "The import did not finish within {hours} hours (the background worker may have stopped), so nothing has "
    "been written. Upload the file again; if this happens again, tell your PSW Hub administrator"
)

_IMPORTERS = {}


def importer_register(importer):
    """Makes `importer` the one the background tasks use for its upload model."""
    _IMPORTERS[importer.model._meta.label] = importer


def importer_get(label):
    """The import registered for the upload model labelled `label` (say "workload.CaseloadImport")."""
    if label not in _IMPORTERS:
        import_module(settings.ROOT_URLCONF)  # a worker has not loaded the pages, which register them
    return _IMPORTERS[label]


def upload_queue(*, importer, file_name, content, uploaded_by=None, fields=None):
    """Keeps a file (once: the check and the confirmation both read these bytes) as an upload
    waiting to be checked, and asks the worker to check it. Returns the upload; with the
    immediate task backend (the tests') it has been checked already."""
    from .tasks import upload_check

    upload = importer.model(
        file_name=file_name[:255],
        content=content,
        uploaded_by=uploaded_by,
        status=importer.model.QUEUED,
        **(fields or {}),
    )
    upload._history_user = uploaded_by
    upload.save()
    upload_check.enqueue(label=importer.model._meta.label, upload_id=upload.pk)
    return upload


def upload_check_run(*, importer, upload_id):
    """The check of a queued upload (the task `upload_check`): previewed with what importing it
    would change, or refused with its problems (and its file emptied: it can never be
    imported), recording how far it has read as it goes. Does nothing for an upload no longer
    queued (checked already). Returns the upload, or None."""
    model = importer.model
    if not model.objects.filter(pk=upload_id, status=model.QUEUED).update(status=model.PREVIEWING):
        return None
    upload = model.objects.get(pk=upload_id)
    try:
        with progress_reported(partial(_progress_save, model, upload_id)):
            return importer.upload_preview(upload=upload)
    except Exception:
        upload_fail(model=model, upload_id=upload_id)
        raise


def upload_confirm_queue(*, importer, upload, confirmed_by=None):
    """Asks the worker to confirm a previewed upload. Returns whether it was asked: not when
    the upload is no longer previewed (confirmed already, from another tab or by someone else)."""
    from .tasks import upload_confirm

    model = importer.model
    queued = model.objects.filter(pk=upload.pk, status=model.PREVIEWED).update(
        status=model.CONFIRMING, confirmed_by=confirmed_by
    )
    if queued:
        upload_confirm.enqueue(
            label=model._meta.label, upload_id=upload.pk, confirmed_by_id=getattr(confirmed_by, "pk", None)
        )
    return bool(queued)


def upload_confirm_run(*, importer, upload_id, confirmed_by_id=None):
    """The confirmation of an upload waiting for it (the task `upload_confirm`), in one
    transaction (Importer.confirm). Does nothing for an upload no longer waiting (imported
    already). Returns the upload, or None."""
    from django.contrib.auth import get_user_model

    model = importer.model
    upload = model.objects.filter(pk=upload_id, status=model.CONFIRMING).first()
    if upload is None:
        return None
    confirmed_by = get_user_model().objects.filter(pk=confirmed_by_id).first() if confirmed_by_id else None
    try:
        return importer.confirm(upload=upload, confirmed_by=confirmed_by)
    except UploadNotPreviewed:  # imported meanwhile by the same task run twice
        return None
    except Exception:
        upload_fail(model=model, upload_id=upload_id)
        raise


def upload_fail(*, model, upload_id, message=None):
    """Marks an upload whose check or confirmation raised as failed, saying so in words (the
    fault itself goes to the log), and empties its file. An imported upload is left as it is."""
    log.exception("The background import of %s %s failed", model._meta.label, upload_id)
    message = message or FAILED.format(pk=upload_id, kind=model._meta.verbose_name)
    model.objects.filter(pk=upload_id).exclude(status=model.IMPORTED).update(
        status=model.FAILED, content=b"", problems=problems_stored([Problem(None, "", message)])
    )


def _progress_save(model, upload_id, read, total):
    """Records how far the check has read; outside any transaction, so the page sees it at once."""
    model.objects.filter(pk=upload_id).update(rows_read=read, rows_total=total)


def upload_status(upload):
    """What the upload's page and its status address say about where the work has got."""
    total = upload.rows_total
    return {
        "status": upload.status,
        "label": upload.get_status_display(),
        "running": upload.is_running,
        "rows_read": upload.rows_read,
        "rows_total": total,
        "step": _step(upload),
    }


def _step(upload):
    if upload.status == upload.QUEUED:
        return "Waiting for the background worker to start checking the file"
    if upload.status == upload.PREVIEWING:
        if upload.rows_total is not None and upload.rows_read >= upload.rows_total and upload.rows_read:
            return f"Read {upload.rows_read:,} rows; working out what importing them would change"
        if upload.rows_total:
            return f"Reading the file: {upload.rows_read:,} of about {upload.rows_total:,} rows read"
        return f"Reading the file: {upload.rows_read:,} rows read"
    if upload.status == upload.CONFIRMING:
        return f"Checking the file once more and importing its {upload.rows:,} rows, all or none"
    return ""
