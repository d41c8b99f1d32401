"""The change history a user may read: every create, change and delete of the records in their
scope, with who made it, when, which record (linked when they may open it) and which fields
changed. Built on django-simple-history's tables (docs/adr/0003-change-history.md).

Core lists its own records (staff, teams, and for administrators users, the council, services
and role requests). Apps add theirs in AppConfig.ready with `register(sources)`, where
`sources(user)` returns a `HistorySource` for each kind of record the user may see the history of
(audits, annual reports ...), already scoped to the records that user may see: core never reads
another app's models."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.urls import reverse

from . import roles
from .models import Authority, RoleGrantRequest, Service, StaffMember, Team, User

CHANGE_TYPES = {"+": "Created", "~": "Changed", "-": "Deleted"}
PER_PAGE = 50


@dataclass(frozen=True)
class HistorySource:
    """One kind of record in a user's change history.

    `histories`: the historical rows of the records the user may see. `describe(row)`: the
    record's name as that version of it had it ("Priya Shah", "Case audit of case C-1042").
    `openable`: the records the user may open now, and `url_name` their page (taking the pk), so a
    row links to its record while it exists and the user may open it. `staff_member_field`: the
    field naming the staff member a record is about, when it is part of a staff record's own
    history (None when it is not). `link_field`: the field of a row holding the pk of the record
    to open (an audit action opens its audit)."""

    label: str
    histories: QuerySet
    describe: Callable
    openable: QuerySet | None = None
    url_name: str = ""
    staff_member_field: str | None = None
    link_field: str = "id"


@dataclass
class Change:
    when: datetime
    who: str
    kind: str
    record_type: str
    record: str
    fields: list
    href: str | None = None


_sources = []


def register(sources):
    """Adds `sources(user)`, returning the HistorySources that user may read, to every change
    history."""
    if sources not in _sources:
        _sources.append(sources)


def _name_of(row):
    return row.name


def _full_name_of(row):
    return f"{row.first_name} {row.last_name}".strip()


def _staff_histories(user, staff):
    """Those who see every staff record see every change to one, a deleted record's included;
    anyone else the changes to the records they may open now."""
    if user.role_codes & roles.ORGANISATION_WIDE_STAFF_ROLES:
        return StaffMember.history.all()
    return StaffMember.history.filter(id__in=staff.values("pk"))


def _core_sources(user):
    """(HistorySource) for each kind of core record this user may see the history of."""
    sources = []
    if user.has_perm("core.view_history"):
        staff = StaffMember.objects.visible_to(user)
        teams = Team.objects.visible_to(user)
        sources.append(
            HistorySource(
                "Staff record",
                _staff_histories(user, staff),
                _full_name_of,
                openable=staff,
                url_name="core:staff_detail",
                staff_member_field="id",
            )
        )
        sources.append(
            HistorySource(
                "Team",
                Team.history.filter(id__in=teams.values("pk")),
                _name_of,
                openable=teams,
                url_name="core:team_detail",
            )
        )
    if user.has_perm("core.manage_users"):
        sources.append(HistorySource("User", User.history.all(), lambda row: row.username))
        sources.append(HistorySource("Authority", Authority.history.all(), _name_of))
        sources.append(HistorySource("Service", Service.history.all(), _name_of))
        sources.append(
            HistorySource(
                "Role request",
                RoleGrantRequest.history.select_related("user", "role"),
                lambda row: f"{row.role.name} for {row.user.username}",
            )
        )
    return sources


register(_core_sources)


def sources_for(user, *, staff_member=None):
    sources = [source for function in _sources for source in function(user)]
    if staff_member is None:
        return sources
    return [
        HistorySource(
            source.label,
            source.histories.filter(**{source.staff_member_field: staff_member.pk}),
            source.describe,
            source.openable,
            source.url_name,
            source.staff_member_field,
            source.link_field,
        )
        for source in sources
        if source.staff_member_field
    ]


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
        {"name": field, "field": str(labels.get(field, field)).capitalize(), "old": old, "new": new}
        for field, old, new in changes
    ]


def _name_related(model, field_changes):
    """A change to a link to another record (an audit's grade, who decided a request) reads as that
    record's name, not its number: one query per kind of linked record. A record since deleted
    keeps its number."""
    links = {
        field.name: field.related_model
        for field in model._meta.get_fields()
        if getattr(field, "many_to_one", False) and field.concrete
    }
    wanted = {}
    for changes in field_changes:
        for change in changes:
            if change["name"] in links:
                wanted.setdefault(change["name"], set()).update(
                    value for value in (change["old"], change["new"]) if value is not None
                )
    names = {}
    for name, ids in wanted.items():
        related = links[name]._default_manager.filter(pk__in=ids)
        names[name] = {record.pk: str(record) for record in related}
    for changes in field_changes:
        for change in changes:
            known = names.get(change["name"], {})
            change["old"] = known.get(change["old"], change["old"])
            change["new"] = known.get(change["new"], change["new"])
    return field_changes


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


def _changes_of(source, history_ids):
    """The Changes of one source's rows with these history ids."""
    rows = list(source.histories.filter(history_id__in=history_ids).select_related("history_user"))
    previous = _previous_records(source.histories.model, rows)
    m2m_values = _m2m_values(source.histories.model, rows, previous)
    model = source.histories.model.instance_type
    opens = {row.history_id: getattr(row, source.link_field) for row in rows}
    openable = set()
    if source.openable is not None:
        openable = set(source.openable.filter(pk__in=set(opens.values())).values_list("pk", flat=True))
    field_changes = _name_related(
        model, [_field_changes(row, previous.get(row.history_id), model, m2m_values) for row in rows]
    )
    return [
        Change(
            when=row.history_date,
            who=row.history_user.display_name if row.history_user else "System",
            kind=CHANGE_TYPES[row.history_type],
            record_type=source.label,
            record=source.describe(row),
            fields=fields,
            href=reverse(source.url_name, kwargs={"pk": opens[row.history_id]})
            if opens[row.history_id] in openable
            else None,
        )
        for row, fields in zip(rows, field_changes, strict=True)
    ]


class ChangeList:
    """A user's changes, newest first, across every kind of record they may see: a sequence that
    Django's Paginator can page through. A slice reads only the rows it needs: the newest
    `stop` of each kind, merged, then the full rows of the ones in the slice."""

    def __init__(self, user, *, staff_member=None):
        self.sources = sources_for(user, staff_member=staff_member)

    def count(self):
        return sum(source.histories.count() for source in self.sources)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        keys = []
        for number, source in enumerate(self.sources):
            newest = source.histories.order_by("-history_date", "-history_id").values_list(
                "history_date", "history_id"
            )[:stop]
            keys += [(when, number, history_id) for when, history_id in newest]
        keys.sort(reverse=True)
        wanted = keys[start:stop]
        changes = []
        for number, source in enumerate(self.sources):
            ids = [history_id for _when, source_number, history_id in wanted if source_number == number]
            if ids:
                changes += _changes_of(source, ids)
        changes.sort(key=lambda change: change.when, reverse=True)
        return changes


def changes_visible_to(user, *, limit=100, staff_member=None):
    """The newest `limit` changes the user may see (of one staff member's record, when given)."""
    return ChangeList(user, staff_member=staff_member)[:limit]
