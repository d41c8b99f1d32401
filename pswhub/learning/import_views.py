"""The learning import's pages, served by core's import pages (core.imports.views)."""

from django.http import HttpResponse
from django.urls import reverse

from pswhub.core.imports.views import ImportPages
from pswhub.core.views import require

from . import importing, services
from .forms import LearningUploadForm
from .models import LearningImport


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
