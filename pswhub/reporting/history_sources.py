"""Annual reports in the change history (core.history): the drafts a user may read, each linked
to its page while it exists."""

from pswhub.core.history import HistorySource

from .models import AnnualReport


def report_history_sources(user):
    reports = AnnualReport.objects.visible_to(user)
    return [
        HistorySource(
            "Annual report",
            AnnualReport.history.filter(id__in=reports.values("pk")),
            lambda row: row.title,
            openable=reports,
            url_name="reporting:report_detail",
        )
    ]
