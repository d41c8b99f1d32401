"""The learning import's pages, served by core's import pages (core.imports.views)."""

from django.http import HttpResponse
from django.urls import reverse

from pswhub.core.imports.views import ImportPages
from pswhub.core.views import require

from . import importing, services, supervision_importing
from .forms import LearningUploadForm, SupervisionUploadForm
from .models import LearningImport, SupervisionImport


def _import_context(request):
    return {
        "template": importing.TEMPLATE,
        "template_href": reverse("learning:import_template"),
        "detail_url_name": "learning:import_detail",
        "uploads": LearningImport.objects.defer("content").select_related("uploaded_by")[:10],
    }


LEARNING_PAGES = ImportPages(
    importer=services.LEARNING_EVENTS,
    permission="learning.import_learning",
    title="Import learning events",
    caption="Learning and development",
    form_class=LearningUploadForm,
    urls={
        "upload": "learning:import_upload",
        "detail": "learning:import_detail",
        "confirm": "learning:import_confirm",
        "back": "learning:import_upload",
    },
    intro=(
        "Upload past learning events: one row per event, with its title, kind, date, service, topics (separated "
        "by ;) and the numbers booked and attended. An event is found by its title, kind and date, so the same "
        "file can be imported twice safely; nothing is imported from a file with any problem."
    ),
    back_text="Back to import learning events",
    counts=[
        ("rows", "Rows", "Rows"),
        ("added", "Events to add", "Events added"),
        ("updated", "Events to update", "Events updated"),
        ("unchanged", "Unchanged", "Unchanged"),
    ],
    command="import_learning",
    upload_extra="includes/import_columns.html",
    upload_context=_import_context,
)


def import_template_csv(request):
    require(request, "learning.import_learning")
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="psw-hub-learning-template.csv"'
    return response


def _supervision_import_context(request):
    return {
        "template": supervision_importing.TEMPLATE,
        "template_href": reverse("learning:supervision_import_template"),
        "detail_url_name": "learning:supervision_import_detail",
        "uploads": SupervisionImport.objects.defer("content").select_related("uploaded_by")[:10],
    }


SUPERVISION_PAGES = ImportPages(
    importer=services.SUPERVISION_SESSIONS,
    permission="learning.import_supervision",
    title="Import supervision sessions",
    caption="Supervision",
    form_class=SupervisionUploadForm,
    urls={
        "upload": "learning:supervision_import_upload",
        "detail": "learning:supervision_import_detail",
        "confirm": "learning:supervision_import_confirm",
        "back": "learning:supervision",
    },
    intro=(
        "Upload supervision sessions exported from the case management or HR system: one row per session, with "
        "the worker's employee number, the date, individual or group, the length in minutes and, if known, the "
        "supervisor's employee number. A session is found by its worker, date and kind, so the same file can be "
        "imported twice safely; nothing is imported from a file with any problem."
    ),
    back_text="Back to supervision",
    counts=[
        ("rows", "Rows", "Rows"),
        ("added", "Sessions to add", "Sessions added"),
        ("updated", "Sessions to update", "Sessions updated"),
        ("unchanged", "Unchanged", "Unchanged"),
    ],
    command="import_supervision",
    upload_extra="includes/import_columns.html",
    upload_context=_supervision_import_context,
)


def supervision_template_csv(request):
    require(request, "learning.import_supervision")
    response = HttpResponse(supervision_importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="psw-hub-supervision-template.csv"'
    return response
