"""The engagement import's pages, served by core's import pages (core.imports.views)."""

from django.http import HttpResponse
from django.urls import reverse

from pswhub.core.imports.views import ImportPages
from pswhub.core.views import require

from . import importing
from .forms import EngagementUploadForm
from .models import EngagementUpload


def _import_context(request):
    return {
        "template": importing.TEMPLATE,
        "template_href": reverse("agency:import_template"),
        "detail_url_name": "agency:import_detail",
        "uploads": EngagementUpload.objects.defer("content").select_related("uploaded_by")[:10],
    }


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
    upload_context=_import_context,
)


def import_template_csv(request):
    require(request, "agency.change_engagements")
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="psw-hub-agency-template.csv"'
    return response
