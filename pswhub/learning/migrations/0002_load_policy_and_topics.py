from django.db import migrations

from pswhub.learning.reference import STANDARD_5, TOPICS


def load(apps, schema_editor):
    Policy = apps.get_model("learning", "SupervisionPolicy")
    Step = apps.get_model("learning", "SupervisionPolicyStep")
    Topic = apps.get_model("learning", "Topic")
    policy, _ = Policy.objects.update_or_create(
        code=STANDARD_5["code"],
        defaults={
            "name": STANDARD_5["name"],
            "minimum_minutes": STANDARD_5["minimum_minutes"],
            "group_sessions_count": STANDARD_5["group_sessions_count"],
            "is_current": True,
        },
    )
    policy.steps.all().delete()
    Step.objects.bulk_create(
        [Step(policy=policy, up_to_day=up_to, every_days=every) for up_to, every in STANDARD_5["steps"]]
    )
    for code, name, theme_code in TOPICS:
        Topic.objects.update_or_create(code=code, defaults={"name": name, "theme_code": theme_code})


def unload(apps, schema_editor):
    apps.get_model("learning", "SupervisionPolicy").objects.filter(code=STANDARD_5["code"]).delete()
    apps.get_model("learning", "Topic").objects.filter(code__in=[code for code, *_ in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_learning_events_and_supervision")]

    operations = [migrations.RunPython(load, unload)]
