from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "pswhub.learning"
    label = "learning"
    verbose_name = "Learning and supervision"

    def ready(self):
        from pswhub.core import attention, demo, staff_record
        from pswhub.core.report_sections import register

        from . import retention, rules  # noqa: F401
        from .attention import learning_attention_items
        from .demo import load_learning_demo
        from .record_sections import learning_sections
        from .report_sections import LearningSection, SchwartzRoundsSection, SupervisionSection, TopicsSection

        attention.register(learning_attention_items)
        retention.register_rules()
        demo.register(load_learning_demo)
        staff_record.register(learning_sections)
        for section in (LearningSection(), SchwartzRoundsSection(), SupervisionSection(), TopicsSection()):
            register(section)

        from pswhub.core import navigation as nav

        for order, (label, url_name, permission) in enumerate(
            [
                ("Learning", "learning:home", "learning.view_figures"),
                ("Supervision", "learning:supervision", "learning.view_supervision"),
                ("Your learning and supervision", "learning:mine", "learning.view_catalogue"),
            ],
            start=20,
        ):
            nav.register(
                area=nav.PEOPLE_DEVELOPMENT, label=label, url_name=url_name, permission=permission, order=order
            )
