"""The learning import's pages, served by core's import pages (core.imports.views)."""

from pswhub.core.imports.views import ImportPages

from . import importing, services, supervision_importing
from .forms import LearningUploadForm, SupervisionUploadForm

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
        "template": "learning:import_template",
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
    template=importing.TEMPLATE,
    template_file="psw-hub-learning-template.csv",
)


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
        "template": "learning:supervision_import_template",
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
    template=supervision_importing.TEMPLATE,
    template_file="psw-hub-supervision-template.csv",
)
