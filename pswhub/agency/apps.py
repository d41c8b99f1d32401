from django.apps import AppConfig


class AgencyConfig(AppConfig):
    name = "pswhub.agency"
    label = "agency"
    verbose_name = "Agency social workers"

    def ready(self):
        from pswhub.core import agency_engagements
        from pswhub.core import demo as core_demo
        from pswhub.core import navigation as nav
        from pswhub.core.report_sections import register

        from . import retention, rules  # noqa: F401
        from .demo import agency_demo_load
        from .report_section import AgencySection
        from .selectors import engagements_for_core

        core_demo.register(agency_demo_load)
        agency_engagements.register(engagements_for_core)
        register(AgencySection())
        retention.register_rules()
        nav.register(
            area=nav.WORKFORCE,
            label="Agency social workers",
            url_name="agency:list",
            permission="agency.view_engagements",
            order=32,
        )
        nav.register(
            area=nav.WORKFORCE,
            label="Agency figures",
            url_name="agency:figures",
            permission="agency.view_figures",
            order=33,
        )
