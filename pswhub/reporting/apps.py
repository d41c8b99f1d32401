from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "pswhub.reporting"
    label = "reporting"
    verbose_name = "Annual report"

    def ready(self):
        from . import rules  # noqa: F401
        from .organisation_section import OrganisationSection
        from .sections import register

        register(OrganisationSection())
