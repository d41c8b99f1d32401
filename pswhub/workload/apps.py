from django.apps import AppConfig


class WorkloadConfig(AppConfig):
    name = "pswhub.workload"
    label = "workload"
    verbose_name = "Workload"

    def ready(self):
        from pswhub.core import attention, caseload_counts, demo
        from pswhub.core import navigation as nav

        from . import demo as workload_demo
        from . import rules  # noqa: F401
        from .attention import workload_attention_items
        from .selectors import caseload_counts_for_core, caseload_totals_for_core

        attention.register(workload_attention_items)
        caseload_counts.register(caseload_counts_for_core, totals=caseload_totals_for_core)
        nav.register(
            area=nav.PRACTICE, label="Workload", url_name="workload:team", permission="workload.view_workload", order=20
        )
        demo.register(workload_demo.workload_demo_load)
