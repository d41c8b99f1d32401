from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "pswhub.governance"
    label = "governance"
    verbose_name = "Work plan and committees"
