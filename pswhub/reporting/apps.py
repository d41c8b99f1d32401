from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "pswhub.reporting"
    label = "reporting"
    verbose_name = "Annual report"

    def ready(self):
        from pswhub.core import history
        from pswhub.core import navigation as nav

        from . import rules  # noqa: F401
        from .history_sources import report_history_sources

        history.register(report_history_sources)

        nav.register(
            area=nav.GOVERNANCE,
            label="Annual report",
            url_name="reporting:report_list",
            permission="reporting.view_reports",
            order=10,
        )
