from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "pswhub.audits"
    label = "audits"
    verbose_name = "Case file audits"

    def ready(self):
        from pswhub.core import attention

        from . import attention as audit_attention
        from . import rules  # noqa: F401

        attention.register(audit_attention.audit_attention_items)
