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
        # The figures' sub-pages, after the summary (docs/workforce.md, "Pages"). England
        # comparison is where comparisons with DfE's published figures (England, region) go.
        for order, label, url_name, permission in [
            (11, "Trends", "workforce:trends", "workforce.view_dashboard"),
            (12, "Breakdowns", "workforce:breakdowns", "workforce.view_dashboard"),
            (13, "Equality", "workforce:equality", "workforce.view_equality"),
            (14, "England comparison", "workforce:england", "workforce.view_dashboard"),
            (15, "At a date", "workforce:at_date", "workforce.view_figures_at_date"),
            (16, "Month by month", "workforce:monthly", "workforce.view_figures_at_date"),
        ]:
            nav.register(area=nav.WORKFORCE, label=label, url_name=url_name, permission=permission, order=order)
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
