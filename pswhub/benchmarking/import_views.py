"""The uploads' pages (DfE's later files and regional network packs), served by core's import
pages (core.imports.views)."""

from pswhub.core.imports.views import ImportPages
from pswhub.core.presenters import govuk_date

from . import packs, services
from .forms import DfeUploadForm, PackUploadForm


def _dfe_fields(cleaned_data):
    return {"source": cleaned_data["source"], "published_on": cleaned_data["published_on"]}


DFE_PAGES = ImportPages(
    importer=services.DFE_FIGURES,
    permission="benchmarking.import_dfe",
    title="Add DfE's figures for a later year",
    caption="Benchmarking",
    form_class=DfeUploadForm,
    urls={
        "upload": "benchmarking:dfe_upload",
        "detail": "benchmarking:dfe_detail",
        "confirm": "benchmarking:dfe_confirm",
        "back": "benchmarking:home",
    },
    intro=(
        "Upload DfE's Children's Social Work Workforce indicators file (CSV) as DfE publishes it on Explore "
        "Education Statistics: one row per year for England, each region and each council. Name the release it "
        "came from and the date DfE published it; each figure keeps them. A year already held is replaced by the "
        "file's figures, since DfE revises earlier years."
    ),
    back_text="Back to benchmarking",
    counts=[
        ("rows", "Rows", "Rows"),
        ("added", "Areas and years to add", "Areas and years added"),
        ("replaced", "Areas and years to replace", "Areas and years replaced"),
    ],
    fields=_dfe_fields,
    extra_rows=lambda upload: [("Source", upload.source), ("Published by DfE", govuk_date(upload.published_on))],
    upload_extra="includes/import_uploads.html",
)


PACK_PAGES = ImportPages(
    importer=packs.PACKS,
    permission="benchmarking.exchange_packs",
    title="Import a regional network pack",
    caption="Regional network packs",
    form_class=PackUploadForm,
    urls={
        "upload": "benchmarking:pack_upload",
        "detail": "benchmarking:pack_detail",
        "confirm": "benchmarking:pack_confirm",
        "back": "benchmarking:packs",
    },
    intro=(
        "Upload a pack another council in the region exported from PSW Hub (JSON or CSV). Its figures are shown "
        "beside the other councils' packs, each labelled with its council and the date it was made."
    ),
    back_text="Back to regional network packs",
    counts=[("rows", "Packs", "Packs"), ("figures", "Figures to add", "Figures added")],
    upload_extra="includes/import_uploads.html",
    confirmed=lambda request, upload: None,
)
