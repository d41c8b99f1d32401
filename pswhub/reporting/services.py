"""Writes for the annual report: drafts, narrative, publishing, files and the Word template."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from pswhub.core.periods import Period
from pswhub.core.report_sections import registered_sections
from pswhub.core.selectors import authority_get

from .document import document_from_snapshot, snapshot_build
from .models import (
    DEFAULT_FRAME,
    AnnualReport,
    ExportStatus,
    PublishedReport,
    ReportExport,
    ReportTemplate,
)

# The template's checks live with its rendering; these names are still read from here.
from .word_template import NO_BODY_TAG as NO_BODY_TAG
from .word_template import NOT_A_WORD_FILE as NOT_A_WORD_FILE
from .word_template import template_check as template_check

UNKNOWN_SECTION = "There is no such section in the report"


def council_name():
    authority = authority_get()
    return authority.name if authority else ""


def default_title(period):
    return f"Principal Social Worker annual report {period.label}"


def default_frame(period):
    frame = dict(DEFAULT_FRAME)
    frame["purpose"] = frame["purpose"].format(period=period.label)
    return frame


@transaction.atomic
def report_create(*, user, period_start, period_end, services, title=""):
    period = Period(period_start, period_end)
    report = AnnualReport(
        title=title or default_title(period),
        period_start=period_start,
        period_end=period_end,
        services=services,
        created_by=user,
        **default_frame(period),
    )
    report._history_user = user
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def report_update(*, user, report, **fields):
    for name, value in fields.items():
        setattr(report, name, value)
    report._history_user = user
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def narrative_save(*, user, report, key, narrative):
    if key not in {section.key for section in registered_sections()}:
        raise ValueError(UNKNOWN_SECTION)
    report.narratives = {**report.narratives, key: narrative}
    report._history_user = user
    report.save(update_fields=["narratives"])
    return report


def report_snapshot(report):
    """Builds the report from the data as it is now."""
    frame = report.frame()
    frame["meeting_date"] = report.meeting_date.isoformat() if report.meeting_date else ""
    return snapshot_build(
        council=council_name(),
        title=report.title,
        period=report.period,
        services=report.services,
        frame=frame,
        narratives=report.narratives,
    )


def report_document(report):
    return document_from_snapshot(report_snapshot(report), status="draft")


def version_document(version):
    return document_from_snapshot(
        version.snapshot, status="published", version=version.number, published_on=version.published_at
    )


@transaction.atomic
def report_publish(*, user, report):
    """Freezes the report: a new published version keeps the figures built now, for ever."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    number = (report.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    return PublishedReport.objects.create(
        report=report,
        number=number,
        title=report.title,
        period_start=report.period_start,
        period_end=report.period_end,
        services=report.services,
        snapshot=report_snapshot(report),
        published_by=user,
    )


def command_document(*, period, services):
    """The report for a period from the current data with the default text, for the command line."""
    frame = default_frame(period)
    frame["meeting_date"] = ""
    snapshot = snapshot_build(
        council=council_name(), title=default_title(period), period=period, services=services, frame=frame
    )
    return document_from_snapshot(snapshot, status="draft")


@transaction.atomic
def export_request(*, user, fmt, report=None, version=None):
    from .tasks import export_generate

    export = ReportExport.objects.create(report=report, version=version, format=fmt, requested_by=user)
    transaction.on_commit(lambda: export_generate.enqueue(export_id=export.pk))
    return export


def export_progress(*, export_id, progress, stage, status=ExportStatus.RUNNING, **fields):
    """Records how far a file has got. Written outside any transaction so that the page showing
    progress sees each step as it happens."""
    ReportExport.objects.filter(pk=export_id).update(progress=progress, stage=stage, status=status, **fields)


def export_finish(*, export_id, content, filename):
    export_progress(
        export_id=export_id,
        progress=100,
        stage="Ready",
        status=ExportStatus.DONE,
        content=content,
        filename=filename,
        finished_at=timezone.now(),
    )


def export_fail(*, export_id, error):
    export_progress(
        export_id=export_id,
        progress=100,
        stage="Failed",
        status=ExportStatus.FAILED,
        error=error,
        finished_at=timezone.now(),
    )


@transaction.atomic
def template_upload(*, user, name, content):
    template_check(content)
    template_reset(user=user)
    template = ReportTemplate(name=name, content=content, uploaded_by=user)
    template._history_user = user
    template.save()
    return template


@transaction.atomic
def template_reset(*, user):
    """Goes back to the template PSW Hub ships."""
    for template in ReportTemplate.objects.filter(is_active=True):
        template.is_active = False
        template._history_user = user
        template.save(update_fields=["is_active"])
