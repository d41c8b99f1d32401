"""Answering the survey and reading results through the pages, with every role's can and cannot."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from pswhub.health_check.models import Comment, Invitation, Participation, Response
from pswhub.health_check.tests.factories import (
    CommitmentFactory,
    CommitmentUpdateFactory,
    PlanFactory,
    RunFactory,
    ThemeFactory,
    respond_many,
)
from pswhub.health_check.views import THANK_YOU

RESULT_READERS = {"psw", "qa_officer", "head_of_service"}
STAFF = {
    "psw",
    "qa_officer",
    "auditor",
    "hr_officer",
    "head_of_service",
    "admin",
    "north_manager",
    "north_worker",
    "south_worker",
}


@pytest.fixture
def open_run(db):
    today = timezone.localdate()
    return RunFactory(opens_on=today - timedelta(days=1), closes_on=today + timedelta(days=10))


def _answers(run, choice="4"):
    data = {f"q{question.pk}": choice for question in run.questions.all()}
    return data | {"role": "practitioner", "comment": ""}


def test_an_invited_social_worker_answers_once(client, north_worker, open_run):
    Invitation.objects.create(run=open_run, user=north_worker)
    client.force_login(north_worker)
    url = reverse("health_check:answer", args=[open_run.pk])
    page = client.get(url).content.decode()
    assert open_run.questions.first().wording in page and "Not applicable" in page
    response = client.post(url, _answers(open_run), follow=True)
    assert THANK_YOU in response.content.decode()
    assert Response.objects.filter(run=open_run).count() == 1
    assert Participation.objects.filter(run=open_run, user=north_worker).exists()
    assert client.get(url).status_code == 403
    assert client.post(url, _answers(open_run)).status_code == 403
    assert Response.objects.filter(run=open_run).count() == 1


def test_a_missing_answer_is_asked_for_again_and_nothing_is_stored(client, north_worker, open_run):
    Invitation.objects.create(run=open_run, user=north_worker)
    client.force_login(north_worker)
    data = _answers(open_run)
    data.pop(f"q{open_run.questions.first().pk}")
    page = client.post(reverse("health_check:answer", args=[open_run.pk]), data).content.decode()
    assert "Select an answer, or Not applicable" in page
    assert not Response.objects.exists() and not Participation.objects.exists()


def test_someone_not_invited_cannot_answer(client, south_worker, open_run):
    client.force_login(south_worker)
    assert client.get(reverse("health_check:answer", args=[open_run.pk])).status_code == 403


def test_a_closed_run_cannot_be_answered(client, north_worker):
    today = timezone.localdate()
    run = RunFactory(opens_on=today - timedelta(days=30), closes_on=today - timedelta(days=1))
    Invitation.objects.create(run=run, user=north_worker)
    client.force_login(north_worker)
    assert client.get(reverse("health_check:answer", args=[run.pk])).status_code == 403


def test_a_councillor_cannot_answer_even_if_invited(client, councillor, open_run):
    Invitation.objects.create(run=open_run, user=councillor)
    client.force_login(councillor)
    assert client.get(reverse("health_check:answer", args=[open_run.pk])).status_code == 403


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_only_the_psw_qa_and_heads_of_service_read_results(client, everyone):
    run = RunFactory()
    respond_many(run, 10, choices={"manageable_workload": 4})
    for person, user in everyone.items():
        client.force_login(user)
        for url in (reverse("health_check:run_list"), reverse("health_check:run_results", args=[run.pk])):
            expected = 200 if person in RESULT_READERS else 403
            assert client.get(url).status_code == expected, (person, url)


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_the_results_page_shows_scores_with_bands_and_no_result_below_the_threshold(client, psw):
    run = RunFactory()
    respond_many(run, 10, team="North", choices={"manageable_workload": 4})
    small = RunFactory(title="Small run")
    respond_many(small, 9, choices={"manageable_workload": 4})
    client.force_login(psw)
    page = client.get(reverse("health_check:run_results", args=[run.pk])).content.decode()
    assert "Standard 3: Safe workloads and case allocation" in page and ">75<" in page.replace(" ", "").replace(
        "\n", ""
    )
    assert "High" in page
    small_page = client.get(reverse("health_check:run_results", args=[small.pk])).content.decode()
    assert "Fewer than 10 people have answered, so no result is shown." in small_page
    small_main = small_page.split('id="main-content"')[1].split("Year on year")[0]
    assert "75" not in small_main
    listing = client.get(reverse("health_check:run_list")).content.decode()
    assert "Fewer than 10" in listing


def test_only_the_psw_sets_up_runs_enters_lga_results_and_reads_comments(client, everyone):
    run = RunFactory()
    for person, user in everyone.items():
        client.force_login(user)
        for url in (
            reverse("health_check:run_create"),
            reverse("health_check:lga_result_entry"),
            reverse("health_check:comment_list", args=[run.pk]),
        ):
            assert client.get(url).status_code == (200 if person == "psw" else 403), (person, url)


def test_the_psw_sets_up_a_run_inviting_staff_of_the_service(client, psw, north_worker, adults_team):
    client.force_login(psw)
    response = client.post(
        reverse("health_check:run_create"),
        {
            "title": "Children's health check 2026",
            "service": "children",
            "opens_on-day": "1",
            "opens_on-month": "10",
            "opens_on-year": "2026",
            "closes_on-day": "31",
            "closes_on-month": "10",
            "closes_on-year": "2026",
        },
    )
    assert response.status_code == 302
    invited = set(Invitation.objects.values_list("user__username", flat=True))
    assert north_worker.username in invited and psw.username not in invited


def test_the_psw_reads_and_redacts_a_comment_and_a_head_of_service_cannot(client, psw, head_of_service):
    run = RunFactory()
    response = respond_many(run, 1)[0]
    comment = Comment.objects.create(response=response, text="Sam in North is great")
    url = reverse("health_check:comment_review", args=[comment.pk])
    client.force_login(head_of_service)
    assert client.post(url, {f"{comment.pk}-shown_text": "x"}).status_code == 403
    client.force_login(psw)
    client.post(url, {f"{comment.pk}-shown_text": "[removed] in North is great"})
    comment.refresh_from_db()
    assert comment.shown_text == "[removed] in North is great" and comment.reviewed_by == psw


def test_a_published_plan_is_read_by_every_member_of_staff_and_not_by_councillors(client, everyone):
    update = CommitmentUpdateFactory(commitment__theme__plan__published_on=timezone.localdate())
    plan = update.commitment.theme.plan
    for person, user in everyone.items():
        client.force_login(user)
        response = client.get(reverse("health_check:plan_detail", args=[plan.pk]))
        assert response.status_code == (200 if person in STAFF else 403), person
        if person in STAFF:
            page = response.content.decode()
            assert "You said" in page and "We will" in page and "We expect you" in page
            assert "Green: on track" in page


def test_an_unpublished_plan_is_read_only_by_the_psw(client, psw, north_worker):
    plan = PlanFactory()
    ThemeFactory(plan=plan)
    client.force_login(north_worker)
    assert client.get(reverse("health_check:plan_detail", args=[plan.pk])).status_code == 403
    assert plan.title not in client.get(reverse("health_check:plan_list")).content.decode()
    client.force_login(psw)
    assert client.get(reverse("health_check:plan_detail", args=[plan.pk])).status_code == 200


def test_the_psw_publishes_a_plan_and_a_social_worker_cannot(client, psw, north_worker):
    plan = PlanFactory()
    url = reverse("health_check:plan_publish", args=[plan.pk])
    client.force_login(north_worker)
    assert client.post(url).status_code == 403
    client.force_login(psw)
    client.post(url)
    plan.refresh_from_db()
    assert plan.is_published


def test_only_the_psw_adds_progress_to_a_commitment(client, psw, north_worker):
    commitment = CommitmentFactory(theme__plan__published_on=timezone.localdate())
    url = reverse("health_check:commitment_detail", args=[commitment.pk])
    data = {"as_at-day": "1", "as_at-month": "6", "as_at-year": "2025", "rag": "amber", "narrative": "Behind"}
    client.force_login(north_worker)
    assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 403
    client.force_login(psw)
    assert client.post(url, data).status_code == 302
    assert commitment.updates.get().rag == "amber"


def test_only_the_psw_records_meetings_with_practitioners(client, everyone):
    for person, user in everyone.items():
        client.force_login(user)
        assert client.get(reverse("health_check:frontline_list")).status_code == (200 if person == "psw" else 403)


def test_a_point_raised_by_practitioners_links_to_a_commitment(client, psw, north_team):
    commitment = CommitmentFactory()
    client.force_login(psw)
    response = client.post(
        reverse("health_check:frontline_create"),
        {
            "title": "Practice forum",
            "held_on-day": "3",
            "held_on-month": "2",
            "held_on-year": "2026",
            "teams": [north_team.pk],
        },
    )
    meeting_url = response["Location"]
    client.post(meeting_url, {"raised": "Supervision is cancelled too often", "commitment": commitment.pk})
    page = client.get(reverse("health_check:commitment_detail", args=[commitment.pk])).content.decode()
    assert "Supervision is cancelled too often" in page


def test_the_health_check_page_lists_surveys_to_answer_for_staff_only(client, north_worker, councillor, open_run):
    Invitation.objects.create(run=open_run, user=north_worker)
    client.force_login(north_worker)
    assert open_run.title in client.get(reverse("health_check:home")).content.decode()
    client.force_login(councillor)
    assert client.get(reverse("health_check:home")).status_code == 403


def test_the_psw_rewords_a_question_for_new_runs_and_a_past_run_keeps_its_wording(client, psw, qa_officer):
    from pswhub.health_check.models import Question

    past = RunFactory()
    question = Question.objects.get(code="regular_supervision")
    url = reverse("health_check:question_edit", args=[question.pk])
    client.force_login(qa_officer)
    assert client.get(url).status_code == 403
    client.force_login(psw)
    client.post(url, {"wording": "I get supervision as often as the policy says.", "is_current": "on"})
    question.refresh_from_db()
    assert question.wording == "I get supervision as often as the policy says."
    assert past.questions.get(question=question).wording.startswith("I receive regular, uninterrupted supervision")


def test_the_psw_adds_and_retires_questions(client, psw):
    from pswhub.health_check.models import Question

    client.force_login(psw)
    client.post(
        reverse("health_check:question_create"),
        {"code": "hybrid_working", "standard": "4", "wording": "Hybrid working works for me.", "is_current": "on"},
    )
    added = Question.objects.get(code="hybrid_working")
    assert added.column == "s4_hybrid_working"
    client.post(reverse("health_check:question_edit", args=[added.pk]), {"wording": added.wording})
    added.refresh_from_db()
    assert not added.is_current
    page = client.post(
        reverse("health_check:question_create"),
        {"code": "hybrid_working", "standard": "4", "wording": "Again", "is_current": "on"},
    ).content.decode()
    assert "Another question already has this code" in page


def test_the_home_page_asks_an_invited_worker_to_answer_and_not_one_who_has(client, north_worker, open_run):
    Invitation.objects.create(run=open_run, user=north_worker)
    client.force_login(north_worker)
    assert "Health check surveys open for you to answer" in client.get(reverse("core:home")).content.decode()
    Participation.objects.create(run=open_run, user=north_worker)
    assert "Health check surveys open for you to answer" not in client.get(reverse("core:home")).content.decode()


def test_the_psw_is_told_of_unread_comments_and_a_head_of_service_is_not(client, psw, head_of_service):
    Comment.objects.create(response=respond_many(RunFactory(), 1)[0], text="Unread")
    client.force_login(psw)
    assert "Health check comments to read" in client.get(reverse("core:home")).content.decode()
    client.force_login(head_of_service)
    assert "Health check comments to read" not in client.get(reverse("core:home")).content.decode()


def test_the_psw_makes_a_joint_plan_from_a_childrens_and_an_adults_run_and_a_manager_cannot(client, psw, north_manager):
    from pswhub.health_check.models import Plan

    children, adults = RunFactory(service="children"), RunFactory(service="adults")
    data = {"title": "Joint plan", "service": "joint", "year_start": "2025", "runs": [children.pk, adults.pk]}
    client.force_login(north_manager)
    assert client.post(reverse("health_check:plan_create"), data).status_code == 403
    client.force_login(psw)
    client.post(reverse("health_check:plan_create"), data)
    plan = Plan.objects.get(title="Joint plan")
    assert plan.service == "joint" and set(plan.runs.all()) == {children, adults}
