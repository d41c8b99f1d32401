from django.db import migrations

from pswhub.audits.reference import DEFAULT_TOOLS, LEARNING_THEMES, OFSTED_GRADES, OFSTED_SCALE


def load(apps, schema_editor):
    GradeScale = apps.get_model("audits", "GradeScale")
    Grade = apps.get_model("audits", "Grade")
    LearningTheme = apps.get_model("audits", "LearningTheme")
    AuditTool = apps.get_model("audits", "AuditTool")
    AuditToolVersion = apps.get_model("audits", "AuditToolVersion")
    Section = apps.get_model("audits", "Section")
    Question = apps.get_model("audits", "Question")

    scale, _ = GradeScale.objects.get_or_create(code=OFSTED_SCALE, defaults={"name": "Ofsted four-point scale"})
    for code, name, rank, good_or_better in OFSTED_GRADES:
        Grade.objects.update_or_create(scale=scale, code=code, defaults={"name": name, "rank": rank, "good_or_better": good_or_better})
    for order, (code, name) in enumerate(LEARNING_THEMES):
        LearningTheme.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for code, name, audit_type, service_kind, description, sections in DEFAULT_TOOLS:
        tool, created = AuditTool.objects.get_or_create(
            code=code,
            defaults={"name": name, "audit_type": audit_type, "service_kind": service_kind, "description": description, "scale": scale},
        )
        if not created:
            continue
        version = AuditToolVersion.objects.create(tool=tool, number=1)
        for section_order, (section_code, title, questions) in enumerate(sections):
            section = Section.objects.create(version=version, code=section_code, title=title, order=section_order)
            for question_order, (question_code, text, kind) in enumerate(questions):
                Question.objects.create(section=section, code=question_code, text=text, kind=kind, order=question_order)


def unload(apps, schema_editor):
    codes = [code for code, *_ in DEFAULT_TOOLS]
    Question = apps.get_model("audits", "Question")
    Question.objects.filter(section__version__tool__code__in=codes).delete()
    apps.get_model("audits", "Section").objects.filter(version__tool__code__in=codes).delete()
    apps.get_model("audits", "AuditToolVersion").objects.filter(tool__code__in=codes).delete()
    apps.get_model("audits", "AuditTool").objects.filter(code__in=codes).delete()
    apps.get_model("audits", "LearningTheme").objects.filter(code__in=[code for code, _ in LEARNING_THEMES]).delete()
    apps.get_model("audits", "Grade").objects.filter(scale__code=OFSTED_SCALE).delete()
    apps.get_model("audits", "GradeScale").objects.filter(code=OFSTED_SCALE).delete()


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
