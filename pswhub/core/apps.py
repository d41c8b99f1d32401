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
