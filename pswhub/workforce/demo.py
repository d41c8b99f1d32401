"""Ten census years (2016 to 2025) for the demo council's children's social workers, simulated
year by year so that each return follows from the one before: people start, stay, change hours
and leave. The story follows England's published series (docs/workforce.md): turnover peaks in
2022 and agency use with it, then a regional agency cap and a recruitment drive bring agency
staff down and the workforce back up. The people in post at 30 September 2025 are the demo
council's current children's social work staff; the records then go on to the demo's today, with
leavers and starters since that return."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from pswhub.core.demo import FIRST_NAMES, LAST_NAMES
from pswhub.core.models import Service, StaffMember, Team
from pswhub.core.services import staff_members_bulk_save

from . import codes
from .demo_records import records_demo_load
from .models import CensusWorker, CensusYear, StaffProfile, census_reference_date, census_year_start

YEARS = range(2016, 2026)

# year: (turnover %, vacancy %, agency %, caseload, absence %, in-post headcount relative to 2025)
STORY = {
    2016: (14.0, 15.0, 14.0, 18.5, 3.0, 0.95),
    2017: (12.5, 14.5, 13.5, 18.0, 3.0, 0.97),
    2018: (14.0, 14.0, 13.0, 17.8, 3.1, 0.99),
    2019: (13.5, 13.5, 13.5, 17.5, 3.0, 1.01),
    2020: (11.5, 13.0, 13.0, 17.0, 2.7, 1.04),
    2021: (15.0, 15.5, 15.0, 17.2, 3.2, 1.00),
    2022: (19.5, 21.0, 20.0, 18.4, 3.6, 0.92),
    2023: (16.5, 18.0, 17.0, 17.6, 3.3, 0.94),
    2024: (12.0, 14.0, 12.5, 16.8, 3.0, 0.97),
    2025: (10.5, 11.5, 9.0, 16.2, 2.8, 1.00),
}

# Leavers in the census year after the last return, as a share of those in post at its start (%).
TURNOVER_SINCE_LAST_CENSUS = 11

SOCIAL_WORK_TITLES = {
    "Principal Social Worker": codes.MIDDLE_MANAGER,
    "Team Manager": codes.FIRST_LINE_MANAGER,
    "Assistant Team Manager": codes.FIRST_LINE_MANAGER,
    "Advanced Practitioner": codes.SENIOR_PRACTITIONER,
    "Senior Social Worker": codes.SENIOR_PRACTITIONER,
    "Social Worker": codes.CASE_HOLDER,
    "Newly Qualified Social Worker (ASYE)": codes.CASE_HOLDER,
}
TITLE_FOR_ROLE = {
    codes.MIDDLE_MANAGER: "Service Manager",
    codes.FIRST_LINE_MANAGER: "Team Manager",
    codes.SENIOR_PRACTITIONER: "Senior Social Worker",
    codes.CASE_HOLDER: "Social Worker",
    codes.QUALIFIED_WITHOUT_CASES: "Practice Educator",
}
ROLE_WEIGHTS = [(codes.CASE_HOLDER, 62), (codes.SENIOR_PRACTITIONER, 18), (codes.FIRST_LINE_MANAGER, 10),
                (codes.MIDDLE_MANAGER, 4), (codes.QUALIFIED_WITHOUT_CASES, 6)]  # fmt: skip
ETHNICITY_WEIGHTS = [("WBRI", 68), ("WOTH", 5), ("WIRI", 1), ("MWBC", 3), ("MOTH", 2), ("AIND", 4), ("APKN", 4),
                     ("BAFR", 6), ("BCRB", 3), ("OOTH", 1), ("REFU", 3)]  # fmt: skip
ORIGIN_WEIGHTS = [("1", 34), ("2", 24), ("4", 16), ("3", 4), ("5", 5), ("6", 7), ("7", 4), ("9", 6)]
REASON_WEIGHTS = [("1", 70), ("5", 9), ("7", 6), ("2", 2), ("4", 2), ("8", 6), ("9", 5)]
DESTINATION_WEIGHTS = [("1", 28), ("3", 24), ("4", 10), ("5", 8), ("6", 12), ("7", 4), ("8", 14)]
UNIVERSITIES = [
    "Northshire University",
    "University of the Dales",
    "Open University",
    "Coastal Metropolitan University",
]


def _pick(rng, weights):
    return rng.choices([code for code, _ in weights], [weight for _, weight in weights])[0]


def _day_in_year(rng, year):
    start = census_year_start(year)
    return start + timedelta(days=rng.randrange((census_reference_date(year) - start).days + 1))


@dataclass
class _Person:
    swe_number: str
    role: str
    fte: Decimal
    started: date
    born: date
    sex: str
    ethnicity: str
    origin: str
    agency: bool = False
    team: Team | None = None
    ended: date | None = None
    reason: str = ""
    destination: str = ""
    staff_member: StaffMember | None = None
    lines: list = field(default_factory=list)


class _Simulation:
    def __init__(self, rng, teams):
        self.rng, self.teams, self.numbers = rng, teams, set()
        self.people = []

    def swe_number(self):
        while True:
            number = f"SW{self.rng.randint(10000, 999999)}"
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def person(self, started, agency=False):
        rng = self.rng
        age = rng.randint(22, 38) if rng.random() < 0.6 else rng.randint(39, 58)
        fte = (
            Decimal(1) if agency or rng.random() < 0.8 else rng.choice([Decimal("0.5"), Decimal("0.6"), Decimal("0.8")])
        )
        person = _Person(
            swe_number=self.swe_number(),
            role=codes.CASE_HOLDER if agency else _pick(rng, ROLE_WEIGHTS),
            fte=fte,
            started=started,
            born=started - timedelta(days=age * 365 + rng.randrange(365)),
            sex="F" if rng.random() < 0.84 else "M",
            ethnicity=_pick(rng, ETHNICITY_WEIGHTS),
            origin=_pick(rng, ORIGIN_WEIGHTS),
            agency=agency,
            team=rng.choice(self.teams),
        )
        self.people.append(person)
        return person

    def leave(self, person, year):
        person.ended = _day_in_year(self.rng, year)
        if person.ended < person.started:
            person.ended = person.started
        if not person.agency:
            person.reason = _pick(self.rng, REASON_WEIGHTS)
            person.destination = _pick(self.rng, DESTINATION_WEIGHTS)


def workforce_demo_load(*, rng, authority, today):
    children = Service.objects.filter(authority=authority, kind=Service.CHILDREN).first()
    if children is None:
        return
    teams = list(Team.objects.filter(service=children).order_by("name"))
    current = [
        staff
        for staff in StaffMember.objects.filter(team__service=children, left_on__isnull=True).order_by(
            "employee_number"
        )
        if staff.job_title in SOCIAL_WORK_TITLES
    ]
    simulation = _Simulation(rng, teams)
    final_headcount = len(current)
    opening = census_year_start(YEARS[0])
    employed = [
        simulation.person(opening - timedelta(days=rng.randint(30, 365 * 12)))
        for _ in range(round(final_headcount * STORY[YEARS[0]][5]))
    ]
    agency = []
    years = {}
    for year in YEARS:
        turnover, vacancy, agency_rate, caseload, absence, shape = STORY[year]
        target = final_headcount if year == YEARS[-1] else round(final_headcount * shape)
        leaving = rng.sample(employed, min(len(employed), round(len(employed) * turnover / 100)))
        staying = len(employed) - len(leaving)
        if staying > target:
            extra = [person for person in employed if person not in leaving]
            leaving += rng.sample(extra, staying - target)
        for person in leaving:
            simulation.leave(person, year)
        starters = [simulation.person(_day_in_year(rng, year)) for _ in range(target - (len(employed) - len(leaving)))]
        # Agency workers: about two in three stay on from one year to the next.
        agency_target = round(target * agency_rate / (100 - agency_rate))
        for person in agency:
            if rng.random() > 0.66 or len([p for p in agency if p.ended is None]) > agency_target:
                simulation.leave(person, year)
        agency = [person for person in agency if person.ended is None]
        agency += [
            simulation.person(_day_in_year(rng, year), agency=True) for _ in range(max(0, agency_target - len(agency)))
        ]
        # Agency workers appear in a return only if they are working for the council at 30 September.
        years[year] = (employed + starters + agency, caseload, absence, vacancy, agency_rate)
        employed = [person for person in employed + starters if person.ended is None]
    _match_current_staff(employed, current)
    _since_the_last_census(simulation, employed)
    _save(simulation, years, authority, rng)
    records_demo_load(people=simulation.people, authority=authority, today=today)


def _match_current_staff(final_people, current):
    """The people in post at the end are the council's current staff: their census role, team and
    start date come from the staff record's job title, team and the simulated start."""
    changed = []
    for person, staff in zip(final_people, current, strict=False):
        person.staff_member = staff
        person.team = staff.team
        person.role = SOCIAL_WORK_TITLES[staff.job_title]
        if staff.started_on != person.started:
            staff.started_on = person.started
            changed.append(staff)
    staff_members_bulk_save(changed=changed, changed_fields=["started_on"])


def _since_the_last_census(simulation, employed):
    """Leavers and starters in the census year after the last return (from 1 October 2025, before
    the demo's today), in the records only: no return of that year is saved, as it is this year's
    to build. About one in ten of those in post leaves (never a demo account's own record) and as
    many start, so the figures at a date have movement to show. The 2025 return is unchanged: a
    leaver was in post on its reference date."""
    rng, year = simulation.rng, YEARS[-1] + 1
    may_leave = [person for person in employed if not person.staff_member.employee_number.startswith("D")]
    leaving = rng.sample(may_leave, round(len(employed) * TURNOVER_SINCE_LAST_CENSUS / 100))
    for person in leaving:
        simulation.leave(person, year)
        person.staff_member.left_on = person.ended
    staff_members_bulk_save(changed=[person.staff_member for person in leaving], changed_fields=["left_on"])
    for _ in leaving:
        simulation.person(_day_in_year(rng, year))


def _save(simulation, years, authority, rng):
    new_staff = []
    for number, person in enumerate(simulation.people):
        if person.staff_member is not None:
            continue
        prefix = "A" if person.agency else "H"
        person.staff_member = StaffMember(
            employee_number=f"{prefix}{200000 + number}",
            first_name=rng.choice(FIRST_NAMES),
            last_name=rng.choice(LAST_NAMES),
            job_title="Agency Social Worker" if person.agency else TITLE_FOR_ROLE[person.role],
            team=person.team,
            started_on=person.started,
            left_on=person.ended,
        )
        new_staff.append(person.staff_member)
    staff_members_bulk_save(new=new_staff)
    by_number = {
        staff.employee_number: staff
        for staff in StaffMember.objects.filter(employee_number__in=[s.employee_number for s in new_staff])
    }
    for person in simulation.people:
        if person.staff_member.pk is None:
            person.staff_member = by_number[person.staff_member.employee_number]
    bulk_create_with_history(
        [StaffProfile(staff_member=person.staff_member, swe_number=person.swe_number) for person in simulation.people],
        StaffProfile,
    )
    lines = []
    for year, (people, caseload, absence, vacancy_rate, _agency_rate) in years.items():
        census_year = CensusYear.objects.create(authority=authority, year=year, source=CensusYear.RECORDED)
        year_lines = [_line(rng, census_year, person, caseload, absence) for person in people]
        in_post_fte = sum(
            (line.fte_30 for line in year_lines if line.fte_30 is not None and not line.agency), Decimal(0)
        )
        agency_fte = sum((line.fte_30 for line in year_lines if line.fte_30 is not None and line.agency), Decimal(0))
        census_year.vacancies_fte = (in_post_fte * Decimal(vacancy_rate) / Decimal(100 - vacancy_rate)).quantize(
            Decimal("0.01")
        )
        census_year.agency_cover_fte = (agency_fte * Decimal("0.75")).quantize(Decimal("0.01"))
        census_year.agency_cover_headcount = round(
            len([line for line in year_lines if line.agency and line.fte_30]) * 0.75
        )
        if year >= 2025:
            census_year.recruitment_bonus, census_year.retention_bonus, census_year.performance_award = "2", "1", "0"
            census_year.car_allowance, census_year.relocation_package, census_year.regional_weighting = "2", "2", "0"
            census_year.cost_swe, census_year.cost_dbs = "1", "1"
            census_year.other_allowances = "Market supplement for hard-to-fill posts"
        census_year.lines_changed_at = timezone.now()
        census_year.save()
        lines += year_lines
    bulk_create_with_history(lines, CensusWorker)


def _line(rng, census_year, person, caseload, absence):
    year, reference = census_year.year, census_year.reference_date
    in_post = person.started <= reference and (person.ended is None or person.ended > reference)
    left_this_year = person.ended is not None and census_year.starts_on <= person.ended <= reference
    cases = None
    days_lost = None
    if in_post:
        spread = {codes.CASE_HOLDER: 1.12, codes.SENIOR_PRACTITIONER: 0.8, codes.FIRST_LINE_MANAGER: 0.08}
        share = spread.get(person.role, 0)
        cases = max(0, round(rng.gauss(caseload * share, 2.5) * float(person.fte))) if share else 0
        if not person.agency:
            scale = absence / 2.9
            draw = rng.random()
            days = rng.uniform(0, 5) if draw < 0.7 else rng.uniform(5, 20) if draw < 0.95 else rng.uniform(20, 80)
            days_lost = Decimal(days * scale * float(person.fte)).quantize(Decimal("0.01"))
    long_absence = days_lost is not None and days_lost > 40
    return CensusWorker(
        census_year=census_year,
        staff_member=person.staff_member,
        team=person.team,
        swe_number=person.swe_number,
        agency=person.agency,
        fte=person.fte,
        fte_30=person.fte if in_post else None,
        date_of_birth=person.born,
        gender_current=codes.GENDER_FROM_SEX[person.sex] if year <= 2023 else "",
        sex=person.sex if year >= 2024 else "",
        ethnicity=person.ethnicity,
        qualification_institutions=[]
        if person.agency or year >= 2025
        else [UNIVERSITIES[int(person.swe_number[2:]) % 4]],
        qualification_level="2" if int(person.swe_number[2:]) % 3 == 0 else "1",
        step_up_graduate=int(person.swe_number[2:]) % 19 == 0,
        frontline_graduate=int(person.swe_number[2:]) % 23 == 0,
        org_role=person.role,
        role_start_date=person.started,
        start_origin="" if person.agency else person.origin,
        role_end_date=person.ended if left_this_year else None,
        leaver_destination=person.destination if left_this_year else "",
        reason_leave=person.reason if left_this_year else "",
        cases_30=cases,
        working_days_lost=days_lost,
        absent_at_30_september=long_absence if in_post and not person.agency else None,
        reason_absence="SIC" if long_absence and in_post else "",
        base_salary=_salary(person) if year >= 2025 and not person.agency else None,
    )


def _salary(person):
    base = {codes.MIDDLE_MANAGER: 62000, codes.FIRST_LINE_MANAGER: 52000, codes.SENIOR_PRACTITIONER: 44500}
    return (Decimal(base.get(person.role, 38000)) * person.fte).quantize(Decimal("0.01"))
