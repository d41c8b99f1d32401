from django.apps import AppConfig


class PeopleDevelopmentConfig(AppConfig):
    name = "pswhub.people_development"
    label = "people_development"
    verbose_name = "People development"

    def ready(self):
        from pswhub.core import attention, demo, staff_record
        from pswhub.core.report_sections import register

        from . import rules  # noqa: F401
        from .attention import people_development_attention_items
        from .demo import people_development_demo_load
        from .record_sections import people_development_record_sections
        from .report_section import PeopleDevelopmentSection

        attention.register(people_development_attention_items)
        demo.register(people_development_demo_load)
        staff_record.register(people_development_record_sections)
        register(PeopleDevelopmentSection())
