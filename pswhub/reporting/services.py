"""Writes for the annual report: drafts, narrative, publishing, files and the Word template."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from pswhub.core.periods import Period
from pswhub.core.selectors import authority_get

from . import frame as parts
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
    """The report's own text as a new draft starts: seed 004's wording, with the PSW as the contact.
    `{period}` is filled in now; `{priorities_ahead}` when the document is laid out, so the purpose
    promises the year ahead's priorities only when the report gives them."""
    frame = dict(DEFAULT_FRAME)
    frame["purpose"] = frame["purpose"].replace("{period}", period.label)
    frame["contact"] = "\n".join(psw_contact())
    return frame


def psw_contact():
    """The contact lines for the report: the council's Principal Social Worker (the first active
    user with the role), name, job title and e-mail address."""
    from .selectors import principal_social_worker

    psw = principal_social_worker()
    if psw is None:
        return []
    return [line for line in [psw.get_full_name() or psw.username, "Principal Social Worker", psw.email] if line]


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
    if key not in parts.section_titles() and key != parts.PRIORITIES_AHEAD:
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
        options=report.options,
        left_out=report.left_out,
        contact_default=psw_contact(),
    )


@transaction.atomic
def report_choices_save(*, user, report, left_out, audits_pooled):
    """The PSW's choices: which sections to leave out, and whether to pool every audit into one
    rate as well (said in the report when chosen)."""
    known = set(parts.section_titles())
    unknown = set(left_out) - known
    if unknown:
        raise ValueError(UNKNOWN_SECTION)
    report.left_out = sorted(left_out)
    report.options = {**report.options, "audits_pooled": bool(audits_pooled)}
    report._history_user = user
    report.save(update_fields=["left_out", "options"])
    return report


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
        council=council_name(),
        title=default_title(period),
        period=period,
        services=services,
        frame=frame,
        contact_default=psw_contact(),
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
