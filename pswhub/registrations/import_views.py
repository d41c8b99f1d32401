"""The renewal import's pages, served by core's import pages (core.imports.views)."""

from pswhub.core.imports.views import ImportPages

from . import importing, services
from .forms import RenewalUploadForm

RENEWAL_PAGES = ImportPages(
    importer=services.RENEWALS,
    permission="registrations.change_registrations",
    title="Import renewals",
    caption="Social Work England registration",
    form_class=RenewalUploadForm,
    urls={
        "upload": "registrations:import_upload",
        "detail": "registrations:import_detail",
        "confirm": "registrations:import_confirm",
        "back": "registrations:import_upload",
        "template": "registrations:import_template",
    },
    intro=(
        "Upload renewals from HR or your own records: one row per worker and renewal year, with the date renewed "
        "(if it has been), the CPD entries and whether one is a peer reflection. Each worker must already have "
        "their Social Work England number in PSW Hub. The same file can be imported twice safely; nothing is "
        "imported from a file with any problem."
    ),
    back_text="Back to import renewals",
    counts=[
        ("rows", "Rows", "Rows"),
        ("added", "Renewals to add", "Renewals added"),
        ("updated", "Renewals to update", "Renewals updated"),
        ("unchanged", "Unchanged", "Unchanged"),
    ],
    command="import_registrations",
    upload_extra="includes/import_columns.html",
    template=importing.TEMPLATE,
    template_file="psw-hub-renewal-template.csv",
)
