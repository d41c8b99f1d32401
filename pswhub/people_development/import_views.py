"""Past spreadsheets imported through the browser (PSW and HR officers): upload a file, see its
problems by row and column or a preview of what it would change, then confirm. The reading and
the writing are the ones the import commands use, so page and command agree; the preview is the
import's own dry run. Between preview and confirm the file travels back in the form, signed
(`core.imports.upload_sign`)."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from pswhub.core import imports
from pswhub.core.views import require

from . import import_services, importing
from .views import render

SIGNING_SALT = "pswhub.people_development.import"
PREVIEW_EXPIRED = "The preview has expired or the file could not be read back: upload the file again"
CHOOSE_FILE = "Choose a CSV or XLSX file"
IMPORTED = "{name} has been imported: {added} added, {updated} updated, {unchanged} unchanged"


@dataclass(frozen=True)
class Kind:
    title: str
    noun: str
    columns: list
    read: object
    write: object
    back: str


KINDS = {
    "placements": Kind(
        "Import placements",
        "placements",
        importing.PLACEMENT_COLUMNS,
        importing.placements_file_read,
        lambda checked, **kw: import_services.placements_import(placement_file=checked, **kw),
        "people_development:placement_list",
    ),
    "early-careers": Kind(
        "Import early career records",
        "records",
        importing.EARLY_CAREER_COLUMNS,
        importing.early_careers_file_read,
        lambda checked, **kw: import_services.early_careers_import(early_career_file=checked, **kw),
        "people_development:record_list",
    ),
    "progression": Kind(
        "Import progression applications",
        "applications",
        importing.PROGRESSION_COLUMNS,
        importing.progression_file_read,
        lambda checked, **kw: import_services.progression_import(progression_file=checked, **kw),
        "people_development:panel_list",
    ),
}


class ImportFileForm(forms.Form):
    file = forms.FileField(label="File (CSV or XLSX)", error_messages={"required": CHOOSE_FILE})


def _kind(kind):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


def _upload_page(request, kind, form, problems=(), error=None):
    spec = _kind(kind)
    context = {
        "kind": kind,
        "spec": spec,
        "form": form,
        "error": error,
        "problems": [(problem.row or "The file", problem.column or "", problem.message) for problem in problems],
        "columns": [
            (column, "Yes" if required else "No", holds) for column, required, _parse, holds, _ex in spec.columns
        ],
        "back": reverse(spec.back),
    }
    response = render(request, "people_development/import_upload.html", context)
    if problems or error or form.errors:
        response.status_code = 400
    return response


def import_upload(request, kind):
    require(request, "people_development.import_records")
    spec = _kind(kind)
    posted = request.method == "POST"
    form = ImportFileForm(request.POST if posted else None, request.FILES if posted else None)
    if not (posted and form.is_valid()):
        return _upload_page(request, kind, form)
    upload = form.cleaned_data["file"]
    content = upload.read()
    checked = spec.read(content=content, file_name=upload.name)
    if not checked.is_valid:
        return _upload_page(request, kind, form, checked.problems)
    context = {
        "kind": kind,
        "spec": spec,
        "file_name": upload.name,
        "result": spec.write(checked, dry_run=True),
        "token": imports.upload_sign(name=upload.name, content=content, salt=SIGNING_SALT, kind=kind),
    }
    return render(request, "people_development/import_preview.html", context)


@require_POST
def import_confirm(request, kind):
    require(request, "people_development.import_records")
    spec = _kind(kind)
    sent = imports.upload_unsign(request.POST.get("token"), salt=SIGNING_SALT)
    if sent is None or sent.get("kind") != kind:
        return _upload_page(request, kind, ImportFileForm(), error=PREVIEW_EXPIRED)
    checked = spec.read(content=sent["content"], file_name=sent["name"])
    if not checked.is_valid:
        return _upload_page(request, kind, ImportFileForm(), checked.problems)
    result = spec.write(checked, changed_by=request.user)
    messages.success(request, IMPORTED.format(name=sent["name"], **vars(result)))
    return redirect(spec.back)
