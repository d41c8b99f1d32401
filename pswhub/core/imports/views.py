"""The import pages every import shares: upload (the file is kept once and checked in the
background), the upload's page (how far the check or the import has got, then what it would
change or changed, confirm while the preview is fresh, its problems if it was refused; with
`?format=json`, where the work has got, for the page's script), confirm (in the background too)
and the template file. Each app describes its import in an `ImportPages` and points its URLs at
these views (`page_views`, `template_view`); core.imports.background runs the work."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pswhub.core.presenters import govuk_date, number
from pswhub.core.views import require

from . import limits
from .background import importer_register, upload_confirm_queue, upload_queue, upload_status
from .pipeline import PREVIEW_EXPIRED, PREVIEW_HOURS, Importer, council_problem
from .problems import PROBLEM_HEAD, WHOLE_FILE, Problem, problem_rows
from .reading import template_csv

NO_SUCH_UPLOAD = "There is no upload {pk}"
STATUS_TAGS = {
    "queued": "govuk-tag--grey",
    "previewing": "govuk-tag--blue",
    "previewed": "govuk-tag--yellow",
    "confirming": "govuk-tag--blue",
    "imported": "govuk-tag--green",
    "refused": "govuk-tag--red",
    "failed": "govuk-tag--red",
}
# How many of an import's uploads its upload page lists, newest first.
RECENT_UPLOADS = 10


def _no_choices(cleaned_data):
    return {}


def _no_context(request):
    return {}


@dataclass(frozen=True)
class ImportPages:
    """One import's pages.

    `urls` names the app's pages: "upload", "detail" and "confirm" (each taking the upload's pk
    but upload), "back" (where the pages' back link goes) and, for an import with a template
    file, "template" (`template_view`). `counts` are (count field, label while previewed, label
    once imported). `fields(cleaned_data)` is what else the upload keeps from the upload form,
    the choices the file is read with among them (the import's `options(upload)` reads them back,
    for the check and the confirmation alike). `confirmed(request, upload)` may answer a finished
    confirmation (a redirect elsewhere, say); by default the upload's page is shown again.
    `upload_extra` and `detail_extra` are templates included under the form and under the
    summary; `upload_context(request)` is what the upload page's needs and
    `detail_context(request, upload)` what the upload's page needs (such as what the import
    changes, scoped to the viewer). `template` is the file's columns (column,
    required, meaning, example), listed under the form by includes/import_columns.html and given
    as a CSV file named `template_file`; the upload page lists the recent uploads either way."""

    importer: Importer
    permission: str
    title: str
    caption: str
    form_class: type
    urls: dict
    counts: list
    intro: str = ""
    back_text: str = "Back"
    submit: str = "Check the file"
    command: str = ""  # the management command that does the same, named when it uploaded a file
    problem_head: list = field(default_factory=lambda: list(PROBLEM_HEAD))
    problem_caption: str = "Problems by row and column"
    problem_title: str = "The file has problems and nothing was imported"
    problem_by: str = "row and column"
    whole_file: str = WHOLE_FILE
    fields: Callable = _no_choices
    confirmed: Callable | None = None
    nav: str = ""  # a template included under the upload page's heading
    upload_extra: str = ""
    detail_extra: str = ""
    upload_context: Callable = _no_context
    extra_rows: Callable | None = None  # extra summary rows for an upload: [(label, text)]
    heading: Callable | None = None  # the upload page's heading, by default the file's name
    detail_context: Callable | None = None  # detail_context(request, upload): more for detail_extra
    template: tuple = ()
    template_file: str = ""


def upload_status_tag(upload):
    return {"text": upload.get_status_display(), "classes": STATUS_TAGS[upload.status]}


def _upload_page(request, pages, form, problems=()):
    rows = problem_rows(problems, whole_file=pages.whole_file)
    uploads = pages.importer.model.objects.defer("content").select_related("uploaded_by")[:RECENT_UPLOADS]
    context = {
        "pages": pages,
        "form": form,
        "problem_rows": rows,
        "uploads": uploads,
        "detail_url_name": pages.urls["detail"],
        "template": pages.template,
        "template_href": reverse(pages.urls["template"]) if "template" in pages.urls else "",
    }
    failed = bool(rows or form.errors)
    return render(
        request, "imports/upload.html", context | pages.upload_context(request), status=400 if failed else 200
    )


def upload_view(request, pages):
    """Keeps an uploaded file and opens its page, where it is checked in the background. What
    can be told at once (no file, a file over the size limit, no council yet) is told at once."""
    require(request, pages.permission)
    posted = request.method == "POST"
    form = pages.form_class(request.POST if posted else None, request.FILES if posted else None)
    if not (posted and form.is_valid()):
        return _upload_page(request, pages, form)
    file = form.cleaned_data["file"]
    try:
        limits.size_check(file.size)  # before a byte of it is read
    except limits.LimitError as error:
        return _upload_page(request, pages, form, [Problem(None, "", str(error))])
    problem = council_problem() if pages.importer.needs_council else None
    if problem:
        return _upload_page(request, pages, form, [problem])
    upload = upload_queue(
        importer=pages.importer,
        file_name=file.name,
        content=file.read(),
        uploaded_by=request.user,
        fields=pages.fields(form.cleaned_data),
    )
    return redirect(pages.urls["detail"], pk=upload.pk)


def upload_get(request, pages, pk):
    require(request, pages.permission)
    uploads = pages.importer.model.objects.defer("content").select_related("uploaded_by", "confirmed_by")
    upload = uploads.filter(pk=pk).first()
    if upload is None:
        raise Http404(NO_SUCH_UPLOAD.format(pk=pk))
    return upload


def summary_rows(pages, upload):
    """What the upload's page lists: its status, who uploaded it and when, and its counts (once
    it has been checked)."""
    by = upload.uploaded_by.get_full_name() if upload.uploaded_by else f"{pages.command} command"
    rows = [("Uploaded", govuk_date(upload.uploaded_at)), ("Uploaded by", by)]
    if upload.status in (upload.QUEUED, upload.PREVIEWING, upload.FAILED) or (
        upload.status == upload.REFUSED and not upload.rows
    ):
        return rows  # not checked, or refused when checked: nothing to count
    rows += [
        *((pages.extra_rows(upload)) if pages.extra_rows else []),
        *((before if upload.is_preview else after, upload_count(upload, name)) for name, before, after in pages.counts),
    ]
    if upload.imported_at:
        rows.append(("Imported", govuk_date(upload.imported_at)))
    if upload.confirmed_by and upload.confirmed_by != upload.uploaded_by:
        rows.append(("Confirmed by", upload.confirmed_by.get_full_name()))
    return rows


def upload_count(upload, name):
    return number(getattr(upload, name))


def detail_view(request, pages, pk):
    """The upload's page; with `?format=json`, where its work has got (background.upload_status).
    Opened again after a confirmation (`?after=confirm`) that has finished, it goes where the
    import sends a confirmed upload (`pages.confirmed`), as the confirmation would have."""
    upload = upload_get(request, pages, pk)
    if request.GET.get("format") == "json":
        return JsonResponse(upload_status(upload))
    if request.GET.get("after") == "confirm" and upload.status == upload.IMPORTED and pages.confirmed:
        answer = pages.confirmed(request, upload)
        if answer is not None:
            return answer
    detail_url = reverse(pages.urls["detail"], kwargs={"pk": upload.pk})
    context = {
        "pages": pages,
        "upload": upload,
        "status_tag": upload_status_tag(upload),
        "status": upload_status(upload),
        "status_url": f"{detail_url}?format=json",
        "refresh_url": f"{detail_url}?after=confirm" if upload.status == upload.CONFIRMING else detail_url,
        "heading": pages.heading(upload) if pages.heading else upload.file_name,
        "rows": summary_rows(pages, upload),
        "expired": upload.is_expired(),
        "expired_message": PREVIEW_EXPIRED.format(hours=PREVIEW_HOURS),
        "problem_rows": problem_rows(upload.problems, whole_file=pages.whole_file),
        "confirm_url": reverse(pages.urls["confirm"], kwargs={"pk": upload.pk}),
    }
    if pages.detail_context:
        context |= pages.detail_context(request, upload)
    return render(request, "imports/detail.html", context)


def confirm_view(request, pages, pk):
    """Confirms a previewed upload (POST only) in the background. Confirming twice imports once:
    the second finds the upload being imported, or imported, and shows it. A confirmation that
    has finished by the time the page answers (a small file) goes where `pages.confirmed` says."""
    upload = upload_get(request, pages, pk)
    if upload_confirm_queue(importer=pages.importer, upload=upload, confirmed_by=request.user):
        upload = upload_get(request, pages, pk)
        if upload.status == upload.IMPORTED and pages.confirmed is not None:
            answer = pages.confirmed(request, upload)
            if answer is not None:
                return answer
        if upload.status == upload.CONFIRMING:
            return redirect(reverse(pages.urls["detail"], kwargs={"pk": pk}) + "?after=confirm")
    return redirect(pages.urls["detail"], pk=pk)


def template_download(request, pages):
    require(request, pages.permission)
    response = HttpResponse(template_csv(pages.template), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{pages.template_file}"'
    return response


def page_views(pages):
    """One import's views for its app's URLs: upload, detail (by pk) and confirm (by pk, POST
    only). Registers its import for the background tasks."""
    importer_register(pages.importer)
    return (
        partial(upload_view, pages=pages),
        partial(detail_view, pages=pages),
        require_POST(partial(confirm_view, pages=pages)),
    )


def template_view(pages):
    """The view giving an import's template file (`pages.template`, as `pages.template_file`)."""
    return partial(template_download, pages=pages)
