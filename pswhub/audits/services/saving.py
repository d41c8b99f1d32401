"""Every write of the audits' services (and of `tool_editing.py`) saves and deletes through these,
which record who made the change in the object's history."""


def _save(obj, user, fields=None):
    obj._history_user = user
    obj.save(update_fields=fields)
    return obj


def _delete(obj, user):
    obj._history_user = user
    obj.delete()
