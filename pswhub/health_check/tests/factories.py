from datetime import date

import factory
from factory.django import DjangoModelFactory

from pswhub.health_check.models import (
    Answer,
    Commitment,
    CommitmentUpdate,
    Plan,
    Question,
    Response,
    Run,
    RunQuestion,
    Theme,
)
from pswhub.health_check.tallying import tallies_rebuild


class RunFactory(DjangoModelFactory):
    class Meta:
        model = Run
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Health check {n}")
    service = "children"
    year_start = 2025
    opens_on = date(2025, 10, 1)
    closes_on = date(2025, 10, 31)

    @factory.post_generation
    def with_questions(run, create, extracted, **kwargs):
        if create:
            RunQuestion.objects.bulk_create(
                [
                    RunQuestion(run=run, question=question, wording=question.wording, order=index)
                    for index, question in enumerate(Question.objects.filter(is_current=True))
                ]
            )


def respond(run, *, service="children", team="", role="", choices=None):
    """A response with `choices` {question code: 1 to 5 or None}."""
    response = Response.objects.create(run=run, service=service, team_name=team, role=role)
    by_code = {rq.question.code: rq for rq in run.questions.select_related("question")}
    Answer.objects.bulk_create(
        [Answer(response=response, question=by_code[code], choice=choice) for code, choice in (choices or {}).items()]
    )
    tallies_rebuild(run)
    return response


def respond_many(run, count, service="children", team="", role="", choices=None):
    """`count` responses alike, written in bulk, with the run's tallies counted again."""
    responses = Response.objects.bulk_create(
        [Response(run=run, service=service, team_name=team, role=role) for _ in range(count)]
    )
    by_code = {rq.question.code: rq for rq in run.questions.select_related("question")}
    Answer.objects.bulk_create(
        [
            Answer(response=response, question=by_code[code], choice=choice)
            for response in responses
            for code, choice in (choices or {}).items()
        ]
    )
    tallies_rebuild(run)
    return responses


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    title = "Health check action plan 2025/26"
    service = "children"
    year_start = 2025


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    plan = factory.SubFactory(PlanFactory)
    title = "Workload and work-life balance"
    you_said = "Your workload is too high to keep a healthy balance."
    we_expect = "Tell your manager early when your workload is not manageable."


class CommitmentFactory(DjangoModelFactory):
    class Meta:
        model = Commitment

    theme = factory.SubFactory(ThemeFactory)
    we_will = "Review caseloads in every team each quarter."
    owner_name = "Head of Service"
    due_on = date(2026, 3, 31)


class CommitmentUpdateFactory(DjangoModelFactory):
    class Meta:
        model = CommitmentUpdate

    commitment = factory.SubFactory(CommitmentFactory)
    as_at = date(2026, 1, 15)
    rag = "green"
    narrative = "Caseload reviews held in every team."
