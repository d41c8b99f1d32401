from django.db import migrations

from pswhub.workload.reference import CASE_TYPES, COMPLEXITY_LEVELS


def load(apps, schema_editor):
    CaseType = apps.get_model("workload", "CaseType")
    ComplexityLevel = apps.get_model("workload", "ComplexityLevel")
    for code, name, service_kind, order in CASE_TYPES:
        CaseType.objects.update_or_create(code=code, defaults={"name": name, "service_kind": service_kind, "order": order})
    for code, name, order in COMPLEXITY_LEVELS:
        ComplexityLevel.objects.update_or_create(code=code, defaults={"name": name, "order": order})


def unload(apps, schema_editor):
    apps.get_model("workload", "CaseType").objects.filter(code__in=[code for code, *_ in CASE_TYPES]).delete()
    apps.get_model("workload", "ComplexityLevel").objects.filter(
        code__in=[code for code, *_ in COMPLEXITY_LEVELS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("workload", "0001_caseloads_and_weighting")]
    operations = [migrations.RunPython(load, unload)]
