"""Making a report file in the background (`manage.py db_worker`), recording progress as it goes."""

from django.tasks import task

FILENAME_SAFE = str.maketrans({c: "-" for c in '/\\:*?"<>|'})


def filename_for(document, fmt):
    stem = f"{document['title']}{'' if document['status'] == 'published' else ' DRAFT'}".translate(FILENAME_SAFE)
    return f"{stem}.{fmt}"


@task()
def export_generate(*, export_id):
    from . import outputs, selectors, services
    from .models import ReportExport

    export = ReportExport.objects.select_related("report", "version").get(pk=export_id)
    try:
        if export.version_id:
            services.export_progress(export_id=export_id, progress=20, stage="Reading the published figures")
            document = services.version_document(export.version)
        else:
            services.export_progress(export_id=export_id, progress=10, stage="Building the sections from the data")
            document = services.report_document(export.report)
        services.export_progress(
            export_id=export_id, progress=60, stage=f"Writing the {export.get_format_display()} file"
        )
        template = selectors.current_template()
        content = outputs.render(document, export.format, template=bytes(template.content) if template else None)
        services.export_finish(export_id=export_id, content=content, filename=filename_for(document, export.format))
    except Exception as error:  # The page must say the file failed rather than wait for ever.
        services.export_fail(export_id=export_id, error=f"{type(error).__name__}: {error}")
        raise
    return export_id
