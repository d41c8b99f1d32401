"""Column mappings: a council's own HR extract headers mapped to the PSW Hub template's."""

from ..models import ColumnMapping


def column_mapping_save(*, mapping=None, name, columns, changed_by=None):
    """Creates a column mapping, or changes `mapping`; returns it. Batches keep the columns they
    were read with, so changing a mapping never changes what a past batch records."""
    mapping = mapping or ColumnMapping()
    mapping.name, mapping.columns = name, columns
    mapping._history_user = changed_by
    mapping.save()
    return mapping
