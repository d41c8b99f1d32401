"""The eight LGA Standards for Employers (2020) and the question set PSW Hub ships, each question
with a stable code and mapped to one standard. The council may add, reword and retire questions
afterwards; this migration only loads the starting set."""

from django.db import migrations

STANDARDS = [
    (1, "Strong and clear social work framework"),
    (2, "Effective workforce planning systems"),
    (3, "Safe workloads and case allocation"),
    (4, "Wellbeing"),
    (5, "Supervision"),
    (6, "Continuing professional development"),
    (7, "Professional registration"),
    (8, "Strategic partnerships"),
]

# (standard, code, wording)
QUESTIONS = [
    (1, "clear_practice_model", "I understand the practice model my organisation uses and how it shapes my work."),
    (1, "leaders_listen", "Senior leaders listen to social workers and act on what they hear."),
    (1, "proud_to_work_here", "I would recommend my organisation as a place to practise social work."),
    (2, "right_skills_in_team", "My team has the right mix of skills and experience to meet the needs of the people we work with."),
    (2, "diverse_workforce", "My organisation values a diverse workforce and treats staff fairly."),
    (2, "career_path", "I can see how I could progress in my career here."),
    (3, "manageable_workload", "My workload is manageable within my working hours."),
    (3, "fair_allocation", "Work is allocated fairly and transparently, taking account of complexity."),
    (3, "work_life_balance", "I am able to keep a healthy balance between work and my life outside work."),
    (4, "feel_safe_at_work", "I feel safe at work, including when working alone or remotely."),
    (4, "wellbeing_support", "I know how to get support for my wellbeing and would feel able to ask for it."),
    (4, "stress_manageable", "The stress I experience at work is at a level I can manage."),
    (5, "regular_supervision", "I receive regular, uninterrupted supervision as often as the supervision policy says."),
    (5, "reflective_supervision", "My supervision gives me space to reflect on my practice, not only to manage cases."),
    (5, "supervision_recorded", "Decisions made in my supervision are recorded and followed through."),
    (6, "time_for_cpd", "I have protected time for learning and continuing professional development."),
    (6, "useful_appraisal", "My appraisal helps me develop, including through feedback from people who use services."),
    (6, "good_induction", "I had a good induction when I started in my current role."),
    (7, "support_registration", "I am supported to record my CPD and renew my registration with Social Work England."),
    (7, "challenge_unsafe_practice", "I feel able to challenge practice that I think is unsafe."),
    (7, "know_professional_standards", "My organisation helps me to meet Social Work England's professional standards."),
    (8, "partners_work_well", "We work well with partner agencies to share information and keep people safe."),
    (8, "students_supported", "My organisation supports students and practice educators well."),
    (8, "university_links", "I have opportunities to link with universities, research and teaching."),
]


def load(apps, schema_editor):
    Standard = apps.get_model("health_check", "Standard")
    Question = apps.get_model("health_check", "Question")
    for number, name in STANDARDS:
        Standard.objects.update_or_create(number=number, defaults={"name": name})
    for order, (number, code, wording) in enumerate(QUESTIONS):
        Question.objects.get_or_create(code=code, defaults={"standard_id": number, "wording": wording, "order": order})


class Migration(migrations.Migration):
    dependencies = [("health_check", "0001_health_check")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
