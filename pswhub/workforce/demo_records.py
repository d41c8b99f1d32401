"""The demo council's employment records, built from the census simulation's people once their
census years are saved (so the census figures do not move): each person's assignments (about a
third of long-serving staff changed team or hours on the way), their route and equality details,
each children's team's funded FTE with some vacancies and agency cover, and absence episodes over
the last two years. A generator of its own, with a fixed seed, keeps it deterministic."""

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from pswhub.core.models import StaffMember, Team

from . import codes
from .models import AbsenceEpisode, Assignment, Establishment, StaffProfile

SEED = 102
ESTABLISHMENT_DATES = (date(2023, 10, 1), date(2025, 4, 1))
ABSENCE_WEIGHTS = [("SIC", 62), ("OTH", 10), ("TRN", 10), ("UNP", 6), ("PUB", 5), ("MAT", 4), ("UNA", 3)]
FTE_STEPS = [Decimal("0.5"), Decimal("0.6"), Decimal("0.8"), Decimal("1")]


def records_demo_load(*, people, authority, today):
    rng = random.Random(SEED)
    teams = list(Team.objects.filter(service__authority=authority, is_active=True).order_by("pk"))
    assignments = []
    for person in people:
        same_service = [team for team in teams if team.service_id == person.team.service_id]
        assignments += _assignments(rng, person, same_service, today)
    assignments += _other_staff_assignments(rng, authority, {person.staff_member.pk for person in people})
    bulk_create_with_history(assignments, Assignment)
    _profiles_complete(people)
    bulk_create_with_history(_establishment(rng, teams, assignments), Establishment)
    bulk_create_with_history(_absences(rng, people, today), AbsenceEpisode)


def _assignments(rng, person, teams, today):
    """One assignment, or two when the person changed team or hours at least a year after starting
    and six months before leaving (or today). The last one holds the census line's terms."""
    if person.agency:
        contract = codes.AGENCY
    else:
        draw = rng.random()
        contract = "fixed_term" if draw < 0.08 else "bank" if draw < 0.11 else "permanent"
    last_day = person.ended or today
    terms = {
        "staff_member": person.staff_member,
        "org_role": person.role,
        "job_title": person.staff_member.job_title,
        "contract_type": contract,
        "ends_on": person.ended,
    }
    span = (last_day - person.started).days
    if person.agency or span < 3 * 365 or rng.random() > 0.35:
        return [Assignment(team=person.team, fte=person.fte, starts_on=person.started, start_origin=_origin(person),
                           **_leaving(person), **terms)]  # fmt: skip
    changed_on = person.started + timedelta(days=rng.randrange(365, span - 180))
    earlier_team, earlier_fte = person.team, person.fte
    if rng.random() < 0.5 and len(teams) > 1:
        earlier_team = rng.choice([team for team in teams if team != person.team])
    else:
        earlier_fte = rng.choice([fte for fte in FTE_STEPS if fte != person.fte])
    first = Assignment(team=earlier_team, fte=earlier_fte, starts_on=person.started, start_origin=_origin(person),
                       **(terms | {"ends_on": changed_on - timedelta(days=1)}))  # fmt: skip
    second = Assignment(team=person.team, fte=person.fte, starts_on=changed_on, **_leaving(person), **terms)
    return [first, second]


def _other_staff_assignments(rng, authority, done):
    """Staff outside the census (adults' services, managers, support staff): one assignment each
    from their staff record. Adults' social workers get the census role of their job title, so the
    figures at a date count them as the children's are counted (no census applies to them)."""
    from .demo import SOCIAL_WORK_TITLES

    staff = (
        StaffMember.objects.filter(team__service__authority=authority)
        .exclude(pk__in=done)
        .select_related("team__service")
        .order_by("pk")
    )
    return [
        Assignment(
            staff_member=member,
            team=member.team,
            job_title=member.job_title,
            org_role=SOCIAL_WORK_TITLES.get(member.job_title, "") if member.team.service.kind == "adults" else "",
            fte=Decimal(1) if rng.random() < 0.8 else rng.choice(FTE_STEPS[:3]),
            contract_type="permanent",
            starts_on=member.started_on or date(2020, 1, 6),
            ends_on=member.left_on,
        )
        for member in staff
        if not member.left_on or member.left_on >= (member.started_on or date(2020, 1, 6))
    ]


def _origin(person):
    return "" if person.agency else person.origin


def _leaving(person):
    return {"reason_leave": person.reason, "leaver_destination": person.destination}


def _profiles_complete(people):
    """Route and equality details as the census lines give them, on the profiles the census
    simulation made."""
    profiles = {profile.staff_member_id: profile for profile in StaffProfile.objects.filter(
        staff_member__in=[person.staff_member for person in people])}  # fmt: skip
    for person in people:
        profile = profiles[person.staff_member.pk]
        number = int(person.swe_number[2:])
        profile.qualification_route = (
            "step_up" if number % 19 == 0 else "frontline" if number % 23 == 0
            else "apprenticeship" if number % 17 == 0 else "" if person.agency else "degree"
        )  # fmt: skip
        profile.date_of_birth, profile.sex, profile.ethnicity = person.born, person.sex, person.ethnicity
        profile.gender_current = codes.GENDER_FROM_SEX[person.sex]
    fields = ["qualification_route", "date_of_birth", "sex", "gender_current", "ethnicity"]
    bulk_update_with_history(list(profiles.values()), StaffProfile, fields)


def _establishment(rng, teams, assignments):
    """For each team, funded FTE from each of two dates: the FTE its own staff filled on that date
    plus a vacancy share of up to a fifth, rounded to half a post."""
    rows = []
    for on in ESTABLISHMENT_DATES:
        for team in teams:
            filled = sum(
                (a.fte for a in assignments if a.team == team and a.contract_type != codes.AGENCY
                 and a.starts_on <= on and (a.ends_on is None or a.ends_on >= on)),
                Decimal(0),
            )  # fmt: skip
            funded = filled / (1 - Decimal(rng.uniform(0.02, 0.2)))
            funded = (funded * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2
            rows.append(Establishment(team=team, funded_fte=funded, starts_on=on))
    return rows


def _absences(rng, people, today):
    """Up to three episodes each over the last two years for the council's own staff, never
    overlapping, with working days lost about five in seven calendar days."""
    window = today - timedelta(days=730)
    episodes = []
    for person in people:
        if person.agency:
            continue
        first, last = max(person.started, window), min(person.ended or today, today)
        if (last - first).days < 30:
            continue
        taken_until = first
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            reason = rng.choices([code for code, _ in ABSENCE_WEIGHTS], [w for _, w in ABSENCE_WEIGHTS])[0]
            length = rng.randint(60, 180) if reason == "MAT" else rng.choice([1, 1, 2, 3, 5, 10, 25])
            start = taken_until + timedelta(days=rng.randint(7, 200))
            end = start + timedelta(days=length - 1)
            if end > last:
                break
            days = (Decimal(length) * 5 / 7).quantize(Decimal("0.5"), rounding=ROUND_HALF_UP) or Decimal("1")
            episodes.append(AbsenceEpisode(staff_member=person.staff_member, starts_on=start, ends_on=end,
                                           reason=reason, working_days_lost=days))  # fmt: skip
            taken_until = end
    return episodes
