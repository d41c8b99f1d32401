"""The engagement import's pages, served by core's import pages (core.imports.views)."""

from pswhub.core.imports.views import ImportPages

from . import importing
from .forms import EngagementUploadForm

ENGAGEMENT_PAGES = ImportPages(
    importer=importing.ENGAGEMENTS,
    permission="agency.change_engagements",
    title="Import agency engagements",
    caption="Agency social workers",
    form_class=EngagementUploadForm,
    urls={
        "upload": "agency:import_upload",
        "detail": "agency:import_detail",
        "confirm": "agency:import_confirm",
        "back": "agency:list",
        "template": "agency:import_template",
    },
    intro=(
        "Upload engagements from the agencies' or the council's own records: one row per engagement. An engagement "
        "already held (same agency, worker and start date) is updated, so the same file can be imported twice "
        "safely; nothing is imported from a file with any problem."
    ),
    back_text="Back to agency social workers",
    counts=[
        ("rows", "Rows", "Rows"),
        ("added", "Engagements to add", "Engagements added"),
        ("updated", "Engagements to update", "Engagements updated"),
        ("unchanged", "Unchanged", "Unchanged"),
    ],
    command="import_agency",
    upload_extra="includes/import_columns.html",
    template=importing.TEMPLATE,
    template_file="psw-hub-agency-template.csv",
)
