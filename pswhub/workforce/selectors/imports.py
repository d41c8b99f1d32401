"""Reads of HR extract uploads (import batches) and councils' column mappings."""

from ..models import ColumnMapping, ImportBatch


def import_batches():
    """HR extract uploads, newest first, without their files."""
    return ImportBatch.objects.defer("content").select_related("uploaded_by")


def column_mappings():
    return ColumnMapping.objects.all()


def column_mapping_get(*, pk):
    return ColumnMapping.objects.filter(pk=pk).first()
