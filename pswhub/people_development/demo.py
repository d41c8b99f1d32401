"""People development for the demo council: seven academic years of placements, practice
educators, Step Up, apprenticeship and Firstline cohorts, early career records with their reviews
(some due now), and progression panels twice a year, the latest with applications waiting. Built
from its own fixed seed so other parts of the demo are not disturbed."""

import random
from datetime import date, timedelta
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from pswhub.core.models import StaffMember

from . import reference, schedule, services
from .models import EarlyCareerProgramme, Placement, ProgressionApplication
from .models import ProgressionPanel as Panel

SEED = 20261205
FIRST_YEAR = 2019
UNIVERSITIES = [
    "University of Northshire",
    "Northshire Metropolitan University",
    "Open University",
    "Eastbridge University",
]
ROUTE_WEIGHTS = [("degree", 10), ("masters", 6), ("step_up", 2), ("frontline", 1), ("apprenticeship", 2), ("other", 1)]
EARLY_CAREER_TITLE = "Newly Qualified Social Worker (ASYE)"


def people_development_demo_load(*, rng, authority, today):
    rng = random.Random(SEED)
    staff = list(StaffMember.objects.select_related("team").order_by("employee_number"))
    in_post = [member for member in staff if member.left_on is None]
    educators = _educators(rng, in_post, today)
    records = _early_careers(rng, staff, in_post, today)
    _placements(rng, educators, records, today)
    _cohorts(rng, in_post)
    _progression(rng, in_post, today)
    _personas(today)


def _personas(today):
    """The demo social worker passed her ASYE and progressed at a panel, so her own page has a
    history to show."""
    worker = StaffMember.objects.filter(user__username="demo-worker").first()
    if worker is None:
        return
    asye = EarlyCareerProgramme.objects.get(code=reference.ASYE)
    record = services.early_career_record_save(
        staff_member=worker, programme=asye, started_on=worker.started_on, outcome="passed",
        completed_on=schedule.months_after(worker.started_on, 12),
    )  # fmt: skip
    for review in record.reviews.all():
        services.review_record(review=review, held_on=review.due_on, progress="on_track")
    services.progression_application_save(
        staff_member=worker,
        panel=Panel.objects.get(held_on=date(2023, 3, 15)),
        applied_on=date(2023, 2, 1),
        from_level_id="social_worker",
        to_level_id="experienced_social_worker",
        outcome="progressed",
    )


def _educators(rng, in_post, today):
    senior = [member for member in in_post if member.job_title in ("Senior Social Worker", "Advanced Practitioner")]
    educators = []
    for member in rng.sample(senior, min(18, len(senior))):
        qualified = date(rng.randint(FIRST_YEAR - 3, today.year - 1), rng.choice([3, 7, 11]), 1)
        educators.append(
            services.practice_educator_save(
                staff_member=member, stage=rng.choice([1, 2, 2]), qualified_on=qualified, capacity=rng.choice([1, 2])
            )
        )
    return educators


def _early_careers(rng, staff, in_post, today):
    """An open ASYE record for each newly qualified worker, assessed by a senior colleague, and a
    passed (or, for some leavers, withdrawn) record for about a third of the others who started since
    2019: the basis of the retention figures."""
    asye = EarlyCareerProgramme.objects.get(code=reference.ASYE)
    assessors = [member for member in in_post if member.job_title in ("Senior Social Worker", "Advanced Practitioner")]
    records = []
    for member in staff:
        if member.started_on is None or member.started_on.year < FIRST_YEAR:
            continue
        if member.job_title == EARLY_CAREER_TITLE and member.left_on is None:
            record = services.early_career_record_save(
                staff_member=member, programme=asye, started_on=member.started_on, outcome="in_progress",
                assessor=_colleague(rng, assessors, member),
            )  # fmt: skip
            for review in record.reviews.filter(due_on__lt=today - timedelta(days=10)):
                services.review_record(review=review, held_on=review.due_on, progress="on_track")
            records.append(record)
        elif member.job_title == "Social Worker" and rng.random() < 0.4:
            completed = schedule.months_after(member.started_on, 12)
            if completed >= today:
                continue
            left_early = member.left_on is not None and member.left_on < completed
            record = services.early_career_record_save(
                staff_member=member,
                programme=asye,
                started_on=member.started_on,
                outcome="withdrawn" if left_early else "passed",
                completed_on=member.left_on if left_early else completed,
                assessor=_colleague(rng, assessors, member),
            )
            for review in record.reviews.filter(due_on__lte=record.completed_on):
                services.review_record(review=review, held_on=review.due_on, progress="on_track")
            records.append(record)
    return records


def _colleague(rng, assessors, member):
    same_team = [other for other in assessors if other.team_id == member.team_id and other.pk != member.pk]
    return rng.choice(same_team or assessors) if assessors else None


def _placements(rng, educators, records, today):
    """Placements in each academic year since 2019/20; the final placement students the council
    later employed are its newly qualified workers of the following year."""
    routes = [code for code, weight in ROUTE_WEIGHTS for _ in range(weight)]
    starters_by_year = {}
    for record in records:
        starters_by_year.setdefault(record.started_on.year, []).append(record.staff_member)
    placements, number = [], 0
    for year in range(FIRST_YEAR, today.year + (1 if today.month >= 9 else 0)):
        hires = list(starters_by_year.get(year + 1, []))
        for position in range(rng.randint(34, 54)):
            number += 1
            kind = "final" if position % 2 else rng.choice(["first", "other", "first"])
            started = date(year, rng.choice([9, 10, 11]), rng.randint(1, 28))
            if kind == "final":
                started = date(year + 1, 1, rng.randint(4, 28))
            hired = hires.pop() if kind == "final" and hires and rng.random() < 0.8 else None
            ended = started + timedelta(days=rng.choice([70, 100, 120]) * 7 // 5)
            placements.append(
                Placement(
                    academic_year=year,
                    student_reference=f"NS{year % 100:02d}{number:04d}",
                    university=rng.choice(UNIVERSITIES),
                    route_id=rng.choice(routes),
                    kind=kind,
                    team=hired.team if hired else None,
                    practice_educator=rng.choice(educators) if educators else None,
                    days=100 if kind == "final" else 70,
                    started_on=started,
                    ended_on=ended if ended < today else None,
                    outcome="in_progress" if ended >= today else rng.choice(["passed"] * 12 + ["failed", "withdrawn"]),
                    hired=hired,
                )
            )
        services.placement_income_save(
            academic_year=year,
            amount=Decimal(rng.randint(180, 260) * 100),
            projected=year >= today.year,
        )
    bulk_create_with_history(placements, Placement)


def _cohorts(rng, in_post):
    workers = [member for member in in_post if member.job_title == "Social Worker"]
    cohorts = [
        ("step_up", "Step Up cohort 6", date(2019, 1, 7), 7, 6),
        ("step_up", "Step Up cohort 7", date(2021, 1, 11), 8, 7),
        ("apprenticeship", "Social work apprenticeship 2022", date(2022, 9, 5), 5, 4),
        ("apprenticeship", "Social work apprenticeship 2024", date(2024, 9, 2), 5, 0),
        ("leadership", "Firstline 2023", date(2023, 4, 17), 4, 4),
    ]
    for kind, name, started, places, qualified in cohorts:
        cohort = services.cohort_save(kind=kind, name=name, started_on=started, places=places)
        for position in range(places):
            done = position < qualified
            services.participant_save(
                cohort=cohort,
                reference=f"{name.split()[0][:2].upper()}{started.year % 100:02d}-{position + 1:02d}",
                status="qualified" if done else "in_progress" if not qualified else "withdrawn",
                completed_on=schedule.months_after(started, 14 if kind == "step_up" else 30) if done else None,
                staff_member=rng.choice(workers) if done and workers and rng.random() < 0.85 else None,
            )


def _progression(rng, in_post, today):
    """Two panels a year since 2019; the latest, held last month, still has applications waiting."""
    levels = [code for code, _name, _order in reference.PROGRESSION_LEVELS[:4]]
    candidates = [
        member
        for member in in_post
        if member.job_title in ("Social Worker", "Senior Social Worker") and member.user_id is None
    ]
    applications = []
    for year in range(FIRST_YEAR, today.year + 1):
        for month in (3, 10):
            held_on = date(year, month, 15)
            if held_on > today:
                continue
            panel = services.progression_panel_save(held_on=held_on)
            latest = held_on > today - timedelta(days=40)
            for member in rng.sample(candidates, min(len(candidates), rng.randint(7, 14))):
                step = rng.randint(0, len(levels) - 2)
                outcome = "waiting" if latest else rng.choice(["progressed"] * 6 + ["not_yet", "not_yet", "withdrawn"])
                applications.append(
                    ProgressionApplication(
                        staff_member=member,
                        panel=panel,
                        applied_on=held_on - timedelta(days=rng.randint(20, 60)),
                        from_level_id=levels[step],
                        to_level_id=levels[step + 1],
                        outcome=outcome,
                    )
                )
    bulk_create_with_history(applications, ProgressionApplication)
