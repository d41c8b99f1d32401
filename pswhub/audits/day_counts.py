"""The dashboard's day counts (`FinalGradeDay`, `SectionGradeDay`, `ThemeDay`): final grades by
audit type, section grades and learning themes of completed audits, summed by the day the audit
was completed. At national scale a year has 160,000 audits and over half a million section
grades, and the grades and themes are counted over every year for the trends; reading these
counts instead keeps the dashboard within its budget
(docs/adr/0204-audit-dashboard-at-national-scale.md).

A day's counts are always made again from the audits of that day, never adjusted by one: every
write that changes what a completed audit counts (completing, moderating, importing, deleting)
calls `audit_days_refresh` with the days it touched, inside its own transaction (`audit_submit`,
`audit_moderate`, `audits_import_save`, `audit_delete`). No signal keeps them: a write past those
services runs `manage.py rebuild_audit_counts`."""

from django.db import connection, transaction
from django.db.models import Count, F
from django.db.models.functions import Coalesce

from .models import Audit, FinalGradeDay, SectionGradeDay, SectionResult, ThemeDay

BATCH = 5000


def _final_grade_counts(audits):
    return (
        Audit.objects.filter(pk__in=audits)
        .annotate(final_grade_id=Coalesce(F("moderation__moderated_grade_id"), F("overall_grade_id")))
        .values_list("completed_on", "audit_type", "final_grade_id")
        .annotate(n=Count("*"))
        .order_by()
    )


def _section_grade_counts(audits):
    return (
        SectionResult.objects.filter(audit__in=audits, grade__isnull=False)
        .values_list("audit__completed_on", "section_id", "grade_id")
        .annotate(n=Count("*"))
        .order_by()
    )


def _theme_counts(audits):
    return (
        Audit.themes.through.objects.filter(audit__in=audits)
        .values_list("audit__completed_on", "learningtheme_id")
        .annotate(n=Count("*"))
        .order_by()
    )


def _write(audits):
    FinalGradeDay.objects.bulk_create(
        (
            FinalGradeDay(completed_on=day, audit_type=audit_type, grade_id=grade_id, count=n)
            for day, audit_type, grade_id, n in _final_grade_counts(audits).iterator(chunk_size=BATCH)
        ),
        batch_size=BATCH,
    )
    SectionGradeDay.objects.bulk_create(
        (
            SectionGradeDay(completed_on=day, section_id=section_id, grade_id=grade_id, count=n)
            for day, section_id, grade_id, n in _section_grade_counts(audits).iterator(chunk_size=BATCH)
        ),
        batch_size=BATCH,
    )
    ThemeDay.objects.bulk_create(
        (
            ThemeDay(completed_on=day, theme_id=theme_id, count=n)
            for day, theme_id, n in _theme_counts(audits).iterator(chunk_size=BATCH)
        ),
        batch_size=BATCH,
    )


@transaction.atomic
def audit_days_refresh(*, days):
    """Makes the counts of the given completion days again from the completed audits of those days."""
    days = {day for day in days if day is not None}
    if not days:
        return days
    FinalGradeDay.objects.filter(completed_on__in=days).delete()
    SectionGradeDay.objects.filter(completed_on__in=days).delete()
    ThemeDay.objects.filter(completed_on__in=days).delete()
    _write(Audit.objects.filter(status=Audit.Status.COMPLETED, completed_on__in=days).values("pk"))
    return days


# Every day at once, in the database (the England benchmark's 4.8 million section grades would
# take minutes through Python). The same statements fill the counts in migration 0006.
REBUILD_SQL = [
    "DELETE FROM audits_finalgradeday",
    "DELETE FROM audits_sectiongradeday",
    "DELETE FROM audits_themeday",
    "INSERT INTO audits_finalgradeday (completed_on, audit_type, grade_id, count)"
    " SELECT a.completed_on, a.audit_type, COALESCE(m.moderated_grade_id, a.overall_grade_id), COUNT(*)"
    " FROM audits_audit a LEFT JOIN audits_moderation m ON m.audit_id = a.id"
    " WHERE a.status = 'completed' GROUP BY 1, 2, 3",
    "INSERT INTO audits_sectiongradeday (completed_on, section_id, grade_id, count)"
    " SELECT a.completed_on, r.section_id, r.grade_id, COUNT(*) FROM audits_sectionresult r"
    " JOIN audits_audit a ON a.id = r.audit_id"
    " WHERE a.status = 'completed' AND r.grade_id IS NOT NULL GROUP BY a.completed_on, r.section_id, r.grade_id",
    "INSERT INTO audits_themeday (completed_on, theme_id, count)"
    " SELECT a.completed_on, t.learningtheme_id, COUNT(*) FROM audits_audit_themes t"
    " JOIN audits_audit a ON a.id = t.audit_id"
    " WHERE a.status = 'completed' GROUP BY a.completed_on, t.learningtheme_id",
]


@transaction.atomic
def audit_counts_rebuild():
    """Makes every day's counts again from all completed audits; returns the rows written."""
    with connection.cursor() as cursor:
        for statement in REBUILD_SQL:
            cursor.execute(statement)
    return {
        "final_grade_days": FinalGradeDay.objects.count(),
        "section_grade_days": SectionGradeDay.objects.count(),
        "theme_days": ThemeDay.objects.count(),
    }
