"""Every write in the audits' services saves through `_save`, which records who made the change in
the object's history."""


def _save(obj, user):
    obj._history_user = user
    obj.save()
    return obj
