from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pswhub.core"
    label = "core"
    verbose_name = "Organisation"

    def ready(self):
        from django.contrib.auth.models import update_last_login
        from django.contrib.auth.signals import user_logged_in

        from .auth import record_last_login

        # A sign-in records its time without a change-history row (auth.record_last_login).
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(record_last_login, dispatch_uid="pswhub_record_last_login")

        from . import attention, retention  # noqa: F401  (retention registers the core rules)

        attention.register(attention.core_attention_items)

        from . import navigation as nav

        nav.register(area=nav.HOME, label="Home", url_name="core:home")
        nav.register(
            area=nav.WORKFORCE, label="Staff", url_name="core:staff_list", permission="core.view_staff_list", order=30
        )
        for order, (label, url_name, permission) in enumerate(
            [
                ("Organisation", "core:organisation", "core.view_organisation_summary"),
                ("Teams", "core:team_list", "core.view_teams"),
                ("Change history", "core:history", "core.view_history"),
                ("Users", "core:user_list", "core.manage_users"),
            ]
        ):
            nav.register(area=nav.ORGANISATION, label=label, url_name=url_name, permission=permission, order=order)
