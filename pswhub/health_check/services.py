"""Writes for the health check. Each records who made it, except the giving of a response:
a response is anonymous by design (docs/adr/0601-health-check-anonymity.md), so answering
writes the response with no link to the account and, separately, that the account has answered."""

from django.db import IntegrityError, transaction

from pswhub.core.periods import financial_year_of

from .models import (
    Answer,
    Comment,
    Commitment,
    CommitmentUpdate,
    FrontlineMeeting,
    FrontlinePoint,
    Invitation,
    LgaResult,
    Participation,
    Plan,
    Question,
    Response,
    ResponseService,
    Run,
    RunQuestion,
    RunService,
    Theme,
)
from .tallying import tallies_add, tallies_rebuild

NOT_INVITED = "You have not been invited to this health check"
RUN_NOT_OPEN = "This health check is not open for answers"
ALREADY_ANSWERED = "You have already answered this health check. Thank you"
CHOOSE_SERVICE = "Select the service you work in"


def _save(obj, user):
    obj._history_user = user
    obj.full_clean()
    obj.save()
    return obj


class AnswerRefused(Exception):
    pass


@transaction.atomic
def run_create(*, user, title, service, opens_on, closes_on, invited_users):
    """Sets up a run: the current questions with their wording as it is now, and the invitations."""
    run = _save(
        Run(
            title=title,
            service=service,
            year_start=financial_year_of(opens_on),
            opens_on=opens_on,
            closes_on=closes_on,
            source=Run.HUB,
        ),
        user,
    )
    _questions_copy(run)
    Invitation.objects.bulk_create([Invitation(run=run, user=invited) for invited in invited_users])
    return run


def _questions_copy(run):
    questions = Question.objects.filter(is_current=True).order_by("standard_id", "order", "code")
    return RunQuestion.objects.bulk_create(
        [
            RunQuestion(run=run, question=question, wording=question.wording, order=index)
            for index, question in enumerate(questions)
        ]
    )


def _response_service(*, run, team, service):
    if run.service != RunService.JOINT:
        return run.service
    if team is not None:
        return team.service.kind
    if service in ResponseService.values:
        return service
    raise AnswerRefused(CHOOSE_SERVICE)


@transaction.atomic
def response_submit(*, user, run, today, choices, role="", service="", comment=""):
    """Stores one anonymous response: the answers (`choices` maps a RunQuestion id to 1 to 5, or
    None for not applicable), the service, the team's name and the role group, and a comment;
    and, apart, that `user` has answered. Refused when the user was not invited, the run is not
    open, or they have answered already. Nothing written links the two."""
    if not Invitation.objects.filter(run=run, user=user).exists():
        raise AnswerRefused(NOT_INVITED)
    if not run.is_open(today):
        raise AnswerRefused(RUN_NOT_OPEN)
    Run.objects.select_for_update().filter(pk=run.pk).first()
    staff = getattr(user, "staff_member", None)
    team = staff.team if staff is not None and staff.team_id else None
    try:
        with transaction.atomic():
            Participation.objects.create(run=run, user=user)
    except IntegrityError as error:
        raise AnswerRefused(ALREADY_ANSWERED) from error
    response = Response.objects.create(
        run=run,
        service=_response_service(run=run, team=team, service=service),
        team_name=team.name if team is not None else "",
        role=role,
    )
    tallies_add(response=response, choices=_answers_write(response, choices))
    if comment.strip():
        Comment.objects.create(response=response, text=comment.strip())
    return response


def _answers_write(response, choices):
    question_ids = set(RunQuestion.objects.filter(run_id=response.run_id).values_list("pk", flat=True))
    asked = {question_id: choice for question_id, choice in choices.items() if question_id in question_ids}
    Answer.objects.bulk_create(
        [Answer(response=response, question_id=question_id, choice=choice) for question_id, choice in asked.items()]
    )
    return asked


@transaction.atomic
def responses_import(*, user, year_start, title, rows, invited_count=None):
    """Imports checked rows of a survey run elsewhere as one run of the year: each row is
    {"service", "team", "choices": {question code: 1 to 5 or None}}. A run with rows for both
    services is a joint run."""
    services = {row["service"] for row in rows}
    run = _save(
        Run(
            title=title,
            service=services.pop() if len(services) == 1 else RunService.JOINT,
            year_start=year_start,
            source=Run.IMPORTED,
            invited_count=invited_count,
        ),
        user,
    )
    by_code = {run_question.question.code: run_question for run_question in _questions_copy(run)}
    responses = Response.objects.bulk_create(
        [Response(run=run, service=row["service"], team_name=row["team"]) for row in rows]
    )
    Answer.objects.bulk_create(
        [
            Answer(response=response, question=by_code[code], choice=choice)
            for response, row in zip(responses, rows, strict=True)
            for code, choice in row["choices"].items()
        ]
    )
    tallies_rebuild(run)
    return run


@transaction.atomic
def comment_review(*, user, comment, shown_text, today):
    """Records that the PSW has read a comment, with the text to show (names redacted)."""
    comment.shown_text = shown_text
    comment.reviewed_by = user
    comment.reviewed_on = today
    comment.save(update_fields=["shown_text", "reviewed_by", "reviewed_on"])
    return comment


@transaction.atomic
def question_save(*, user, question=None, **fields):
    question = question or Question()
    for name, value in fields.items():
        setattr(question, name, value)
    return _save(question, user)


@transaction.atomic
def lga_result_save(*, user, year_start, service, scores):
    """The LGA's results for a year and service, one score per standard number (None: not given)."""
    saved = []
    for number, score in scores.items():
        if score is None:
            LgaResult.objects.filter(year_start=year_start, service=service, standard_id=number).delete()
            continue
        result = LgaResult.objects.filter(year_start=year_start, service=service, standard_id=number).first()
        result = result or LgaResult(year_start=year_start, service=service, standard_id=number)
        result.score = score
        saved.append(_save(result, user))
    return saved


@transaction.atomic
def plan_save(*, user, plan=None, runs=None, **fields):
    plan = plan or Plan()
    for name, value in fields.items():
        setattr(plan, name, value)
    _save(plan, user)
    if runs is not None:
        plan.runs.set(runs)
    return plan


@transaction.atomic
def plan_publish(*, user, plan, today):
    plan.published_on = today
    return _save(plan, user)


@transaction.atomic
def theme_save(*, user, plan=None, theme=None, **fields):
    theme = theme or Theme(plan=plan)
    for name, value in fields.items():
        setattr(theme, name, value)
    return _save(theme, user)


@transaction.atomic
def commitment_save(*, user, theme=None, commitment=None, **fields):
    commitment = commitment or Commitment(theme=theme)
    for name, value in fields.items():
        setattr(commitment, name, value)
    return _save(commitment, user)


@transaction.atomic
def commitment_update_add(*, user, commitment, as_at, rag, narrative):
    return _save(
        CommitmentUpdate(commitment=commitment, as_at=as_at, rag=rag, narrative=narrative, created_by=user), user
    )


@transaction.atomic
def frontline_meeting_save(*, user, meeting=None, teams=None, **fields):
    meeting = meeting or FrontlineMeeting()
    for name, value in fields.items():
        setattr(meeting, name, value)
    _save(meeting, user)
    if teams is not None:
        meeting.teams.set(teams)
    return meeting


@transaction.atomic
def frontline_point_add(*, user, meeting, raised, commitment=None):
    return _save(FrontlinePoint(meeting=meeting, raised=raised, commitment=commitment), user)
