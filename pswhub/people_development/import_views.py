"""Past spreadsheets imported through the browser (PSW and HR officers), on the shared import
pages (core.imports.views): upload a file, see its problems by row and column or what it would
change, then confirm. The reading and writing are the ones the import commands use."""

from django import forms

from pswhub.core.imports.views import ImportPages, page_views, template_view

from . import import_services, importing

CHOOSE_FILE = "Choose a CSV or XLSX file"
COUNTS = [
    ("rows", "Rows", "Rows"),
    ("added", "To add", "Added"),
    ("updated", "To update", "Updated"),
    ("unchanged", "Unchanged", "Unchanged"),
]
INTRO = (
    "Upload a past spreadsheet, saved as CSV or XLSX, with a header row naming the columns listed below. The "
    "whole file is checked first; nothing is written until you have seen what it would change and confirmed "
    "it, and importing the same file again changes nothing."
)


class ImportFileForm(forms.Form):
    file = forms.FileField(label="File (CSV or XLSX)", error_messages={"required": CHOOSE_FILE})


def _pages(importer, *, kind, title, command, columns, back):
    return ImportPages(
        importer=importer,
        permission="people_development.import_records",
        title=title,
        caption="People development",
        form_class=ImportFileForm,
        urls={
            "upload": f"people_development:import_{kind}",
            "detail": f"people_development:import_{kind}_detail",
            "confirm": f"people_development:import_{kind}_confirm",
            "back": back,
            "template": f"people_development:import_{kind}_template",
        },
        counts=COUNTS,
        intro=INTRO,
        command=command,
        upload_extra="includes/import_columns.html",
        template=tuple((column, required, holds, example) for column, required, _parse, holds, example in columns),
        template_file=f"psw-hub-{kind.replace('_', '-')}-template.csv",
    )


PLACEMENT_PAGES = _pages(
    import_services.PLACEMENTS,
    kind="placements",
    title="Import placements",
    command="import_placements",
    columns=importing.PLACEMENT_COLUMNS,
    back="people_development:placement_list",
)
EARLY_CAREER_PAGES = _pages(
    import_services.EARLY_CAREERS,
    kind="early_careers",
    title="Import early career records",
    command="import_early_careers",
    columns=importing.EARLY_CAREER_COLUMNS,
    back="people_development:record_list",
)
PROGRESSION_PAGES = _pages(
    import_services.PROGRESSION,
    kind="progression",
    title="Import progression applications",
    command="import_progression",
    columns=importing.PROGRESSION_COLUMNS,
    back="people_development:panel_list",
)

placements_upload, placements_detail, placements_confirm = page_views(PLACEMENT_PAGES)
early_careers_upload, early_careers_detail, early_careers_confirm = page_views(EARLY_CAREER_PAGES)
progression_upload, progression_detail, progression_confirm = page_views(PROGRESSION_PAGES)
placements_template, early_careers_template, progression_template = (
    template_view(pages) for pages in (PLACEMENT_PAGES, EARLY_CAREER_PAGES, PROGRESSION_PAGES)
)
