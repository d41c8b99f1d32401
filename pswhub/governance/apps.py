from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "pswhub.governance"
    label = "governance"
    verbose_name = "Work plan and committees"

    def ready(self):
        from pswhub.core import attention, demo
        from pswhub.core import navigation as nav

        from . import rules  # noqa: F401
        from .attention import governance_attention_items
        from .demo import load_governance_demo

        attention.register(governance_attention_items)
        demo.register(load_governance_demo)
        for order, (label, url_name, permission) in enumerate(
            [
                ("Work plan", "governance:dashboard", "governance.view_work_plan"),
                ("Committee meetings", "governance:meeting_list", "governance.view_committees"),
                ("Committee actions", "governance:action_list", "governance.view_committees"),
                ("Peer reviews", "governance:peer_review_list", "governance.view_peer_reviews"),
            ]
        ):
            nav.register(area=nav.GOVERNANCE, label=label, url_name=url_name, permission=permission, order=order)

        from pswhub.core.report_sections import register, register_frame_source

        from . import selectors
        from .report_sections import CommitteeActionsSection, WorkPlanSection

        register(WorkPlanSection())
        register(CommitteeActionsSection())
        # The annual report's frame: the committee it goes to, and next year's priorities.
        register_frame_source("committee_meetings", selectors.meeting_list)
        register_frame_source("priorities", selectors.priority_list)
