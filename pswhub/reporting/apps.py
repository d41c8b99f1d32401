from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "pswhub.reporting"
    label = "reporting"
    verbose_name = "Annual report"

    def ready(self):
        from pswhub.core.report_sections import register

        from . import rules  # noqa: F401
        from .organisation_section import OrganisationSection

        register(OrganisationSection())
