from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "pswhub.audits"
    label = "audits"
    verbose_name = "Case file audits"

    def ready(self):
        from pswhub.core import attention, demo
        from pswhub.core import navigation as nav
        from pswhub.core.report_sections import register

        from . import attention as audit_attention
        from . import demo as audit_demo
        from . import retention, rules  # noqa: F401
        from .report_section import AuditSection

        attention.register(audit_attention.audit_attention_items)
        nav.register(area=nav.PRACTICE, label="Audits", url_name="audits:dashboard", permission="audits.view_dashboard")
        demo.register(audit_demo.load_demo_audits)
        register(AuditSection())
        retention.register_rules()

        from pswhub.core import history

        from .history_sources import audit_history_sources

        history.register(audit_history_sources)
