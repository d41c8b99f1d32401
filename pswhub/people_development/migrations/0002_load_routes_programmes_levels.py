from django.db import migrations

from pswhub.people_development.reference import PROGRAMMES, PROGRESSION_LEVELS, ROUTES


def load(apps, schema_editor):
    Route = apps.get_model("people_development", "Route")
    Programme = apps.get_model("people_development", "EarlyCareerProgramme")
    Level = apps.get_model("people_development", "ProgressionLevel")
    for code, name, order in ROUTES:
        Route.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for order, (code, name, length, reviews, reduced, available_from) in enumerate(PROGRAMMES):
        Programme.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "length_months": length,
                "review_months": reviews,
                "reduced_workload_months": reduced,
                "available_from": available_from,
                "order": order,
            },
        )
    for code, name, order in PROGRESSION_LEVELS:
        Level.objects.update_or_create(code=code, defaults={"name": name, "order": order})


def unload(apps, schema_editor):
    apps.get_model("people_development", "Route").objects.filter(code__in=[c for c, *_ in ROUTES]).delete()
    apps.get_model("people_development", "EarlyCareerProgramme").objects.filter(
        code__in=[c for c, *_ in PROGRAMMES]
    ).delete()
    apps.get_model("people_development", "ProgressionLevel").objects.filter(
        code__in=[c for c, *_ in PROGRESSION_LEVELS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("people_development", "0001_placements_programmes_progression")]
    operations = [migrations.RunPython(load, unload)]
