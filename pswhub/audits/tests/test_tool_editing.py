"""Audit tools edited through pages: a draft version copied from the latest published one, its
sections and questions changed, then published; audits already done keep their version."""

import pytest
from django.urls import reverse
from markupsafe import escape

from pswhub.audits import forms, services, tool_editing
from pswhub.audits.models import Audit, AuditTool, AuditToolVersion, GradeScale, Question, Section
from pswhub.audits.tests.factories import PEOPLE, AuditFactory, draft_audit, tool

pytestmark = pytest.mark.django_db

EDITORS = {"psw", "qa_officer"}


def sections_of(version):
    return [
        (section.title, section.is_graded, [(q.text, q.kind) for q in section.questions.all()])
        for section in version.sections.prefetch_related("questions")
    ]


# Services


def test_a_draft_copies_the_latest_published_version(psw):
    dip = tool("dip-sample")
    published = dip.current_version()
    draft = tool_editing.tool_version_draft_create(tool=dip, created_by=psw)
    assert (draft.number, draft.is_draft) == (published.number + 1, True)
    assert sections_of(draft) == sections_of(published)
    assert list(draft.sections.values_list("code", flat=True)) == list(
        published.sections.values_list("code", flat=True)
    )
    assert dip.current_version() == published  # the draft is not used for audits yet
    assert draft.history.first().history_user == psw


def test_a_tool_has_one_draft_at_a_time(psw):
    dip = tool("dip-sample")
    tool_editing.tool_version_draft_create(tool=dip, created_by=psw)
    with pytest.raises(ValueError, match=tool_editing.ALREADY_A_DRAFT):
        tool_editing.tool_version_draft_create(tool=dip, created_by=psw)


def test_sections_and_questions_are_added_renamed_reordered_and_removed(psw):
    draft = tool_editing.tool_version_draft_create(tool=tool("dip-sample"), created_by=psw)
    compliance, quality = draft.sections.all()
    added = tool_editing.section_add(version=draft, title="Voice of the child", changed_by=psw, is_graded=False)
    tool_editing.section_move(section=added, direction=-1, changed_by=psw)
    tool_editing.section_update(section=quality, title="Quality of practice", changed_by=psw)
    question = tool_editing.question_add(
        section=added, text="Is the child's view recorded?", kind="text", changed_by=psw
    )
    tool_editing.question_update(
        question=question, text="Are the child's words recorded?", kind="yes_no_partly", changed_by=psw
    )
    first = compliance.questions.first()
    tool_editing.question_move(question=first, direction=1, changed_by=psw)
    tool_editing.section_remove(section=compliance, changed_by=psw)
    assert [(title, graded) for title, graded, _ in sections_of(draft)] == [
        ("Voice of the child", False),
        ("Quality of practice", True),
    ]
    assert sections_of(draft)[0][2] == [("Are the child's words recorded?", "yes_no_partly")]
    assert added.code == "voice-of-the-child"
    assert Section.history.filter(code="compliance", history_type="-").get().history_user == psw


def test_moving_a_question_swaps_it_with_its_neighbour(psw):
    draft = tool_editing.tool_version_draft_create(tool=tool("dip-sample"), created_by=psw)
    section = draft.sections.first()
    before = list(section.questions.values_list("text", flat=True))
    tool_editing.question_move(question=section.questions.first(), direction=1, changed_by=psw)
    after = list(section.questions.values_list("text", flat=True))
    assert after == [before[1], before[0], *before[2:]]
    tool_editing.question_move(question=section.questions.first(), direction=-1, changed_by=psw)  # first stays first
    assert list(section.questions.values_list("text", flat=True)) == after


def test_a_published_version_cannot_be_changed(psw):
    published = tool("dip-sample").current_version()
    section = published.sections.first()
    with pytest.raises(ValueError, match=tool_editing.NOT_A_DRAFT_VERSION):
        tool_editing.section_add(version=published, title="More", changed_by=psw)
    with pytest.raises(ValueError, match=tool_editing.NOT_A_DRAFT_VERSION):
        tool_editing.question_remove(question=section.questions.first(), changed_by=psw)
    with pytest.raises(ValueError, match=tool_editing.NOT_A_DRAFT_VERSION):
        tool_editing.tool_version_publish(version=published, published_by=psw)


def test_publishing_needs_sections_with_questions(psw):
    new = tool_editing.audit_tool_create(
        name="Step-down audit", audit_type="themed", scale=GradeScale.objects.get(code="ofsted"), created_by=psw
    )
    draft = new.draft_version()
    with pytest.raises(ValueError, match=tool_editing.NEEDS_A_SECTION):
        tool_editing.tool_version_publish(version=draft, published_by=psw)
    section = tool_editing.section_add(version=draft, title="Step-down plan", changed_by=psw)
    with pytest.raises(ValueError, match="Add a question to the section Step-down plan"):
        tool_editing.tool_version_publish(version=draft, published_by=psw)
    tool_editing.question_add(section=section, text="Is there a plan?", kind="yes_no_partly", changed_by=psw)
    tool_editing.tool_version_publish(version=draft, published_by=psw)
    assert new.current_version() == draft
    assert draft.published_at is not None


def test_a_new_tool_starts_with_an_empty_draft_and_cannot_be_used_until_published(psw):
    new = tool_editing.audit_tool_create(
        name="Step-down audit", audit_type="themed", scale=GradeScale.objects.get(code="ofsted"), created_by=psw
    )
    assert (new.code, new.current_version(), new.draft_version().number) == ("step-down-audit", None, 1)
    assert new not in forms.AuditStartForm(user=psw).fields["tool"].queryset
    with pytest.raises(ValueError, match=tool_editing.TOOL_NAME_TAKEN.format(name="step-down audit")):
        tool_editing.audit_tool_create(name="step-down audit", audit_type="themed", scale=new.scale, created_by=psw)


def test_audits_already_done_keep_their_version_after_a_new_one_is_published(psw, auditor, north_team):
    dip = tool("dip-sample")
    old = dip.current_version()
    done = AuditFactory(team=north_team, tool_version=old, audit_type="dip_sample")
    in_progress = draft_audit(team=north_team, auditor=auditor, tool_version=old)
    old_sections = sections_of(old)
    draft = tool_editing.tool_version_draft_create(tool=dip, created_by=psw)
    tool_editing.section_update(section=draft.sections.first(), title="Statutory compliance", changed_by=psw)
    tool_editing.tool_version_publish(version=draft, published_by=psw)

    done.refresh_from_db()
    in_progress.refresh_from_db()
    assert done.tool_version == old and in_progress.tool_version == old
    assert sections_of(old) == old_sections
    started = services.audit_start(tool=dip, case_reference="C1", team=north_team, started_by=auditor)
    assert started.tool_version == draft
    assert started.tool_version.sections.first().title == "Statutory compliance"


# Pages


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_qa_open_the_tool_pages(client, everyone, person):
    version = tool("dip-sample").current_version()
    client.force_login(everyone[person])
    expected = 200 if person in EDITORS else 403
    assert client.get(reverse("audits:tool_list")).status_code == expected
    assert client.get(reverse("audits:tool_create")).status_code == expected
    assert client.get(reverse("audits:tool_version", args=[version.pk])).status_code == expected


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_qa_create_and_publish_a_version(client, everyone, person):
    dip = tool("dip-sample")
    client.force_login(everyone[person])
    response = client.post(reverse("audits:tool_draft_create", args=[dip.pk]))
    draft = dip.draft_version()
    if person not in EDITORS:
        assert response.status_code == 403 and draft is None
        draft = tool_editing.tool_version_draft_create(tool=dip, created_by=everyone["psw"])
    else:
        assert response.status_code == 302 and draft is not None
    section = draft.sections.first()
    attempts = [
        client.post(reverse("audits:section_edit", args=[section.pk]), {"title": "Renamed"}),
        client.post(reverse("audits:section_move", args=[section.pk]), {"direction": "down"}),
        client.post(reverse("audits:question_add", args=[section.pk]), {"text": "Q?", "kind": "text"}),
        client.post(reverse("audits:tool_version_publish", args=[draft.pk])),
    ]
    assert [response.status_code for response in attempts] == [302 if person in EDITORS else 403] * 4
    draft.refresh_from_db()
    assert draft.is_draft is (person not in EDITORS)
    assert Section.objects.filter(version=draft, title="Renamed").exists() is (person in EDITORS)


def test_the_psw_edits_a_draft_through_the_pages(client, psw):
    dip = tool("dip-sample")
    client.force_login(psw)
    response = client.post(reverse("audits:tool_draft_create", args=[dip.pk]))
    draft = dip.draft_version()
    assert response.url == reverse("audits:tool_version", args=[draft.pk])
    compliance = draft.sections.get(code="compliance")
    question = compliance.questions.first()
    client.post(reverse("audits:question_edit", args=[question.pk]), {"text": "Visits on time?", "kind": "text"})
    client.post(reverse("audits:question_remove", args=[compliance.questions.last().pk]))
    client.post(reverse("audits:section_remove", args=[draft.sections.get(code="quality").pk]))
    page = client.get(reverse("audits:tool_version", args=[draft.pk])).content.decode()
    assert "Visits on time?" in page and "Free text" in page
    assert [title for title, _, _ in sections_of(draft)] == ["Compliance"]
    response = client.post(reverse("audits:tool_version_publish", args=[draft.pk]))
    assert response.status_code == 302
    assert dip.current_version() == draft


def test_a_blank_section_or_question_is_refused_with_a_message(client, psw):
    draft = tool_editing.tool_version_draft_create(tool=tool("dip-sample"), created_by=psw)
    client.force_login(psw)
    response = client.post(reverse("audits:section_add", args=[draft.pk]), {"title": ""})
    assert response.status_code == 400 and escape(forms.ENTER_SECTION_TITLE) in response.content.decode()
    section = draft.sections.first()
    response = client.post(reverse("audits:question_add", args=[section.pk]), {"text": "", "kind": ""})
    page = response.content.decode()
    assert response.status_code == 400 and forms.ENTER_QUESTION in page and forms.CHOOSE_ANSWER_TYPE in page


def test_publishing_an_empty_draft_shows_why_not(client, psw):
    client.force_login(psw)
    response = client.post(
        reverse("audits:tool_create"),
        {"name": "Step-down audit", "audit_type": "themed", "scale": GradeScale.objects.get(code="ofsted").pk},
    )
    new = AuditTool.objects.get(name="Step-down audit")
    assert response.url == reverse("audits:tool_version", args=[new.draft_version().pk])
    response = client.post(reverse("audits:tool_version_publish", args=[new.draft_version().pk]))
    assert response.status_code == 400
    assert tool_editing.NEEDS_A_SECTION in response.content.decode()


def test_the_pages_of_a_published_version_change_nothing(client, psw):
    published = tool("dip-sample").current_version()
    section = published.sections.first()
    client.force_login(psw)
    assert client.get(reverse("audits:section_edit", args=[section.pk])).status_code == 404
    assert client.post(reverse("audits:section_remove", args=[section.pk])).status_code == 404
    question = section.questions.first()
    assert client.post(reverse("audits:question_remove", args=[question.pk])).status_code == 404
    assert client.get(reverse("audits:section_add", args=[published.pk])).status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()


def test_the_tool_list_counts_audits_by_version(client, psw, north_team):
    AuditFactory.create_batch(3, team=north_team, tool_version=tool("dip-sample").current_version())
    client.force_login(psw)
    page = client.get(reverse("audits:tool_list")).content.decode()
    assert "Dip sample" in page and "Published" in page
    assert AuditToolVersion.objects.filter(audits__in=Audit.objects.all()).distinct().count() == 1
