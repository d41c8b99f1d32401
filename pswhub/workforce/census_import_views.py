"""Past census returns imported through the browser (PSW and HR officers): upload the XML, see
its problems by worker and element or a preview of what it would change, then confirm. The
reading and the write are the ones `import_csww` uses (csww.census_return_read,
services.census_return_import), so page and command agree; the preview is the import's own dry
run. Between preview and confirm the file travels back in the form, signed (core.imports)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from pswhub.core import imports
from pswhub.core.views import require

from . import csww, services
from .forms import CensusReturnUploadForm

SIGNING_SALT = "pswhub.workforce.census_import"
PREVIEW_EXPIRED = "The preview has expired or the file could not be read back: upload the return again"
IMPORTED = "The {year} census return has been imported"
NOTHING_CHANGED = "The {year} census return is already held as it is: nothing changed"


def _upload_page(request, form, problems=(), error=None):
    failed = bool(problems or error or form.errors)
    context = {"form": form, "problems": list(problems), "error": error}
    return render(request, "workforce/census_import.html", context, status=400 if failed else 200)


def _read_and_rehearse(content):
    """The return read from the file and, if it has no problems, what importing it would do."""
    census_return = csww.census_return_read(content)
    if not census_return.is_valid:
        return census_return, None
    try:
        return census_return, services.census_return_import(census_return=census_return, dry_run=True)
    except services.CensusImportError as error:
        census_return.problems.append(csww.Problem(str(error)))
        return census_return, None


def census_import_upload(request):
    require(request, "workforce.prepare_census_return")
    posted = request.method == "POST"
    form = CensusReturnUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if not (posted and form.is_valid()):
        return _upload_page(request, form)
    upload = form.cleaned_data["file"]
    content = upload.read()
    census_return, rehearsal = _read_and_rehearse(content)
    if rehearsal is None:
        return _upload_page(request, form, census_return.problems)
    context = {
        "file_name": upload.name,
        "result": rehearsal,
        "workers": len(census_return.workers),
        "token": imports.upload_sign(name=upload.name, content=content, salt=SIGNING_SALT),
    }
    return render(request, "workforce/census_import_preview.html", context)


@require_POST
def census_import_confirm(request):
    require(request, "workforce.prepare_census_return")
    sent = imports.upload_unsign(request.POST.get("token"), salt=SIGNING_SALT)
    if sent is None:
        return _upload_page(request, CensusReturnUploadForm(), error=PREVIEW_EXPIRED)
    census_return, rehearsal = _read_and_rehearse(sent["content"])
    if rehearsal is None:
        return _upload_page(request, CensusReturnUploadForm(), census_return.problems)
    result = services.census_return_import(census_return=census_return, changed_by=request.user)
    message = IMPORTED if result.changed_anything else NOTHING_CHANGED
    messages.success(request, message.format(year=result.year))
    return redirect("workforce:census_return", year=result.year)
