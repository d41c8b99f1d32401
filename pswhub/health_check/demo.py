"""Demo data: three years of health check runs for each service (2023/24 to 2025/26), the LGA's
results for 2022/23 entered by hand, an open children's run the demo social worker is invited
to, a joint action plan published to staff, and a meeting with practitioners. Generated from
the demo's fixed seed, so every machine gets the same results."""

from datetime import date, timedelta

from django.utils import timezone

from pswhub.core.models import StaffMember, User

from .models import (
    Answer,
    Comment,
    Commitment,
    CommitmentUpdate,
    FrontlineMeeting,
    FrontlinePoint,
    Invitation,
    LgaResult,
    Plan,
    Question,
    RespondentRole,
    Response,
    Run,
    RunQuestion,
    Theme,
)
from .tallying import tallies_rebuild

YEARS = (2023, 2024, 2025)
# Each standard's usual answer (1 to 5) in the demo council; wellbeing slips a little each year
# (seed 001: "a slight increase in stress levels").
LEANING = {1: 3.9, 2: 3.4, 3: 2.9, 4: 3.6, 5: 3.8, 6: 3.7, 7: 4.2, 8: 3.5}
LGA_2022 = {"children": [68, 55, 47, 63, 70, 66, 79, 60], "adults": [71, 58, 52, 66, 72, 64, 81, 62]}
ROLES = [RespondentRole.PRACTITIONER] * 6 + [RespondentRole.SENIOR] * 2 + [RespondentRole.MANAGER, ""]

THEMES = [
    (
        "Workload and work-life balance",
        "Your workload is often too high to finish within your hours, and stress has risen slightly.",
        [("Review caseloads in every team each quarter against the weighting scheme.", "Heads of Service", 0)],
        "Tell your manager early when your workload is not manageable, and use the caseload review.",
    ),
    (
        "Reflective supervision",
        "Supervision is too often about case management, with little room to reflect.",
        [("Relaunch the supervision policy with a reflective section in every record.", "Principal Social Worker", 1)],
        "Prepare for supervision and bring a case you want to reflect on.",
    ),
    (
        "Having your say",
        "You are not always sure that what you say changes anything.",
        [("Hold a practitioner forum each quarter and report back what changed.", "Principal Social Worker", 2)],
        "Come to the forum or send your views through your team's representative.",
    ),
]


def _choice(rng, leaning):
    return max(1, min(5, round(rng.gauss(leaning, 0.9))))


def _run(*, rng, service, year, title, opens_on, teams, questions):
    staff = StaffMember.objects.filter(left_on__isnull=True, team__service__kind=service)
    invited = staff.count()
    run = Run.objects.create(
        title=title,
        service=service,
        year_start=year,
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=27),
        invited_count=invited,
    )
    asked = RunQuestion.objects.bulk_create(
        [RunQuestion(run=run, question=q, wording=q.wording, order=i) for i, q in enumerate(questions)]
    )
    return run, asked, invited


def _responses(*, rng, run, asked, count, service, teams, slip):
    responses = Response.objects.bulk_create(
        [Response(run=run, service=service, team_name=rng.choice(teams), role=rng.choice(ROLES)) for _ in range(count)]
    )
    answers = []
    for response in responses:
        for run_question in asked:
            standard = run_question.question.standard_id
            leaning = LEANING[standard] - (slip if standard == 4 else 0)
            choice = None if rng.random() < 0.04 else _choice(rng, leaning)
            answers.append(Answer(response=response, question=run_question, choice=choice))
    Answer.objects.bulk_create(answers, batch_size=2000)
    tallies_rebuild(run)
    return responses


def load_health_check_demo(*, rng, authority, today):
    questions = list(Question.objects.filter(is_current=True).select_related("standard"))
    psw = User.objects.filter(username="demo-psw").first()
    for service in ("children", "adults"):
        teams = list(
            StaffMember.objects.filter(left_on__isnull=True, team__service__kind=service)
            .values_list("team__name", flat=True)
            .distinct()
        )
        for number, score in enumerate(LGA_2022[service], start=1):
            LgaResult.objects.create(year_start=2022, service=service, standard_id=number, score=score)
        for index, year in enumerate(YEARS):
            opens_on = date(year, 10 if service == "children" else 11, 1)
            name = "Children's" if service == "children" else "Adults'"
            run, asked, invited = _run(
                rng=rng,
                service=service,
                year=year,
                title=f"{name} Social Work Health Check {year}/{(year + 1) % 100:02d}",
                opens_on=opens_on,
                teams=teams,
                questions=questions,
            )
            count = int(invited * rng.uniform(0.55, 0.7))
            responses = _responses(
                rng=rng, run=run, asked=asked, count=count, service=service, teams=teams, slip=0.15 * index
            )
            for response, text in zip(
                responses,
                ["Supervision has improved this year.", "Caseloads in my team are too high.", "I feel listened to."],
                strict=False,
            ):
                Comment.objects.create(
                    response=response,
                    text=text,
                    shown_text=text,
                    reviewed_by=psw,
                    reviewed_on=opens_on + timedelta(days=40),
                )
    open_run = Run.objects.create(
        title="Children's Social Work Health Check 2026/27",
        service="children",
        year_start=2026,
        opens_on=today - timedelta(days=10),
        # Open for four weeks from whichever is later, the demo's day or the day it is loaded, so
        # the demo social worker can always answer it.
        closes_on=max(today, timezone.localdate()) + timedelta(days=28),
    )
    RunQuestion.objects.bulk_create(
        [RunQuestion(run=open_run, question=q, wording=q.wording, order=i) for i, q in enumerate(questions)]
    )
    Invitation.objects.bulk_create(
        [
            Invitation(run=open_run, user=user)
            for user in User.objects.filter(staff_member__team__service__kind="children", is_active=True)
        ]
    )
    _plan(psw=psw, runs=Run.objects.filter(year_start=2025), today=today)


def _plan(*, psw, runs, today):
    plan = Plan.objects.create(
        title="Joint Social Work Health Check Action Plan 2025/26",
        service="joint",
        year_start=2025,
        introduction="What you told us in the 2025/26 health check, what we will do, and what we expect of you.",
        published_on=date(2026, 1, 20),
    )
    plan.runs.set(runs)
    meeting = FrontlineMeeting.objects.create(title="Practitioner forum", held_on=date(2026, 2, 12))
    for order, (title, said, commitments, expect) in enumerate(THEMES):
        theme = Theme.objects.create(plan=plan, title=title, you_said=said, we_expect=expect, order=order)
        for we_will, owner, months in commitments:
            commitment = Commitment.objects.create(
                theme=theme, we_will=we_will, owner_name=owner, owner=psw, due_on=date(2026, 6 + months, 30)
            )
            for step, rag in enumerate(["green", "amber", "green"][: months + 1]):
                as_at = date(2026, 2, 1) + timedelta(days=60 * step)
                if as_at <= today:
                    CommitmentUpdate.objects.create(
                        commitment=commitment,
                        as_at=as_at,
                        rag=rag,
                        narrative="Progress reviewed with staff.",
                        created_by=psw,
                    )
            if months == 1:
                FrontlinePoint.objects.create(
                    meeting=meeting,
                    raised="Supervision gets cancelled when the duty rota is busy.",
                    commitment=commitment,
                )
