from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pswhub.core"
    label = "core"
    verbose_name = "Organisation"

    def ready(self):
        from . import attention

        attention.register(attention.core_attention_items)
