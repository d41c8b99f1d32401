"""The change history a user may read: every create, change and delete of the records in their
scope, with who made it, when and which fields changed. Built on django-simple-history's tables
(docs/adr/0003-change-history.md)."""

from dataclasses import dataclass
from datetime import datetime

from .models import Authority, Service, StaffMember, Team, User

CHANGE_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}


@dataclass
class Change:
    when: datetime
    who: str
    kind: str
    record_type: str
    record: str
    fields: list


def _scoped_histories(user):
    """(label, historical queryset) for each kind of record this user may see the history of."""
    scopes = []
    if user.has_perm("core.view_history"):
        staff_ids = StaffMember.objects.visible_to(user).values("pk")
        team_ids = Team.objects.visible_to(user).values("pk")
        scopes.append(("Staff member", StaffMember.history.filter(id__in=staff_ids)))
        scopes.append(("Team", Team.history.filter(id__in=team_ids)))
    if user.has_perm("core.manage_users"):
        scopes.append(("User", User.history.all()))
        scopes.append(("Authority", Authority.history.all()))
        scopes.append(("Service", Service.history.all()))
    return scopes


def _describe(record):
    name = getattr(record, "full_name", None) or getattr(record, "name", None) or getattr(record, "username", None)
    return str(name or record.id)


def _field_changes(record, previous, model):
    if previous is None or record.history_type != "~":
        return []
    delta = record.diff_against(previous, foreign_keys_are_objs=False)
    labels = {field.name: field.verbose_name for field in model._meta.get_fields() if hasattr(field, "verbose_name")}
    return [
        {"field": str(labels.get(change.field, change.field)).capitalize(), "old": change.old, "new": change.new}
        for change in delta.changes
    ]


def _previous_records(history_model, rows):
    """The record before each row, fetched in one query per kind of record."""
    if not rows:
        return {}
    ids = {row.id for row in rows}
    latest = max(row.history_date for row in rows)
    earlier = history_model.objects.filter(id__in=ids, history_date__lte=latest).order_by(
        "id", "history_date", "history_id"
    )
    previous, last_seen = {}, {}
    for row in earlier:
        previous[row.history_id] = last_seen.get(row.id)
        last_seen[row.id] = row
    return previous


def changes_visible_to(user, *, limit=100, staff_member=None):
    changes = []
    for label, histories in _scoped_histories(user):
        if staff_member is not None:
            if histories.model.instance_type is not StaffMember:
                continue
            histories = histories.filter(id=staff_member.pk)
        rows = list(histories.select_related("history_user").order_by("-history_date")[:limit])
        previous = _previous_records(histories.model, rows)
        model = histories.model.instance_type
        for row in rows:
            changes.append(
                Change(
                    when=row.history_date,
                    who=row.history_user.display_name if row.history_user else "System",
                    kind=CHANGE_TYPES[row.history_type],
                    record_type=label,
                    record=_describe(row),
                    fields=_field_changes(row, previous.get(row.history_id), model),
                )
            )
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]
