from django.db import migrations

from pswhub.core.roles import ROLES


def load_roles(apps, schema_editor):
    Role = apps.get_model("core", "Role")
    for order, (code, name, description) in enumerate(ROLES):
        Role.objects.update_or_create(code=code, defaults={"name": name, "description": description, "order": order})


def unload_roles(apps, schema_editor):
    apps.get_model("core", "Role").objects.filter(code__in=[code for code, _, _ in ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load_roles, unload_roles)]
