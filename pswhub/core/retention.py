"""The retention schedule: how long PSW Hub keeps each kind of record, and the purge that removes
what has passed its time (`manage.py purge_expired`, run daily by cron).

Each rule names what it removes, how many days it is kept by default and a function that removes
(or, on a dry run, only counts) what is older than a cut-off. A council sets its own periods with
`PSWHUB_RETENTION_<KEY>_DAYS` (for example `PSWHUB_RETENTION_RECORD_VIEWS_DAYS=2555`); the
settings module reads them into `PSWHUB_RETENTION`. Apps add their own rules through `register`
in their AppConfig.ready, as they do for demo data. See docs/adr/0009-retention-schedule.md."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from simple_history.models import HistoricalChanges

SIX_YEARS = 6 * 365 + 2


@dataclass(frozen=True)
class Rule:
    key: str
    what: str
    default_days: int
    # purge(before=datetime, dry_run=bool) -> how many records were (or would be) removed
    purge: Callable[..., int]

    @property
    def days(self):
        return int(getattr(settings, "PSWHUB_RETENTION", {}).get(self.key, self.default_days))


_RULES: dict[str, Rule] = {}


def register(rule):
    _RULES[rule.key] = rule
    return rule


def schedule():
    """Every rule, in a stable order, with the period the council has set."""
    return [_RULES[key] for key in sorted(_RULES)]


def purge_expired(*, dry_run=False, now=None):
    """Applies every rule in one transaction: either the whole schedule is applied or nothing is.
    Returns one line per rule: its key, what it keeps, the cut-off and how many records went."""
    now = now or timezone.now()
    results = []
    with transaction.atomic():
        for rule in schedule():
            before = now - timedelta(days=rule.days)
            removed = rule.purge(before=before, dry_run=dry_run)
            results.append({"rule": rule, "before": before, "removed": removed})
            if not dry_run and removed:
                from .models import RetentionPurge

                RetentionPurge.objects.create(rule=rule.key, before=before, removed=removed)
    return results


def _remove(queryset, *, dry_run):
    count = queryset.count()
    if count and not dry_run:
        queryset.delete()
    return count


def _purge_record_views(*, before, dry_run):
    from .models import PersonalRecordView

    expired = PersonalRecordView.objects.filter(viewed_at__lt=before)
    count = expired.count()
    if count and not dry_run:
        PersonalRecordView.objects.purge_before(before)
    return count


def _purge_change_history(*, before, dry_run):
    removed = 0
    for model in apps.get_models():
        # Historical records of many-to-many changes hang off their parent's record and go with it.
        if issubclass(model, HistoricalChanges) and any(f.name == "history_date" for f in model._meta.fields):
            removed += _remove(model.objects.filter(history_date__lt=before), dry_run=dry_run)
    return removed


def _purge_sessions(*, before, dry_run):
    return _remove(Session.objects.filter(expire_date__lt=before), dry_run=dry_run)


register(Rule("record_views", "Log of who viewed which personal record", SIX_YEARS, _purge_record_views))
register(Rule("change_history", "Earlier versions of every record (change history)", SIX_YEARS, _purge_change_history))
register(Rule("sessions", "Expired sign-in sessions", 0, _purge_sessions))


def _purge_expired_previews(*, before, dry_run):
    from .imports.pipeline import PREVIEW_HOURS, expired_previews_purge

    return expired_previews_purge(before=before - timedelta(hours=PREVIEW_HOURS), dry_run=dry_run)


register(
    Rule(
        "import_previews",
        "Files of uploads previewed but never confirmed, once the preview has expired (the upload is marked refused)",
        0,
        _purge_expired_previews,
    )
)
