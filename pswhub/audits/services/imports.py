"""Saving checked imports: historic audits and the case list from the case management system;
and both imports as core.imports importers (`AUDITS`, kept as AuditImportUpload, and
`CASE_LIST`, kept as CaseListUpload), through which the pages and the command import, so they
agree."""

from django.db import transaction

from pswhub.core.imports import Importer

from ..day_counts import audit_days_refresh
from ..importing import UNKNOWN_TEAM_ON_PAGE, audits_import_plan, cases_import_plan
from ..models import Audit, AuditImportUpload, CaseListUpload
from .saving import _save


@transaction.atomic
def audits_import_save(*, plan, file_name, imported_by=None):
    """Writes a checked import plan (importing.audits_import_plan): the teams it adds, the audits
    with a history row each, and their learning themes, all in one transaction."""
    from simple_history.utils import bulk_create_with_history

    from pswhub.core.models import Team

    from ..models import AuditImportBatch

    if plan.errors:
        raise ValueError("An import with errors cannot be saved")
    created_teams = {}
    for key, (name, service) in plan.new_teams.items():
        created_teams[key] = _save(Team(service=service, name=name), imported_by)
    batch = _save(
        AuditImportBatch(file_name=file_name[:300], imported_by=imported_by, audit_count=len(plan.audits)), imported_by
    )
    audits = []
    for audit, _, new_team in plan.audits:
        if new_team is not None:
            audit.team = created_teams[new_team]
        audit.import_batch = batch
        audits.append(audit)
    created = bulk_create_with_history(audits, Audit, default_user=imported_by, batch_size=1000)
    if any(audit.pk is None for audit in created):
        # Databases that do not return keys from bulk inserts: read them back by the batch.
        created = list(batch.audits.order_by("pk"))
    through = Audit.themes.through
    through.objects.bulk_create(
        [
            through(audit_id=audit.pk, learningtheme_id=theme_id)
            for audit, (_, theme_ids, _) in zip(created, plan.audits, strict=True)
            for theme_id in theme_ids
        ],
        batch_size=1000,
    )
    audit_days_refresh(days={audit.completed_on for audit in created if audit.status == Audit.Status.COMPLETED})
    return batch


@transaction.atomic
def cases_import_save(*, plan, imported_by=None):
    """Writes a checked case list (importing.cases_import_plan): new cases and changed ones, each
    with a history row. Returns (added, updated)."""
    if plan.errors:
        raise ValueError("An import with errors cannot be saved")
    for case in [*plan.new, *plan.changed]:
        _save(case, imported_by)
    return len(plan.new), len(plan.changed)


def _audits_read(*, content, file_name, create_teams=False, unknown_team=UNKNOWN_TEAM_ON_PAGE):
    return audits_import_plan(content, file_name=file_name, create_teams=create_teams, unknown_team=unknown_team)


def _audits_write(plan, *, changed_by=None, dry_run=False):
    """A dry run is the plan itself; an import writes it and keeps the batch it became."""
    if not dry_run:
        plan.batch = audits_import_save(plan=plan, file_name=plan.file_name, imported_by=changed_by)
    return plan


AUDITS = Importer(
    model=AuditImportUpload,
    read=_audits_read,
    write=_audits_write,
    options=lambda upload: {"create_teams": upload.create_teams},
)


def _cases_read(*, content, file_name):
    return cases_import_plan(content, file_name=file_name)


def _cases_write(plan, *, changed_by=None, dry_run=False):
    if not dry_run:
        cases_import_save(plan=plan, imported_by=changed_by)
    return plan


CASE_LIST = Importer(model=CaseListUpload, read=_cases_read, write=_cases_write)
