from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "pswhub.audits"
    label = "audits"
    verbose_name = "Case file audits"
