"""The import pages' background tasks, run by `manage.py db_worker` (core.imports.background)."""

from django.tasks import task


@task()
def upload_check(*, label, upload_id):
    """Checks a queued upload of the import whose upload model is labelled `label`."""
    from .background import importer_get, upload_check_run

    upload = upload_check_run(importer=importer_get(label), upload_id=upload_id)
    return upload.status if upload else None


@task()
def upload_confirm(*, label, upload_id, confirmed_by_id=None):
    """Confirms an upload waiting to be imported, for the person who confirmed it."""
    from .background import importer_get, upload_confirm_run

    upload = upload_confirm_run(importer=importer_get(label), upload_id=upload_id, confirmed_by_id=confirmed_by_id)
    return upload.status if upload else None
