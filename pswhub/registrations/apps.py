from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "pswhub.registrations"
    label = "registrations"
    verbose_name = "Social Work England registration"

    def ready(self):
        from pswhub.core import attention, demo, staff_record
        from pswhub.core.report_sections import register

        from . import retention, rules  # noqa: F401
        from .attention import registration_attention_items
        from .demo import load_registrations_demo
        from .record_sections import registration_sections
        from .report_section import RenewalSection

        attention.register(registration_attention_items)
        demo.register(load_registrations_demo)
        register(RenewalSection())
        staff_record.register(registration_sections)
        retention.register_rules()

        from pswhub.core import navigation as nav

        for order, (label, url_name, permission) in enumerate(
            [
                ("Registration", "registrations:home", "registrations.view_figures"),
            ],
            start=10,
        ):
            nav.register(
                area=nav.PEOPLE_DEVELOPMENT, label=label, url_name=url_name, permission=permission, order=order
            )
