"""An audit done through the pages: started, filled in, submitted, responded to, moderated; a
risk flag raised and acknowledged."""

import pytest
from django.urls import reverse
from markupsafe import escape

from pswhub.audits import forms, services, tool_editing
from pswhub.audits.models import Audit, AuditToolVersion, Contribution, Question, RiskFlag
from pswhub.audits.tests.factories import draft_audit, grade, tool
from pswhub.core.attention import attention_for
from pswhub.core.models import StaffMember

pytestmark = pytest.mark.django_db


def staff_of(user):
    return StaffMember.objects.get(user=user)


def test_an_auditor_starts_fills_in_and_submits_an_audit(client, settings, auditor, north_team, north_worker):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0  # no sample: only inadequate audits are moderated
    client.force_login(auditor)
    response = client.post(
        reverse("audits:start"),
        {
            "tool": tool("dip-sample").pk,
            "case_reference": "CR-1001",
            "team": north_team.pk,
            "worker": staff_of(north_worker).pk,
        },
    )
    audit = Audit.objects.get(case_reference="CR-1001")
    assert response.url == reverse("audits:edit", args=[audit.pk])
    assert (audit.status, audit.auditor, audit.audit_type) == ("draft", auditor, "dip_sample")

    sections = list(audit.tool_version.sections.all())
    question = sections[0].questions.first()
    data = {
        f"s{sections[0].pk}_grade": grade("good").pk,
        f"s{sections[0].pk}_evidence": "Visits on time",
        f"q{question.pk}": "yes",
        "overall_grade": grade("good").pk,
        "strengths": "Clear plan",
        "areas_for_development": "Chronology",
    }
    response = client.post(reverse("audits:edit", args=[audit.pk]), data)
    assert response.url == reverse("audits:check", args=[audit.pk])
    check = client.get(response.url).content.decode()
    assert "Visits on time" in check and "Clear plan" in check

    response = client.post(reverse("audits:check", args=[audit.pk]))
    assert response.url == reverse("audits:detail", args=[audit.pk])
    audit.refresh_from_db()
    assert audit.status == Audit.Status.COMPLETED
    assert audit.completed_on is not None
    assert audit.section_results.get(section=sections[0]).evidence == "Visits on time"
    assert audit.answers.get(question=question).value == "yes"


def test_an_audit_cannot_be_submitted_without_an_overall_grade(client, auditor, north_team):
    audit = draft_audit(team=north_team, auditor=auditor)
    client.force_login(auditor)
    response = client.post(reverse("audits:check", args=[audit.pk]))
    assert response.status_code == 400
    assert services.NEEDS_OVERALL_GRADE in response.content.decode()
    audit.refresh_from_db()
    assert audit.is_draft


def test_a_case_reference_that_looks_like_a_name_is_refused(client, auditor, north_team):
    client.force_login(auditor)
    response = client.post(
        reverse("audits:start"), {"tool": tool().pk, "case_reference": "Jane Smith", "team": north_team.pk}
    )
    assert response.status_code == 200
    assert "never a name" in response.content.decode()
    assert not Audit.objects.exists()


def test_the_worker_must_be_in_the_cases_team(client, psw, north_team, south_worker):
    client.force_login(psw)
    response = client.post(
        reverse("audits:start"),
        {"tool": tool().pk, "case_reference": "CR1", "team": north_team.pk, "worker": staff_of(south_worker).pk},
    )
    assert str(escape(forms.WORKER_NOT_IN_TEAM)) in response.content.decode()


def test_the_worker_reads_the_audit_and_responds(client, auditor, north_team, north_worker, north_manager):
    audit = draft_audit(team=north_team, auditor=auditor, worker=staff_of(north_worker))
    client.force_login(north_worker)
    response = client.post(
        reverse("audits:contribute", args=[audit.pk]), {"contribution-text": "I agree the chronology needs work"}
    )
    assert response.status_code == 302
    client.force_login(north_manager)
    client.post(
        reverse("audits:contribute", args=[audit.pk]), {"contribution-text": "Supervision is recorded elsewhere"}
    )
    roles = list(audit.contributions.values_list("role", flat=True))
    assert roles == [Contribution.WORKER, Contribution.MANAGER]
    page = client.get(reverse("audits:detail", args=[audit.pk])).content.decode()
    assert "I agree the chronology needs work" in page


def test_an_empty_response_is_refused(client, auditor, north_team, north_worker):
    audit = draft_audit(team=north_team, auditor=auditor, worker=staff_of(north_worker))
    client.force_login(north_worker)
    response = client.post(reverse("audits:contribute", args=[audit.pk]), {"contribution-text": ""})
    assert response.status_code == 400
    assert forms.ENTER_CONTRIBUTION in response.content.decode()


def test_a_worker_cannot_respond_to_another_workers_audit(client, auditor, north_team, north_worker, south_worker):
    audit = draft_audit(team=north_team, auditor=auditor, worker=staff_of(north_worker))
    client.force_login(south_worker)
    response = client.post(reverse("audits:contribute", args=[audit.pk]), {"contribution-text": "Hello"})
    assert response.status_code == 404
    assert not audit.contributions.exists()


def test_a_risk_flag_alerts_the_manager_and_the_psw_until_acknowledged(
    client, auditor, psw, north_team, north_manager, north_worker, south_team
):
    audit = draft_audit(team=north_team, auditor=auditor, worker=staff_of(north_worker))
    client.force_login(auditor)
    client.post(reverse("audits:risk_flag_raise", args=[audit.pk]), {"flag-description": "No visit for 8 weeks"})
    flag = RiskFlag.objects.get()
    for person in (north_manager, psw):
        titles = {item.title: item.count for item in attention_for(person)}
        assert titles.get("Children who may be at risk now") == 1
    # The worker is not alerted, and cannot acknowledge.
    assert "Children who may be at risk now" not in {item.title for item in attention_for(north_worker)}
    client.force_login(north_worker)
    assert client.post(reverse("audits:risk_flag_acknowledge", args=[audit.pk, flag.pk])).status_code == 403

    client.force_login(north_manager)
    client.post(reverse("audits:risk_flag_acknowledge", args=[audit.pk, flag.pk]))
    flag.refresh_from_db()
    assert flag.acknowledged_by == north_manager and flag.acknowledged_at is not None
    assert "Children who may be at risk now" not in {item.title for item in attention_for(psw)}


def test_a_manager_of_another_team_is_not_alerted(auditor, north_team, south_team, north_manager):
    audit = draft_audit(team=south_team, auditor=auditor)
    services.risk_flag_raise(audit=audit, raised_by=auditor, description="Concern")
    assert "Children who may be at risk now" not in {item.title for item in attention_for(north_manager)}


def test_every_inadequate_audit_is_moderated_and_both_grades_are_kept(
    client, settings, auditor, qa_officer, north_team
):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    audit = draft_audit(team=north_team, auditor=auditor)
    services.audit_save_draft(audit=audit, changed_by=auditor, overall_grade=grade("inadequate"))
    services.audit_submit(audit=audit, submitted_by=auditor)
    assert audit.status == Audit.Status.SUBMITTED
    assert "Audits awaiting moderation" in {item.title for item in attention_for(qa_officer)}

    client.force_login(qa_officer)
    response = client.post(
        reverse("audits:moderate", args=[audit.pk]),
        {"grade": grade("requires_improvement").pk, "comments": "Plan was in place"},
    )
    assert response.url == reverse("audits:detail", args=[audit.pk])
    audit.refresh_from_db()
    assert audit.status == Audit.Status.COMPLETED
    assert audit.overall_grade.code == "inadequate"
    assert audit.moderation.moderated_grade.code == "requires_improvement"
    page = client.get(reverse("audits:detail", args=[audit.pk])).content.decode()
    assert "Inadequate" in page and "Requires improvement to be good" in page


def test_one_audit_in_ten_is_sampled_for_moderation(settings, auditor, north_team):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 10
    outcomes = []
    for _ in range(20):
        audit = draft_audit(team=north_team, auditor=auditor)
        services.audit_save_draft(audit=audit, changed_by=auditor, overall_grade=grade("good"))
        outcomes.append(services.audit_submit(audit=audit, submitted_by=auditor).status)
    # The 10th and the 20th are sampled.
    assert [i for i, status in enumerate(outcomes, start=1) if status == Audit.Status.SUBMITTED] == [10, 20]


def test_an_auditor_cannot_moderate_their_own_audit(client, settings, psw, north_team):
    audit = draft_audit(team=north_team, auditor=psw)
    services.audit_save_draft(audit=audit, changed_by=psw, overall_grade=grade("inadequate"))
    services.audit_submit(audit=audit, submitted_by=psw)
    client.force_login(psw)
    assert client.get(reverse("audits:moderate", args=[audit.pk])).status_code == 403
    with pytest.raises(ValueError, match=services.CANNOT_MODERATE_OWN_AUDIT):
        services.audit_moderate(audit=audit, moderator=psw, grade=grade("good"))


def test_a_manager_cannot_moderate(client, auditor, north_team, north_manager):
    audit = draft_audit(team=north_team, auditor=auditor)
    services.audit_save_draft(audit=audit, changed_by=auditor, overall_grade=grade("inadequate"))
    services.audit_submit(audit=audit, submitted_by=auditor)
    client.force_login(north_manager)
    assert client.get(reverse("audits:moderate", args=[audit.pk])).status_code == 403


def test_a_manager_adds_an_action_and_marks_it_done(client, north_manager, north_team, auditor):
    audit = draft_audit(team=north_team, auditor=auditor)
    client.force_login(north_manager)
    client.post(
        reverse("audits:action_add", args=[audit.pk]),
        {
            "action-description": "Update the chronology",
            "action-owner": north_manager.pk,
            "action-due_on-day": "1",
            "action-due_on-month": "9",
            "action-due_on-year": "2026",
        },
    )
    action = audit.actions.get()
    assert (action.owner, str(action.due_on), action.status) == (north_manager, "2026-09-01", "open")
    client.post(reverse("audits:action_complete", args=[audit.pk, action.pk]))
    action.refresh_from_db()
    assert action.status == "done"


def test_a_worker_cannot_add_an_action(client, north_worker, north_team, auditor):
    audit = draft_audit(team=north_team, auditor=auditor, worker=staff_of(north_worker))
    client.force_login(north_worker)
    response = client.post(
        reverse("audits:action_add", args=[audit.pk]),
        {"action-description": "x", "action-due_on-day": "1", "action-due_on-month": "9", "action-due_on-year": "2026"},
    )
    assert response.status_code == 403


def test_a_new_tool_version_does_not_change_audits_already_done(psw, auditor, north_team):
    full = tool("full-case-audit")
    audit = draft_audit(team=north_team, auditor=auditor, tool_version=full.current_version())
    before = list(audit.tool_version.sections.values_list("title", flat=True))
    draft = tool_editing.tool_version_draft_create(tool=full, created_by=psw)
    for section in list(draft.sections.all()):
        tool_editing.section_remove(section=section, changed_by=psw)
    only = tool_editing.section_add(version=draft, title="Only section", changed_by=psw)
    tool_editing.question_add(section=only, text="A question?", kind=Question.YES_NO_PARTLY, changed_by=psw)
    tool_editing.tool_version_publish(version=draft, published_by=psw)
    audit.refresh_from_db()
    assert list(audit.tool_version.sections.values_list("title", flat=True)) == before
    assert full.current_version().number == 2
    assert list(full.current_version().sections.values_list("title", flat=True)) == ["Only section"]
    assert AuditToolVersion.objects.filter(tool=full).count() == 2


def test_the_default_tools_and_scale_are_loaded(db):
    from pswhub.audits.models import AuditTool, Grade

    assert set(AuditTool.objects.values_list("code", flat=True)) >= {
        "full-case-audit",
        "dip-sample",
        "impact-on-the-child",
        "adults-case-audit",
    }
    full_sections = list(tool("full-case-audit").current_version().sections.values_list("code", flat=True))
    assert full_sections == [
        "chronology",
        "assessment",
        "planning-review",
        "voice-of-the-child",
        "management-oversight",
        "multi-agency",
        "recording",
        "impact",
    ]
    assert list(Grade.objects.filter(scale__code="ofsted").values_list("name", flat=True)) == [
        "Outstanding",
        "Good",
        "Requires improvement to be good",
        "Inadequate",
    ]
