"""The import pages every import shares: upload (the file is checked and, without problems, kept
as a previewed upload), the upload's page (what it would change or changed, confirm while the
preview is fresh, its problems if it was refused) and confirm. Each app describes its import in
an `ImportPages` and points its URLs at these views (`page_views`)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pswhub.core.presenters import govuk_date, number
from pswhub.core.views import require

from . import limits
from .pipeline import PREVIEW_EXPIRED, PREVIEW_HOURS, Importer, UploadNotPreviewed
from .problems import PROBLEM_HEAD, WHOLE_FILE, Problem, problem_rows

NO_SUCH_UPLOAD = "There is no upload {pk}"
STATUS_TAGS = {"previewed": "govuk-tag--yellow", "imported": "govuk-tag--green", "refused": "govuk-tag--red"}


def _no_choices(cleaned_data):
    return {}


def _no_context(request):
    return {}


@dataclass(frozen=True)
class ImportPages:
    """One import's pages.

    `urls` names the app's pages: "upload", "detail" and "confirm" (each taking the upload's pk
    but upload) and "back" (where the pages' back link goes). `counts` are (count field, label
    while previewed, label once imported). `options(cleaned_data)` are the choices the file is
    read with and `fields(cleaned_data)` what else the upload keeps, both from the upload form.
    `confirmed(request, upload)` may answer the confirmation itself (a redirect elsewhere, say);
    by default the upload's page is shown again. `upload_extra` and `detail_extra` are templates
    included under the form and under the summary; `upload_context(request)` is what the upload
    page's needs and `detail_context(request, upload)` what the upload's page needs (such as what
    the import changes, scoped to the viewer)."""

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
    options: Callable = _no_choices
    fields: Callable = _no_choices
    confirmed: Callable | None = None
    nav: str = ""  # a template included under the upload page's heading
    upload_extra: str = ""
    detail_extra: str = ""
    upload_context: Callable = _no_context
    extra_rows: Callable | None = None  # extra summary rows for an upload: [(label, text)]
    heading: Callable | None = None  # the upload page's heading, by default the file's name
    detail_context: Callable | None = None  # detail_context(request, upload): more for detail_extra


def upload_status_tag(upload):
    return {"text": upload.get_status_display(), "classes": STATUS_TAGS[upload.status]}


def _upload_page(request, pages, form, problems=()):
    rows = problem_rows(problems, whole_file=pages.whole_file)
    context = {"pages": pages, "form": form, "problem_rows": rows} | pages.upload_context(request)
    failed = bool(rows or form.errors)
    return render(request, "imports/upload.html", context, status=400 if failed else 200)


def upload_view(request, pages):
    """Checks an uploaded file; a file without problems is kept and its preview opened."""
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
    upload, checked = pages.importer.preview(
        file_name=file.name,
        content=file.read(),
        uploaded_by=request.user,
        options=pages.options(form.cleaned_data),
        fields=pages.fields(form.cleaned_data),
    )
    if upload is None:
        return _upload_page(request, pages, form, checked.problems)
    return redirect(pages.urls["detail"], pk=upload.pk)


def upload_get(request, pages, pk):
    require(request, pages.permission)
    uploads = pages.importer.model.objects.defer("content").select_related("uploaded_by", "confirmed_by")
    upload = uploads.filter(pk=pk).first()
    if upload is None:
        raise Http404(NO_SUCH_UPLOAD.format(pk=pk))
    return upload


def summary_rows(pages, upload):
    """What the upload's page lists: its status, who uploaded it and when, and its counts."""
    previewed = upload.status == upload.PREVIEWED
    by = upload.uploaded_by.get_full_name() if upload.uploaded_by else f"{pages.command} command"
    rows = [
        ("Uploaded", govuk_date(upload.uploaded_at)),
        ("Uploaded by", by),
        *((pages.extra_rows(upload)) if pages.extra_rows else []),
        *((before if previewed else after, upload_count(upload, name)) for name, before, after in pages.counts),
    ]
    if upload.imported_at:
        rows.append(("Imported", govuk_date(upload.imported_at)))
    if upload.confirmed_by and upload.confirmed_by != upload.uploaded_by:
        rows.append(("Confirmed by", upload.confirmed_by.get_full_name()))
    return rows


def upload_count(upload, name):
    return number(getattr(upload, name))


def detail_view(request, pages, pk):
    upload = upload_get(request, pages, pk)
    context = {
        "pages": pages,
        "upload": upload,
        "status_tag": upload_status_tag(upload),
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
    """Confirms a previewed upload (POST only). Confirming twice imports once: the second finds
    the upload imported and shows it."""
    upload = upload_get(request, pages, pk)
    if upload.status == upload.PREVIEWED:
        try:
            upload = pages.importer.confirm(upload=upload, confirmed_by=request.user)
        except UploadNotPreviewed:  # confirmed meanwhile, from another tab or by someone else
            return redirect(pages.urls["detail"], pk=pk)
        if pages.confirmed is not None:
            answer = pages.confirmed(request, upload)
            if answer is not None:
                return answer
    return redirect(pages.urls["detail"], pk=pk)


def page_views(pages):
    """One import's views for its app's URLs: upload, detail (by pk) and confirm (by pk, POST only)."""
    return (
        partial(upload_view, pages=pages),
        partial(detail_view, pages=pages),
        require_POST(partial(confirm_view, pages=pages)),
    )
