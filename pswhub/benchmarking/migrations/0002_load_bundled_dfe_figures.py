"""Loads DfE's published figures for 2017 to 2023 (the file bundled in benchmarking/data) so that a
new installation can compare with them at once."""

from django.db import migrations

from pswhub.benchmarking import dfe


def load(apps, schema_editor):
    AreaFigures = apps.get_model("benchmarking", "AreaFigures")
    held = set(AreaFigures.objects.values_list("year", "level", "code"))
    AreaFigures.objects.bulk_create(
        [
            AreaFigures(
                year=row.year,
                level=row.level,
                code=row.code,
                name=row.name,
                region_code=row.region_code,
                region_name=row.region_name,
                values=row.values,
                source=dfe.BUNDLED_SOURCE,
            )
            for row in dfe.bundled_rows()
            if (row.year, row.level, row.code) not in held
        ],
        batch_size=500,
    )


def unload(apps, schema_editor):
    apps.get_model("benchmarking", "AreaFigures").objects.filter(upload__isnull=True, source=dfe.BUNDLED_SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("benchmarking", "0001_dfe_figures_comparators_and_packs")]

    operations = [migrations.RunPython(load, unload)]
