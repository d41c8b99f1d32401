"""The workforce's import pages: HR extracts (with the council's column mappings) and past census
returns. Uploading, previewing and confirming are core.imports' pages, described here by an
`ImportPages` each (urls.py makes their views); the reading and the writes are the ones the
commands use (services.HR_EXTRACT, services.CENSUS_RETURN), so page and command agree."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from pswhub.core.imports import views as import_pages
from pswhub.core.views import require

from . import hr_import, import_presenters, selectors, services
from .forms import CensusReturnUploadForm, ColumnMappingForm, ExtractUploadForm

IMPORTED = "The {year} census return has been imported"
NOTHING_CHANGED = "The {year} census return is already held as it is: nothing changed"
NO_SUCH_MAPPING = "There is no column mapping {pk}"


HR_PAGES = import_pages.ImportPages(
    importer=services.HR_EXTRACT,
    permission="workforce.import_staff",
    title="Upload an HR extract",
    caption="HR import",
    form_class=ExtractUploadForm,
    urls={
        "upload": "workforce:import_upload",
        "detail": "workforce:import_detail",
        "confirm": "workforce:import_confirm",
        "back": "workforce:imports",
        "template": "workforce:import_template_csv",
    },
    back_text="Back to HR imports",
    counts=[
        ("rows", "Rows", "Rows"),
        ("added", "To add", "Added"),
        ("updated", "To update", "Updated"),
        ("unchanged", "Unchanged", "Unchanged"),
        ("adopted", "Matched to records a census return made", "Matched to records a census return made"),
        ("teams_added", "Teams to add", "Teams added"),
    ],
    command="import_workforce",
    fields=lambda cleaned_data: services.batch_fields(cleaned_data["mapping"], cleaned_data["create_teams"]),
    extra_rows=import_presenters.import_batch_rows,
    detail_extra="workforce/_import_changes.html",
    detail_context=import_presenters.import_changes_context,
    upload_extra="workforce/_import_upload_columns.html",
    template=hr_import.TEMPLATE,
    template_file="psw-hub-staff-template.csv",
)


def _census_year_rows(upload):
    year = upload.year
    rows = [("Census year", f"{year} (1 October {year - 1} to 30 September {year})")]
    if upload.is_preview:
        held = "No: it will be added" if upload.year_created else "Yes: this return replaces it"
        rows.append(("Year held already", held))
    return rows


def _census_confirmed(request, upload):
    """An imported return opens its census year's page, saying whether anything changed."""
    if upload.status != upload.IMPORTED:
        return None
    message = IMPORTED if upload.changed_anything else NOTHING_CHANGED
    messages.success(request, message.format(year=upload.year))
    return redirect("workforce:census_return", year=upload.year)


CENSUS_PAGES = import_pages.ImportPages(
    importer=services.CENSUS_RETURN,
    permission="workforce.prepare_census_return",
    title="Import a past census return",
    caption="Workforce",
    form_class=CensusReturnUploadForm,
    urls={
        "upload": "workforce:census_import",
        "detail": "workforce:census_import_detail",
        "confirm": "workforce:census_import_confirm",
        "back": "workforce:dashboard",
    },
    intro=(
        "Start PSW Hub with your history: upload each year's CSWW return as it was sent to DfE (the 2021 to 2023 "
        "layout, 2024 with Sex, or 2025 with LALevel and pay). A return replaces what is held for its own year "
        "only; other years never change."
    ),
    back_text="Back to the workforce",
    submit="Check the return",
    counts=[
        ("rows", "Worker lines in the return", "Worker lines in the return"),
        ("created", "Lines to add", "Lines added"),
        ("updated", "Lines to update", "Lines updated"),
        ("deleted", "Lines to remove", "Lines removed"),
        ("unchanged", "Lines unchanged", "Lines unchanged"),
        ("staff_created", "New staff records", "New staff records"),
    ],
    command="import_csww",
    problem_head=["Worker (SWE number)", "Element", "Problem"],
    problem_caption="Problems by worker and element",
    problem_title="The return has problems and nothing was imported",
    problem_by="worker and element",
    whole_file="The return",
    confirmed=_census_confirmed,
    extra_rows=_census_year_rows,
    heading=lambda upload: f"Check the {upload.year} census return" if upload.may_confirm else upload.file_name,
)


# HR extracts -----------------------------------------------------------------------------------


def imports(request):
    require(request, "workforce.import_staff")
    context = {"batches": selectors.import_batches(), "status_tags": import_pages.STATUS_TAGS}
    return render(request, "workforce/import_list.html", context)


def import_columns(request):
    require(request, "workforce.import_staff")
    return render(request, "workforce/import_columns.html", {"template": hr_import.TEMPLATE})


def column_mappings(request):
    require(request, "workforce.import_staff")
    return render(request, "workforce/mapping_list.html", {"mappings": selectors.column_mappings()})


def column_mapping_edit(request, pk=None):
    require(request, "workforce.import_staff")
    mapping = None
    if pk is not None:
        mapping = selectors.column_mapping_get(pk=pk)
        if mapping is None:
            raise Http404(NO_SUCH_MAPPING.format(pk=pk))
    form = ColumnMappingForm(request.POST if request.method == "POST" else None, mapping=mapping)
    if request.method == "POST" and form.is_valid():
        services.column_mapping_save(mapping=mapping, changed_by=request.user, **form.cleaned_data)
        return redirect("workforce:column_mappings")
    context = {"form": form, "mapping": mapping, "template_columns": hr_import.TEMPLATE_COLUMNS}
    return render(request, "workforce/mapping_form.html", context)
