"""Workload for the demo council: a weighting scheme for each service and a caseload count at the
end of each of the last 24 months for every case-holding member of staff. Each worker has a usual
share of their capacity (about 85%, a few above 100%) that drifts a little from month to month;
their cases are drawn from their team's mix until their points reach it."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from pswhub.core.models import Service, StaffMember
from pswhub.workforce import employment

from .models import CaseloadSnapshot, CaseWeight, EarlyCareerYear, WeightingScheme
from .reference import COMPLEX, HIGHLY_COMPLEX, STANDARD

MONTHS = 24
CASE_HOLDING_TITLES = {
    "Social Worker",
    "Senior Social Worker",
    "Advanced Practitioner",
    "Newly Qualified Social Worker (ASYE)",
    "Occupational Therapist",
    "Social Care Assessor",
}
EARLY_CAREER_TITLE = "Newly Qualified Social Worker (ASYE)"
ONE_YEAR = timedelta(days=364)  # the early-career year ends the day before its anniversary

# kind: (allowance, capacity, early-career capacity, target, {case type: standard points})
SCHEMES = {
    Service.CHILDREN: (
        15,
        100,
        90,
        Decimal("24"),
        {
            "child_in_need": 3,
            "child_protection": 5,
            "child_in_care": 3,
            "care_leaver": 2,
            "court_work": 7,
            "assessment_child": 3,
            "private_fostering": 3,
        },
    ),
    Service.ADULTS: (
        15,
        100,
        90,
        Decimal("26"),
        {
            "assessment": 3,
            "review": 2,
            "safeguarding_enquiry": 5,
            "mental_capacity": 4,
            "deprivation_of_liberty": 3,
            "carers_assessment": 2,
            "hospital_discharge": 3,
        },
    ),
}
EXTRA_POINTS = {STANDARD: 0, COMPLEX: 1, HIGHLY_COMPLEX: 2}
OFTEN_COMPLEX = {"child_protection", "court_work", "safeguarding_enquiry", "mental_capacity"}
SECOND_TYPE_SHARE = 0.35

# A team's case mix by words in its name: [(case type, weight)].
MIXES = [
    ("Assessment", [("assessment_child", 5), ("child_in_need", 4), ("child_protection", 1)]),
    ("Safeguarding Adults", [("safeguarding_enquiry", 6), ("mental_capacity", 2), ("review", 2)]),
    ("Safeguarding", [("child_protection", 5), ("child_in_need", 3), ("court_work", 2)]),
    ("Children in Care", [("child_in_care", 7), ("court_work", 2), ("private_fostering", 1)]),
    ("Care Leavers", [("care_leaver", 10)]),
    ("Hospital", [("hospital_discharge", 6), ("assessment", 3), ("carers_assessment", 1)]),
    ("Adults", [("assessment", 4), ("review", 4), ("deprivation_of_liberty", 1), ("carers_assessment", 1)]),
    ("Locality", [("child_in_need", 5), ("child_protection", 3), ("court_work", 1)]),
]


def month_ends(today, months=MONTHS):
    """The last day of each of the `months` months before `today`'s month, oldest first."""
    ends, first = [], today.replace(day=1)
    for _ in range(months):
        end = first - timedelta(days=1)
        ends.append(end)
        first = end.replace(day=1)
    return list(reversed(ends))


def workload_demo_load(*, rng, authority, today):
    schemes = _schemes(authority)
    staff = list(
        StaffMember.objects.filter(team__service__authority=authority, job_title__in=CASE_HOLDING_TITLES)
        .select_related("team__service")
        .order_by("employee_number")
    )
    early = [
        EarlyCareerYear(staff_member=member, starts_on=member.started_on, ends_on=member.started_on + ONE_YEAR)
        for member in staff
        if member.job_title == EARLY_CAREER_TITLE and member.started_on
    ]
    bulk_create_with_history(early, EarlyCareerYear)
    in_early_career = {year.staff_member_id: year for year in early}
    contracts = employment.assignment_periods(staff_ids=[member.pk for member in staff])
    snapshots = []
    dates = month_ends(today)
    for member in staff:
        kind = member.team.service.kind
        allowance, capacity, early_capacity, _target, points = schemes[kind]
        mix = next((mix for words, mix in MIXES if words in member.team.name), MIXES[-1][1])
        usual = min(max(rng.gauss(0.86, 0.1), 0.5), 1.2)
        profile = _Profile.draw(rng, mix)
        for index, on in enumerate(dates):
            if (member.started_on and member.started_on > on) or (member.left_on and member.left_on <= on):
                continue
            year = in_early_career.get(member.pk)
            full = early_capacity if year and year.starts_on <= on <= year.ends_on else capacity
            recorded = employment.fte_in(contracts[member.pk], on)
            full *= float(recorded) if recorded is not None else 1.0  # full time where none is recorded
            # Caseloads crept up over the two years, then eased in the last few months.
            share = usual + 0.04 * min(index, 18) / 18 - (0.03 if index >= 20 else 0) + rng.gauss(0, 0.03)
            snapshots += _counts(profile, member, on, points, share * full - allowance)
    bulk_create_with_history(snapshots, CaseloadSnapshot, batch_size=2000)


def _schemes(authority):
    schemes = {}
    weights = []
    for service in Service.objects.filter(authority=authority):
        allowance, capacity, early_capacity, target, points = SCHEMES[service.kind]
        scheme = WeightingScheme.objects.create(
            service=service,
            non_case_points=allowance,
            capacity_points=capacity,
            early_career_capacity_points=early_capacity,
            target_caseload=target,
        )
        weights += [
            CaseWeight(scheme=scheme, case_type_id=case_type, complexity_id=level, points=base + extra)
            for case_type, base in points.items()
            for level, extra in EXTRA_POINTS.items()
        ]
        schemes[service.kind] = SCHEMES[service.kind]
    bulk_create_with_history(weights, CaseWeight)
    return schemes


@dataclass(frozen=True)
class _Profile:
    """How a worker's caseload is made up: mostly one case type, some of it complex, the rest of
    a second type."""

    main: str
    second: str | None
    main_share: float
    complex_share: float

    @classmethod
    def draw(cls, rng, mix):
        types, weights = zip(*mix, strict=True)
        main = rng.choices(types, weights)[0]
        others = [(case_type, weight) for case_type, weight in mix if case_type != main]
        # Most workers hold one type of case; keeping the rows few keeps the demo quick to load.
        second = rng.choices(*zip(*others, strict=True))[0] if others and rng.random() < SECOND_TYPE_SHARE else None
        complex_share = rng.uniform(0.1, 0.3) if main in OFTEN_COMPLEX else 0
        return cls(main, second, rng.uniform(0.55, 0.8) if second else 1.0, complex_share)


def _counts(profile, member, on, points, budget):
    """Counts whose points come close to the budget."""
    main_points = points[profile.main] + profile.complex_share * EXTRA_POINTS[COMPLEX]
    main = max(round(budget * profile.main_share / main_points), 0)
    complex_count = round(main * profile.complex_share)
    counts = {(profile.main, STANDARD): main - complex_count, (profile.main, COMPLEX): complex_count}
    if profile.second:
        spent = (main - complex_count) * points[profile.main] + complex_count * (points[profile.main] + 1)
        counts[(profile.second, STANDARD)] = max(round((budget - spent) / points[profile.second]), 0)
    return [
        CaseloadSnapshot(staff_member=member, date=on, case_type_id=case_type, complexity_id=level, count=count)
        for (case_type, level), count in counts.items()
        if count
    ]
