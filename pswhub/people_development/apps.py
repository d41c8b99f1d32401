from django.apps import AppConfig

# The area's pages, in order; the area's link opens the first one the user may open. Placement
# income, practice educators and cohorts sit under Placements; national accreditation under
# Progression (their addresses too, so the sub-navigation marks the right page).
NAVIGATION = [
    ("Figures", "people_development:dashboard", "people_development.view_dashboard"),
    ("Placements", "people_development:placement_list", "people_development.view_placements"),
    ("Early careers", "people_development:record_list", "people_development.view_early_careers"),
    ("Progression", "people_development:panel_list", "people_development.view_progression"),
    ("Your development", "people_development:own", "people_development.view_own"),
]


class PeopleDevelopmentConfig(AppConfig):
    name = "pswhub.people_development"
    label = "people_development"
    verbose_name = "People development"

    def ready(self):
        from pswhub.core import attention, demo, staff_record
        from pswhub.core import navigation as nav
        from pswhub.core.report_sections import register

        from . import retention, rules  # noqa: F401
        from .attention import people_development_attention_items
        from .demo import people_development_demo_load
        from .record_sections import people_development_record_sections
        from .report_section import PeopleDevelopmentSection

        attention.register(people_development_attention_items)
        retention.register_rules()
        demo.register(people_development_demo_load)
        staff_record.register(people_development_record_sections)
        register(PeopleDevelopmentSection())
        for order, (label, url_name, permission) in enumerate(NAVIGATION):
            nav.register(
                area=nav.PEOPLE_DEVELOPMENT, label=label, url_name=url_name, permission=permission, order=order
            )
