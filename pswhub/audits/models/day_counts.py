"""Counts kept for the dashboard (docs/adr/0204-audit-dashboard-at-national-scale.md): completed
audits' final grades, section grades and learning themes, summed by the day they were completed.
They are made from the audits again, day by day, by `day_counts.audit_days_refresh` whenever an
audit is completed, moderated, imported or deleted, and rebuilt whole by
`manage.py rebuild_audit_counts`. They are derived figures, not records: they keep no history."""

from django.db import models

from .tools import AuditType, Grade, LearningTheme, Section


class FinalGradeDay(models.Model):
    """Audits completed on a day, by audit type and final grade (the moderated grade where there
    is one, else the auditor's)."""

    completed_on = models.DateField()
    audit_type = models.CharField(max_length=20, choices=AuditType.choices)
    grade = models.ForeignKey(Grade, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["completed_on", "audit_type", "grade"], name="one_count_per_day_type_grade")
        ]

    def __str__(self):
        return f"{self.count} on {self.completed_on}"


class SectionGradeDay(models.Model):
    """Section grades of the audits completed on a day, by section and grade."""

    completed_on = models.DateField()
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="+")
    grade = models.ForeignKey(Grade, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["completed_on", "section", "grade"], name="one_count_per_day_section_grade")
        ]

    def __str__(self):
        return f"{self.count} on {self.completed_on}"


class ThemeDay(models.Model):
    """Audits completed on a day that named a learning theme."""

    completed_on = models.DateField()
    theme = models.ForeignKey(LearningTheme, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["completed_on", "theme"], name="one_count_per_day_theme")]

    def __str__(self):
        return f"{self.count} on {self.completed_on}"
