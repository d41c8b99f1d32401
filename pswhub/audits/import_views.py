"""The audits' import pages. Historic audits through the browser (PSW and QA officers): upload,
the upload's page with any problems by row and field or what it would import, then confirm.
Uploading, previewing and confirming are core.imports' pages, described here by `AUDIT_PAGES`
(urls.py makes their views); the checks and the write are the ones `import_audits` uses
(services.imports.AUDITS), so page and command agree. The file is stored once, at upload, and
checked once more on confirm: nothing is written unless every row passes then. The case list,
for the audit programme, is imported as soon as it reads without problems (kept as a
CaseListUpload all the same)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from pswhub.core.imports import problem_rows
from pswhub.core.imports import views as import_pages
from pswhub.core.views import require

from . import presenters, selectors
from .forms import AuditImportForm, CaseImportForm
from .importing import cases_import_plan
from .models import CaseType
from .services.imports import AUDITS, CASE_LIST


def _teams_row(upload):
    label = "Teams to add" if upload.is_preview else "Teams added"
    return [(label, ", ".join(upload.team_names) or "None")]


def _confirmed(request, upload):
    """An imported file opens its import batch's page, listing the audits it added."""
    if upload.status == upload.IMPORTED and upload.batch_id:
        return redirect("audits:import_detail", pk=upload.batch_id)
    return None


AUDIT_PAGES = import_pages.ImportPages(
    importer=AUDITS,
    permission="audits.import_audits",
    title="Import historic audits",
    caption="Historic audit imports",
    form_class=AuditImportForm,
    urls={
        "upload": "audits:import_upload",
        "detail": "audits:import_preview",
        "confirm": "audits:import_confirm",
        "back": "audits:import_list",
    },
    intro=(
        "Upload past audits kept in a spreadsheet, saved as CSV or XLSX, with one audit a row. If any row has a "
        "problem nothing is imported. An audit already held (the same case, type and completion date) is left "
        "out, so a file can be imported again safely."
    ),
    back_text="Back to historic audit imports",
    counts=[
        ("rows", "Rows", "Rows"),
        ("audit_count", "Audits to import", "Audits imported"),
        ("skipped", "Already held, left out", "Already held, left out"),
    ],
    command="import_audits",
    problem_head=presenters.IMPORT_PROBLEM_HEAD,
    problem_caption="Problems by row and field",
    problem_by="row and field",
    fields=lambda cleaned_data: {"create_teams": cleaned_data["create_teams"]},
    confirmed=_confirmed,
    extra_rows=_teams_row,
    heading=lambda upload: f"Check the import of {upload.file_name}" if upload.may_confirm else upload.file_name,
    upload_extra="audits/_import_columns.html",
)


def import_list(request):
    require(request, "audits.import_audits")
    return render(request, "audits/import_list.html", {"batches": selectors.audit_import_batches()})


def import_detail(request, pk):
    require(request, "audits.import_audits")
    batch = get_object_or_404(selectors.audit_import_batches(), pk=pk)
    audits = batch.audits.select_related("team", "overall_grade").order_by("completed_on", "case_reference")
    page = Paginator(audits, 50).get_page(request.GET.get("page"))
    return render(request, "audits/import_detail.html", {"batch": batch, "page": page, **presenters.HELPERS})


def case_import(request):
    require(request, "audits.import_cases")
    form = CaseImportForm(request.POST or None, request.FILES or None)
    problems, result = [], None
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        content = file.read()
        plan = cases_import_plan(content, file_name=file.name)
        problems = plan.problems
        if not problems:
            upload = CASE_LIST.import_now(file_name=file.name, content=content, checked=plan, changed_by=request.user)
            if upload.status == upload.IMPORTED:
                result = {"added": upload.added, "updated": upload.updated, "unchanged": upload.unchanged}
            else:
                problems = upload.problems
    context = {
        "form": form,
        "problem_rows": problem_rows(problems),
        "problem_head": presenters.IMPORT_PROBLEM_HEAD,
        "result": result,
        "case_types": CaseType.values,
    }
    return render(request, "audits/case_import.html", context, status=400 if problems else 200)
