"""Writes: DfE's figures (the bundled file and each later year's upload, through the one import
pipeline), the comparator councils and the region a council not in DfE's file compares with."""

from dataclasses import dataclass

from django.db import transaction

from pswhub.core.imports.pipeline import Importer, write_or_rehearse

from . import dfe
from .models import AreaFigures, BenchmarkSettings, Comparator, DfeUpload

UNKNOWN_COUNCIL = "{code} is not a council in DfE's figures"
UNKNOWN_REGION = "{code} is not a region in DfE's figures"


@dataclass
class FiguresResult:
    rows: int = 0
    added: int = 0
    replaced: int = 0
    dry_run: bool = False


def area_figures_save(*, rows, source, published_on=None, upload=None, replace=True):
    """Keeps each row's figures with its source and date: a new area-year is added; one already
    held is replaced (a later DfE release revises earlier years) unless `replace` is False.
    Returns a FiguresResult."""
    held = {(row.year, row.level, row.code): row for row in AreaFigures.objects.all()}
    result = FiguresResult(rows=len(rows))
    new, changed = [], []
    for row in rows:
        fields = {
            "name": row.name,
            "region_code": row.region_code,
            "region_name": row.region_name,
            "values": row.values,
            "source": source[:300],
            "published_on": published_on,
            "upload": upload,
        }
        existing = held.get((row.year, row.level, row.code))
        if existing is None:
            new.append(AreaFigures(year=row.year, level=row.level, code=row.code, **fields))
        elif replace:
            for name, value in fields.items():
                setattr(existing, name, value)
            changed.append(existing)
    AreaFigures.objects.bulk_create(new, batch_size=500)
    AreaFigures.objects.bulk_update(changed, list(fields) if changed else ["values"], batch_size=500)
    result.added, result.replaced = len(new), len(changed)
    return result


def bundled_figures_load():
    """Adds the bundled 2017 to 2023 figures that are not held yet (safe to run again; never
    replaces a figure a later upload revised). Returns how many rows were added."""
    with transaction.atomic():
        return area_figures_save(rows=dfe.bundled_rows(), source=dfe.BUNDLED_SOURCE, replace=False).added


# The upload of a later year's DfE file -----------------------------------------------------------


@dataclass
class CheckedFile:
    read: dfe.Read
    source: str
    published_on: object

    @property
    def is_valid(self):
        return self.read.is_valid

    @property
    def problems(self):
        return self.read.problems


def _read(*, content, file_name, source="", published_on=None):
    return CheckedFile(dfe.rows_read(content=content, file_name=file_name), source, published_on)


def _write(checked, *, changed_by=None, dry_run):
    upload = getattr(checked, "upload", None)

    def write():
        return area_figures_save(
            rows=checked.read.rows, source=checked.source, published_on=checked.published_on, upload=upload
        )

    return write_or_rehearse(write, dry_run=dry_run)


def _options(upload):
    return {"source": upload.source, "published_on": upload.published_on}


class _DfeImporter(Importer):
    def confirm(self, *, upload, confirmed_by=None, now=None):
        # The rows keep the upload they came from: `read` is given the upload's own options and
        # the written rows point back at it.
        from pswhub.core.imports.pipeline import upload_confirm

        def read(held):
            checked = self.read(content=bytes(held.content), file_name=held.file_name, **self.options(held))
            checked.upload = held
            return checked

        return upload_confirm(
            upload=upload,
            read=read,
            write=lambda checked: self.write(checked, changed_by=confirmed_by, dry_run=False),
            confirmed_by=confirmed_by,
            now=now,
        )


DFE_FIGURES = _DfeImporter(model=DfeUpload, read=_read, write=_write, options=_options)


# Choices -----------------------------------------------------------------------------------------


def comparators_set(*, codes, changed_by=None):
    """The comparator councils become exactly `codes` (DfE council codes held in the figures).
    Raises ValueError naming a code that is not a council."""
    known = set(AreaFigures.objects.filter(level=dfe.LOCAL_AUTHORITY).values_list("code", flat=True))
    for code in codes:
        if code not in known:
            raise ValueError(UNKNOWN_COUNCIL.format(code=code))
    with transaction.atomic():
        Comparator.objects.exclude(code__in=codes).delete()
        held = set(Comparator.objects.values_list("code", flat=True))
        for code in codes:
            if code not in held:
                comparator = Comparator(code=code, added_by=changed_by)
                comparator._history_user = changed_by
                comparator.save()


def region_set(*, region_code, changed_by=None):
    """The region a council not in DfE's file compares with ("" for none)."""
    if region_code and not AreaFigures.objects.filter(level=dfe.REGIONAL, code=region_code).exists():
        raise ValueError(UNKNOWN_REGION.format(code=region_code))
    settings_row = BenchmarkSettings.objects.first() or BenchmarkSettings()
    settings_row.region_code = region_code
    settings_row._history_user = changed_by
    settings_row.save()
    return settings_row
