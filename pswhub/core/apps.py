from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pswhub.core"
    label = "core"
    verbose_name = "Organisation"

    def ready(self):
        from . import attention, retention  # noqa: F401  (retention registers the core rules)

        attention.register(attention.core_attention_items)
