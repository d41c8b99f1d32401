from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "pswhub.reporting"
    label = "reporting"
    verbose_name = "Annual report"
