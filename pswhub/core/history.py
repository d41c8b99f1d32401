"""The change history a user may read: every create, change and delete of the records in their
scope, with who made it, when and which fields changed. Built on django-simple-history's tables
(docs/adr/0003-change-history.md)."""

from dataclasses import dataclass
from datetime import datetime

from .models import Authority, RoleGrantRequest, Service, StaffMember, Team, User

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
        scopes.append(("Role request", RoleGrantRequest.history.select_related("user", "role")))
    return scopes


def _describe(record):
    name = getattr(record, "full_name", None) or getattr(record, "name", None) or getattr(record, "username", None)
    return str(name or record.history_object)


def _field_changes(record, previous, model, m2m_values):
    if previous is None or record.history_type != "~":
        return []
    m2m_names = [field.name for field in getattr(record, "_history_m2m_fields", [])]
    delta = record.diff_against(previous, foreign_keys_are_objs=False, excluded_fields=m2m_names)
    labels = {field.name: field.verbose_name for field in model._meta.get_fields() if hasattr(field, "verbose_name")}
    changes = [(change.field, change.old, change.new) for change in delta.changes]
    for name in m2m_names:
        old, new = m2m_values[name].get(previous.history_id, set()), m2m_values[name].get(record.history_id, set())
        if old != new:
            changes.append((name, ", ".join(sorted(old)), ", ".join(sorted(new))))
    return [
        {"field": str(labels.get(field, field)).capitalize(), "old": old, "new": new} for field, old, new in changes
    ]


def _m2m_values(history_model, rows, previous):
    """For each many-to-many field kept in history (a user's roles and teams), the names it held
    at each listed version and the version before: one query per field, not one per row."""
    history_ids = {row.history_id for row in rows} | {prev.history_id for prev in previous.values() if prev}
    through_models = {
        rel.related_model._meta.model_name: rel.related_model for rel in history_model._meta.related_objects
    }
    values = {}
    for field in getattr(history_model, "_history_m2m_fields", []):
        through = through_models[f"{history_model._meta.model_name}_{field.name}"]
        target = field.m2m_reverse_field_name()
        by_version = {}
        for row in through.objects.filter(history_id__in=history_ids).select_related(target):
            by_version.setdefault(row.history_id, set()).add(str(getattr(row, target)))
        values[field.name] = by_version
    return values


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
        m2m_values = _m2m_values(histories.model, rows, previous)
        model = histories.model.instance_type
        for row in rows:
            changes.append(
                Change(
                    when=row.history_date,
                    who=row.history_user.display_name if row.history_user else "System",
                    kind=CHANGE_TYPES[row.history_type],
                    record_type=label,
                    record=_describe(row),
                    fields=_field_changes(row, previous.get(row.history_id), model, m2m_values),
                )
            )
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]
