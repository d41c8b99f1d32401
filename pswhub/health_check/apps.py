from django.apps import AppConfig


class HealthCheckConfig(AppConfig):
    name = "pswhub.health_check"
    label = "health_check"
    verbose_name = "Social Work Health Check"

    def ready(self):
        from pswhub.core import attention, demo
        from pswhub.core import navigation as nav
        from pswhub.core.report_sections import register

        from . import rules  # noqa: F401
        from .attention import health_check_attention_items
        from .demo import load_health_check_demo
        from .report_sections import HealthCheckSection

        attention.register(health_check_attention_items)
        demo.register(load_health_check_demo)
        for order, (label, url_name, permission) in enumerate(
            [
                ("Health check", "health_check:home", "health_check.view_own"),
                ("Health check results", "health_check:run_list", "health_check.view_results"),
                ("Health check action plans", "health_check:plan_list", "health_check.view_plans"),
                ("Meetings with practitioners", "health_check:frontline_list", "health_check.change_plans"),
            ]
        ):
            nav.register(area=nav.STAFF_VOICE, label=label, url_name=url_name, permission=permission, order=order)
        register(HealthCheckSection())
