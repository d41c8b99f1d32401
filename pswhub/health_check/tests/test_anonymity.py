"""Anonymity by design (docs/adr/0601-health-check-anonymity.md): nothing in the database joins a
response to a person, and no result of any kind exists for a group below the survey threshold,
nor a pair of results from which one could be worked out."""

from datetime import date

import pytest
from django.apps import apps
from django.db import models
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from pswhub.health_check import anonymity, selectors, services
from pswhub.health_check.models import Answer, CellTally, Comment, Invitation, Participation, Response, Tally
from pswhub.health_check.tallying import tallies_rebuild
from pswhub.health_check.tests.factories import RunFactory, respond_many

ANONYMOUS = (Response, Answer, Comment)


def _relations_to(model):
    return [field for field in model._meta.get_fields() if field.is_relation and field.related_model is not None]


def test_no_anonymous_record_refers_to_an_account_a_staff_record_or_who_answered():
    allowed = {Response: {"run", "answers", "comment"}, Answer: {"response", "question"}, Comment: {"response"}}
    for model in ANONYMOUS:
        names = {field.name for field in _relations_to(model)}
        assert names <= allowed[model] | {"reviewed_by"}, model
    comment_links = {field.name: field.related_model for field in _relations_to(Comment)}
    # The PSW who read a comment is recorded; the person who wrote it is not.
    assert comment_links["reviewed_by"]._meta.label == "core.User"


def test_no_other_record_refers_to_a_response_an_answer_or_a_comment():
    for model in apps.get_models():
        if model in ANONYMOUS:
            continue
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete:
                assert field.related_model not in ANONYMOUS, f"{model.__name__}.{field.name}"


def test_anonymous_records_keep_no_time_and_no_history_and_have_random_keys():
    for model in ANONYMOUS:
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.DateTimeField | models.DateField | models.GenericIPAddressField) or (
                model is Comment and field.name == "reviewed_on"
            ), f"{model.__name__}.{field.name}"
        assert isinstance(model._meta.pk, models.UUIDField)
        assert not hasattr(model, "history")
    assert not hasattr(Participation, "history") and not hasattr(Invitation, "history")


def test_who_has_answered_says_only_the_run_and_the_person():
    assert {field.name for field in Participation._meta.concrete_fields} == {"id", "run", "user"}


def test_answering_stores_the_response_apart_from_the_record_that_the_person_answered(db, north_worker):
    run = RunFactory(opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 31))
    Invitation.objects.create(run=run, user=north_worker)
    question = run.questions.first()
    services.response_submit(
        user=north_worker, run=run, today=date(2025, 10, 2), choices={question.pk: 4}, comment="More time to reflect."
    )
    response = Response.objects.get()
    assert Participation.objects.filter(run=run, user=north_worker).exists()
    values = {field.name: getattr(response, field.attname) for field in Response._meta.concrete_fields}
    assert values == {"id": response.pk, "run": run.pk, "service": "children", "team_name": "North", "role": ""}
    assert response.team_name == "North"


@override_settings(PSWHUB_SURVEY_THRESHOLD=2)
def test_the_survey_threshold_is_never_below_five():
    assert anonymity.survey_threshold() == 5


@override_settings(PSWHUB_SURVEY_THRESHOLD=12)
def test_the_survey_threshold_is_its_own_setting():
    assert anonymity.survey_threshold() == 12


@pytest.mark.parametrize("respondents", [1, 4, 9])
@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_below_the_threshold_there_is_no_score_no_count_no_rate_and_no_comment(db, respondents, psw):
    run = RunFactory(source="imported", invited_count=20)
    for response in respond_many(run, respondents, choices={"manageable_workload": 4}):
        comment = Comment.objects.create(response=response, text="Too much work")
        services.comment_review(user=psw, comment=comment, shown_text="Too much work", today=date(2025, 11, 1))
    figures = selectors.figures(year_start=2025, service="children").as_figures()
    assert figures["suppressed"] is True and figures["responses"] is None
    assert set(figures["by_standard"].values()) == {None} and set(figures["bands"].values()) == {None}
    assert selectors.response_rate(run) is None
    assert selectors.comments_shown(run) == []
    assert selectors.run_summary(run)["whole"].items == {}


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_at_the_threshold_results_and_read_comments_are_shown(db, psw):
    run = RunFactory()
    responses = respond_many(run, 10, choices={"manageable_workload": 4})
    comment = Comment.objects.create(response=responses[0], text="Jo Bloggs helped")
    Comment.objects.create(response=responses[1], text="Not yet read")
    assert selectors.comments_shown(run) == []
    services.comment_review(user=psw, comment=comment, shown_text="[name] helped", today=date(2025, 11, 1))
    assert selectors.comments_shown(run) == ["[name] helped"]
    assert selectors.figures(year_start=2025, service="children").as_figures()["by_standard"]["3"] == 75


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_a_team_at_the_threshold_is_hidden_when_the_rest_of_its_service_could_be_worked_out(db):
    """12 respondents: North 10, South 2. Showing North beside the service's 12 would give South's
    two answers by difference, so North is hidden too."""
    run = RunFactory()
    respond_many(run, 10, team="North", choices={"manageable_workload": 5})
    respond_many(run, 2, team="South", choices={"manageable_workload": 1})
    assert selectors.figures(year_start=2025, service="children", team="North").suppressed
    assert selectors.figures(year_start=2025, service="children", team="South").suppressed
    assert selectors.figures(year_start=2025, service="children").responses == 12
    breakdown = selectors.run_breakdowns(run)["team_name"]
    assert breakdown["shown"] == [] and breakdown["hidden"] == 2


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_a_standard_few_answered_in_a_group_is_not_scored(db):
    # 10 respondents; only 3 answered any item of standard 8.
    run = RunFactory()
    respond_many(run, 3, choices={"manageable_workload": 4, "students_supported": 1})
    respond_many(run, 7, choices={"manageable_workload": 4})
    figures = selectors.figures(year_start=2025, service="children").as_figures()
    assert figures["by_standard"]["3"] == 75 and figures["by_standard"]["8"] is None


counts_strategy = st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(min_value=0, max_value=30), max_size=7)


@given(counts=counts_strategy, outside=st.integers(min_value=0, max_value=12), limit=st.integers(5, 12))
def test_no_group_below_the_threshold_and_no_small_remainder_is_ever_shown(counts, outside, limit):
    total = sum(counts.values()) + outside
    shown = anonymity.groups_shown(counts, total, limit)
    if total < limit:
        assert shown == set()
    for group in shown:
        assert counts[group] >= limit
    # Whatever shown groups a reader subtracts from the whole, the rest is 0 or at least the limit.
    rest = total - sum(counts[group] for group in shown)
    assert not shown or rest == 0 or rest >= limit


@given(counts=counts_strategy, limit=st.integers(5, 12))
def test_every_group_that_can_be_shown_safely_is_shown(counts, limit):
    total = sum(counts.values())
    shown = anonymity.groups_shown(counts, total, limit)
    if total >= limit and all(count == 0 or count >= limit for count in counts.values()):
        assert shown == {group for group, count in counts.items() if count >= limit}


class TestTeamResultsThroughTheDatabase(HypothesisTestCase):
    """Teams of random sizes: a team's result exists only when the team and what is left of its
    service outside the shown teams are both at least the threshold."""

    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(sizes=st.lists(st.integers(min_value=0, max_value=13), min_size=1, max_size=3))
    @override_settings(PSWHUB_SURVEY_THRESHOLD=5)
    def test_team_results(self, sizes):
        run = RunFactory()
        for index, size in enumerate(sizes):
            respond_many(run, size, team=f"Team {index}", choices={"manageable_workload": 1 + index})
        total = sum(sizes)
        shown = []
        for index, size in enumerate(sizes):
            figures = selectors.figures(year_start=2025, service="children", team=f"Team {index}").as_figures()
            if not figures["suppressed"]:
                assert figures["responses"] == size >= 5
                shown.append(size)
            else:
                assert figures["responses"] is None and set(figures["by_standard"].values()) == {None}
        rest = total - sum(shown)
        assert not shown or rest == 0 or rest >= 5
        whole = selectors.figures(year_start=2025, service="children").as_figures()
        assert whole["suppressed"] == (total < 5)


def test_the_tallies_count_cells_and_refer_to_no_response_and_no_person():
    for model in (Tally, CellTally):
        related = {field.related_model for field in _relations_to(model)}
        assert not related & {Response, Answer, Comment, Participation, Invitation}
        assert "core.User" not in {m._meta.label for m in related}
        assert not hasattr(model, "history")


def test_the_tallies_kept_while_answering_are_those_counted_from_the_answers(db, north_worker, south_worker):
    run = RunFactory(opens_on=date(2025, 10, 1), closes_on=date(2025, 10, 31))
    questions = list(run.questions.select_related("question"))
    for user, choice in ((north_worker, 4), (south_worker, None)):
        Invitation.objects.create(run=run, user=user)
        choices = {q.pk: (choice if q.question.standard_id == 5 else 2) for q in questions}
        services.response_submit(user=user, run=run, today=date(2025, 10, 2), choices=choices, role="practitioner")

    def kept():
        return (
            sorted(Tally.objects.filter(run=run).values_list("team_name", "question_id", "answered", "choice_sum")),
            sorted(CellTally.objects.filter(run=run).values_list("team_name", "standard", "responses")),
        )

    while_answering = kept()
    tallies_rebuild(run)
    assert kept() == while_answering
    # South's worker answered not applicable to every standard 5 item: standard 5 counts North only.
    assert ("North", 5, 1) in while_answering[1] and ("South", 5, 1) not in while_answering[1]
