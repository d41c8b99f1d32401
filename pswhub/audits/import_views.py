"""Historic audits imported through the browser (PSW and QA officers): upload, a preview with any
problems by row and field, then confirm. The checks and the write are the ones `import_audits`
uses (importing.audits_import_plan, services.audits_import_save), so page and command agree.

Between preview and confirm the file travels back in the form, signed so it cannot be altered,
and is checked once more on confirm: nothing is written unless every row passes then."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pswhub.core import imports
from pswhub.core.views import require

from . import presenters, selectors, services
from .forms import AuditImportForm
from .importing import UNKNOWN_TEAM_ON_PAGE, audits_import_plan

SIGNING_SALT = "pswhub.audits.import"
PREVIEW_EXPIRED = "The preview has expired or the file could not be read back: upload the file again"
PREVIEW_HOURS = imports.PREVIEW_HOURS


def _check(content, create_teams):
    return audits_import_plan(content, create_teams=create_teams, unknown_team=UNKNOWN_TEAM_ON_PAGE)


def import_list(request):
    require(request, "audits.import_audits")
    return render(request, "audits/import_list.html", {"batches": selectors.audit_import_batches()})


def _upload_page(request, form, problems=(), error=None):
    context = {
        "form": form,
        "problem_rows": list(problems),
        "problem_head": presenters.IMPORT_PROBLEM_HEAD,
        "error": error,
    }
    failed = problems or error or form.errors
    return render(request, "audits/import_upload.html", context, status=400 if failed else 200)


def import_upload(request):
    require(request, "audits.import_audits")
    posted = request.method == "POST"
    form = AuditImportForm(request.POST if posted else None, request.FILES if posted else None)
    if not (posted and form.is_valid()):
        return _upload_page(request, form)
    upload, create_teams = form.cleaned_data["file"], form.cleaned_data["create_teams"]
    content = upload.read()
    plan = _check(content, create_teams)
    if plan.errors:
        return _upload_page(request, form, plan.problems)
    token = imports.upload_sign(name=upload.name, content=content, salt=SIGNING_SALT, create_teams=create_teams)
    context = {"file_name": upload.name, "plan": plan, "token": token, "new_teams": sorted(plan.new_teams)}
    return render(request, "audits/import_preview.html", context)


@require_POST
def import_confirm(request):
    require(request, "audits.import_audits")
    sent = imports.upload_unsign(request.POST.get("token"), salt=SIGNING_SALT)
    if sent is None or "create_teams" not in sent:
        return _upload_page(request, AuditImportForm(), error=PREVIEW_EXPIRED)
    plan = _check(sent["content"], sent["create_teams"])
    if plan.errors:  # the teams, accounts or audits held changed since the preview
        return _upload_page(request, AuditImportForm(), plan.problems)
    batch = services.audits_import_save(plan=plan, file_name=sent["name"], imported_by=request.user)
    return redirect("audits:import_detail", pk=batch.pk)


def import_detail(request, pk):
    require(request, "audits.import_audits")
    batch = get_object_or_404(selectors.audit_import_batches(), pk=pk)
    audits = batch.audits.select_related("team", "overall_grade").order_by("completed_on", "case_reference")
    page = Paginator(audits, 50).get_page(request.GET.get("page"))
    return render(request, "audits/import_detail.html", {"batch": batch, "page": page, **presenters.HELPERS})
