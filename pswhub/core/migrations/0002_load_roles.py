from django.db import migrations

# The roles as they were when this migration was written; later changes get migrations of their own.
ROLES = [
    ("psw", "Principal Social Worker", "Owns the practice and workforce picture and the annual report."),
    ("qa_officer", "Quality assurance officer", "Runs the audit programme, moderates, tracks learning."),
    ("auditor", "Auditor", "Completes case audits and dip samples."),
    ("team_manager", "Team manager", "Sees the teams they manage."),
    ("social_worker", "Social worker", "Sees their own record and the audits of their cases."),
    ("hr_officer", "Workforce and HR officer", "Keeps staff records, posts and the census return."),
    ("head_of_service", "Head of service", "Reads dashboards across teams and years."),
    ("councillor", "Councillor", "Reads published reports and aggregate figures only."),
    ("admin", "System administrator", "Manages user accounts, roles and sign-in."),
]


def load_roles(apps, schema_editor):
    Role = apps.get_model("core", "Role")
    for order, (code, name, description) in enumerate(ROLES):
        Role.objects.update_or_create(code=code, defaults={"name": name, "description": description, "order": order})


def unload_roles(apps, schema_editor):
    apps.get_model("core", "Role").objects.filter(code__in=[code for code, _, _ in ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load_roles, unload_roles)]
