"""What the database can hold, checked before anything is sent to it while an import writes (or
rehearses its write): a value that passed an import's own checks but would fail in PostgreSQL
(a year beyond a small integer, a salary beyond its column's digits, a count beyond an integer,
text longer than its column or holding a NUL character) is refused with a message naming the
value and the limit, and the import writes nothing. Done once here, from the model fields' own
limits, so every import has it whatever its checks forget.

`values_guarded()` turns the check on for the code it wraps; every value a model field prepares
for the database (Field.get_db_prep_save, which inserts, updates and bulk writes all go through)
is checked against that field while it is on. The ranges are PostgreSQL's, whichever database
runs, so that a trial on SQLite refuses what production would."""

import contextlib
import contextvars
import json
from decimal import Decimal

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges

NUL_CHARACTER = "The value holds a NUL character (code 0), which cannot be stored"
TOO_LONG = "The value is {length:,} characters long; {field} holds at most {limit:,}"
OUT_OF_RANGE = "{value} is outside what {field} holds: {low:,} to {high:,}"
TOO_MANY_DIGITS = "{value} is too large for {field}, which holds numbers below {limit:,}"

_guarded = contextvars.ContextVar("pswhub_import_values_guarded", default=False)
_installed = False


class ValueCannotBeStored(Exception):
    """A value the database cannot hold: `field` (a model field), `value` and why (`message`)."""

    def __init__(self, field, value, message):
        super().__init__(message)
        self.field, self.value, self.message = field, value, message

    @property
    def label(self):
        return str(self.field.verbose_name)


def value_problem(field, value):
    """Why `field` cannot hold `value` in PostgreSQL, or None when it can."""
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return NUL_CHARACTER if "\\u0000" in json.dumps(value, default=str) else None
    if isinstance(value, str):
        if "\x00" in value:
            return NUL_CHARACTER
        limit = field.max_length if isinstance(field, models.CharField) else None
        if limit and len(value) > limit:
            return TOO_LONG.format(length=len(value), field=field.verbose_name, limit=limit)
        return None
    if isinstance(field, models.DecimalField) and isinstance(value, Decimal | int | float):
        return _decimal_problem(field, Decimal(value))
    internal = field.get_internal_type()
    if internal in INTEGER_RANGES and isinstance(value, int) and not isinstance(value, bool):
        low, high = INTEGER_RANGES[internal]
        if not low <= value <= high:
            return OUT_OF_RANGE.format(value=value, field=field.verbose_name, low=low, high=high)
    return None


def _decimal_problem(field, value):
    if not value.is_finite() or field.max_digits is None:
        return None
    whole_digits = field.max_digits - (field.decimal_places or 0)
    if abs(value) >= Decimal(10) ** whole_digits:
        return TOO_MANY_DIGITS.format(value=value, field=field.verbose_name, limit=10**whole_digits)
    return None


def _checked(prepare):
    def get_db_prep_save(self, value, connection):
        if _guarded.get() and not hasattr(value, "resolve_expression"):
            message = value_problem(self, value)
            if message:
                raise ValueCannotBeStored(self, value, message)
        return prepare(self, value, connection)

    get_db_prep_save.__wrapped__ = prepare
    return get_db_prep_save


def _install():
    """Wraps get_db_prep_save of Field and of the fields that define their own (JSONField), once;
    the wrapper does nothing unless values_guarded() is on."""
    global _installed
    if _installed:
        return
    for field_class in (models.Field, models.DecimalField, models.JSONField):
        if "get_db_prep_save" in field_class.__dict__:
            field_class.get_db_prep_save = _checked(field_class.__dict__["get_db_prep_save"])
    _installed = True


@contextlib.contextmanager
def values_guarded():
    """Checks every value written inside against what its database column holds; raises
    ValueCannotBeStored for the first that it cannot."""
    _install()
    token = _guarded.set(True)
    try:
        yield
    finally:
        _guarded.reset(token)


def where_found(checked, value):
    """The row of what an import read (`checked`) that holds `value`, for the message: the first
    row, in a list the import read into, whose values include it. Returns the row number (or the
    worker, for a census return) and the name it is held under, or (None, "")."""
    for rows in _row_lists(checked):
        for row in rows:
            values = row if isinstance(row, dict) else getattr(row, "__dict__", {})
            for name, held in values.items():
                if _same(held, value):
                    return _row_label(values), name
    return None, ""


def _row_lists(checked):
    for held in getattr(checked, "__dict__", {}).values():
        if isinstance(held, list) and held and isinstance(held[0], dict | object):
            yield held


def _same(held, value):
    if isinstance(held, bool) or isinstance(value, bool):
        return False
    if isinstance(value, str) and isinstance(held, str):
        return held == value or ("\x00" in value and "\x00" in held)
    try:
        return held == value and type(held) is type(value)
    except (TypeError, ValueError):
        return False


def _row_label(values):
    for key in ("row", "number", "line"):
        if isinstance(values.get(key), int):
            return values[key]
    if values.get("swe_number"):
        return values["swe_number"]
    return None
