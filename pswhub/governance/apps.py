from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "pswhub.governance"
    label = "governance"
    verbose_name = "Work plan and committees"

    def ready(self):
        from pswhub.core import attention, demo

        from . import rules  # noqa: F401
        from .attention import governance_attention_items
        from .demo import load_governance_demo

        attention.register(governance_attention_items)
        demo.register(load_governance_demo)

        from pswhub.core.report_sections import register

        from .report_sections import CommitteeActionsSection, WorkPlanSection

        register(WorkPlanSection())
        register(CommitteeActionsSection())
