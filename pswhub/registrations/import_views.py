"""The renewal import's pages, served by core's import pages (core.imports.views)."""

from django.http import HttpResponse
from django.urls import reverse

from pswhub.core.imports.views import ImportPages
from pswhub.core.views import require

from . import importing, services
from .forms import RenewalUploadForm
from .models import RenewalImport


def _import_context(request):
    return {
        "template": importing.TEMPLATE,
        "template_href": reverse("registrations:import_template"),
        "detail_url_name": "registrations:import_detail",
        "uploads": RenewalImport.objects.defer("content").select_related("uploaded_by")[:10],
    }


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
    upload_context=_import_context,
)


def import_template_csv(request):
    require(request, "registrations.change_registrations")
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="psw-hub-renewal-template.csv"'
    return response
