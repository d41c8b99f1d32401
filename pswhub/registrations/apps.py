from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "pswhub.registrations"
    label = "registrations"
    verbose_name = "Social Work England registration"

    def ready(self):
        from pswhub.core import attention, demo
        from pswhub.core.report_sections import register

        from . import rules  # noqa: F401
        from .attention import registration_attention_items
        from .demo import load_registrations_demo
        from .report_section import RenewalSection

        attention.register(registration_attention_items)
        demo.register(load_registrations_demo)
        register(RenewalSection())
