from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "pswhub.workforce"
    label = "workforce"
    verbose_name = "Workforce"

    def ready(self):
        from pswhub.core import demo as core_demo
        from pswhub.core import navigation as nav
        from pswhub.core import staff_record
        from pswhub.core.report_sections import register

        from . import demo, record_sections, retention
        from .report_section import WorkforceSection

        core_demo.register(demo.workforce_demo_load)
        nav.register(
            area=nav.WORKFORCE,
            label="Workforce figures",
            url_name="workforce:dashboard",
            permission="workforce.view_dashboard",
            order=10,
        )
        nav.register(
            area=nav.WORKFORCE,
            label="Establishment",
            url_name="workforce:establishment",
            permission="workforce.view_establishment",
            order=20,
        )
        nav.register(
            area=nav.WORKFORCE,
            label="This year's census return",
            url_name="workforce:census_open",
            permission="workforce.prepare_census_return",
            order=30,
        )
        register(WorkforceSection())
        retention.register_rules()
        staff_record.register(record_sections.workforce_sections)
