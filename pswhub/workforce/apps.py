from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "pswhub.workforce"
    label = "workforce"
    verbose_name = "Workforce"
