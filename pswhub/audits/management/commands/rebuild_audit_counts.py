from django.core.management.base import BaseCommand

from pswhub.audits.day_counts import audit_counts_rebuild


class Command(BaseCommand):
    help = (
        "Makes the dashboard's day counts of section grades and learning themes again from every "
        "completed audit (after loading audits outside PSW Hub's own writes, e.g. with COPY)."
    )

    def handle(self, *args, **options):
        rows = audit_counts_rebuild()
        self.stdout.write(
            f"Day counts rebuilt: {rows['section_grade_days']} of section grades, {rows['theme_days']} of themes"
        )
