"""Writing many new rows, each with its "created" change-history row, in one go
(docs/architecture.md, "Writing many rows").

`records_create_with_history` does what django-simple-history's `bulk_create_with_history` does:
the rows, then one history row each of type "+" naming who made them. On PostgreSQL it streams
both with COPY, taking the new rows' ids from the table's sequence first, which writes tens of
thousands of rows several times faster than INSERT: a census year of 45,000 lines is written in a
few seconds (docs/performance.md). On other databases it is `bulk_create_with_history` itself.
Either way it writes inside the caller's transaction."""

import json

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

# Fields whose Python value PostgreSQL takes as it is (psycopg converts dates, decimals, booleans).
PLAIN_FIELDS = (
    models.AutoField,
    models.BigAutoField,
    models.BigIntegerField,
    models.BooleanField,
    models.CharField,
    models.DateField,
    models.DecimalField,
    models.ForeignKey,
    models.IntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.SmallIntegerField,
    models.TextField,
)


def records_create_with_history(*, model, rows, changed_by=None, batch_size=2000):
    """Inserts a new row of `model` for each dict in `rows` (field attnames to values, the model's
    defaults for the rest) and a "created" history row for each, all or nothing with the caller's
    transaction; returns the new rows' primary keys in order."""
    rows = list(rows)
    if not rows:
        return []
    fields = model._meta.concrete_fields
    pk = model._meta.pk
    attnames = {field.attname for field in fields if field is not pk}
    for row in rows:
        if unknown := row.keys() - attnames:
            raise ValueError(f"{model.__name__} has no field {', '.join(sorted(unknown))}")
    if connection.vendor != "postgresql":
        objs = bulk_create_with_history(
            [model(**row) for row in rows], model, default_user=changed_by, batch_size=batch_size
        )
        return [obj.pk for obj in objs]
    defaults = {field.attname: _default(field) for field in fields if field is not pk}
    ids = _ids_take(model, len(rows))
    full = [defaults | row | {pk.attname: id_} for row, id_ in zip(rows, ids, strict=True)]
    _copy(model, fields, ([row[field.attname] for field in fields] for row in full))
    if getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        _history_copy(model, full, changed_by)
    return ids


def _default(field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()


def _ids_take(model, count):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [value for (value,) in cursor.fetchall()]


def _history_copy(model, rows, changed_by):
    history = model.history.model
    tracked = {field.attname for field in history.tracked_fields}
    now = timezone.now()
    fixed = {
        "history_date": now,
        "history_change_reason": None,
        "history_type": "+",
        "history_user_id": changed_by.pk if changed_by is not None else None,
    }
    fields = [field for field in history._meta.concrete_fields if field is not history._meta.pk]
    for field in fields:
        if field.attname not in tracked and field.attname not in fixed:
            raise ValueError(f"{history.__name__}.{field.attname} has no value to write")
    values = (
        [row[field.attname] if field.attname in tracked else fixed[field.attname] for field in fields] for row in rows
    )
    _copy(history, fields, values)


def _copy(model, fields, rows):
    converters = [_converter(field) for field in fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(
                [convert(value) if convert else value for convert, value in zip(converters, row, strict=True)]
            )


def _converter(field):
    """None for a field whose value goes as it is, else the function turning it into what
    PostgreSQL reads."""
    if isinstance(field, models.JSONField):
        encoder = field.encoder
        return lambda value: None if value is None else json.dumps(value, cls=encoder)
    if isinstance(field, models.DateTimeField):
        return lambda value: field.get_db_prep_save(value, connection)
    if isinstance(field, PLAIN_FIELDS):
        return None
    return lambda value: field.get_db_prep_save(value, connection)
