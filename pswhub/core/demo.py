"""Demo data for a fictional county council, generated deterministically from a fixed seed so
that every machine gets the same council. Later capabilities add their own part through
`register` (in their AppConfig.ready); parts run in the order they were registered."""

import random
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction

from . import roles
from .models import Authority, Role, Service, StaffMember, Team, User
from .services import staff_members_bulk_save

DEMO_LA_CODE = "999"
DEMO_COUNCIL = "Northshire County Council"
DEMO_PASSWORD = "pswhub-demo"
SEED = 20261123
TODAY = date(2026, 11, 1)

# (team, service kind, parent team, target headcount)
TEAMS = [
    ("North Locality", "children", None, 4),
    ("Assessment North", "children", "North Locality", 24),
    ("Safeguarding North", "children", "North Locality", 26),
    ("South Locality", "children", None, 4),
    ("Assessment South", "children", "South Locality", 22),
    ("Safeguarding South", "children", "South Locality", 25),
    ("Children in Care", "children", None, 28),
    ("Care Leavers", "children", None, 16),
    ("Adults East", "adults", None, 27),
    ("Adults West", "adults", None, 25),
    ("Hospital Discharge", "adults", None, 18),
    ("Safeguarding Adults", "adults", None, 17),
]

CHILDREN_TITLES = [
    ("Social Worker", 10),
    ("Senior Social Worker", 4),
    ("Advanced Practitioner", 2),
    ("Newly Qualified Social Worker (ASYE)", 3),
    ("Family Support Worker", 3),
    ("Assistant Team Manager", 1),
]
ADULTS_TITLES = [
    ("Social Worker", 9),
    ("Senior Social Worker", 4),
    ("Occupational Therapist", 3),
    ("Newly Qualified Social Worker (ASYE)", 2),
    ("Social Care Assessor", 4),
    ("Assistant Team Manager", 1),
]

FIRST_NAMES = """
Aisha Alex Amira Amy Ben Bethany Callum Charlotte Chloe Daniel David Deborah Ella Emma Faisal
Fatima Georgia Grace Hannah Harry Imran Isla Jack Jade James Jasmine Joanne Jordan Kate Kieran
Laura Leah Liam Lucy Mark Megan Mohammed Naomi Nathan Niamh Oliver Olivia Priya Rachel Rebecca
Ryan Sam Sarah Sean Sophie Stephen Tariq Thomas Uzma Victoria Will Yasmin Zoe
""".split()
LAST_NAMES = """
Ahmed Ali Armstrong Bailey Begum Bell Brown Campbell Carter Chapman Clarke Cooper Davies Dixon
Edwards Evans Fletcher Foster Green Hall Harris Hughes Hussain Jackson James Johnson Jones Kaur
Khan King Lee Lewis Marshall Martin Mitchell Moore Morris Murphy Nelson Owen Parker Patel
Phillips Price Richards Roberts Robinson Scott Shah Singh Smith Stewart Taylor Thomas Thompson
Turner Walker Ward Watson White Williams Wilson Wood Wright Young
""".split()

# username, first name, last name, roles, linked staff (team, job title) or None, teams managed
PERSONAS = [
    ("demo-psw", "Priya", "Shah", [roles.PSW, roles.AUDITOR], ("Children in Care", "Principal Social Worker"), []),
    ("demo-qa", "Quentin", "Adams", [roles.QA_OFFICER, roles.AUDITOR], None, []),
    ("demo-auditor", "Aoife", "Doyle", [roles.AUDITOR], ("Safeguarding South", "Advanced Practitioner"), []),
    (
        "demo-manager",
        "Marcus",
        "Green",
        [roles.TEAM_MANAGER, roles.AUDITOR],
        ("North Locality", "Team Manager"),
        ["North Locality"],
    ),
    ("demo-worker", "Wendy", "Okafor", [roles.SOCIAL_WORKER], ("Assessment North", "Social Worker"), []),
    ("demo-hr", "Harriet", "Reid", [roles.HR_OFFICER], None, []),
    ("demo-head", "Hugh", "Ellis", [roles.HEAD_OF_SERVICE], None, []),
    ("demo-councillor", "Cllr Carol", "Barnes", [roles.COUNCILLOR], None, []),
    ("demo-admin", "Adam", "Nowak", [roles.ADMIN], None, []),
]

_loaders = []


def register(loader):
    """Add a loader `loader(*, rng, authority, today)` that extends the demo council."""
    if loader not in _loaders:
        _loaders.append(loader)


def demo_data_exists():
    return Authority.objects.filter(la_code=DEMO_LA_CODE).exists()


@transaction.atomic
def demo_data_load(*, create_accounts=None):
    """Builds the demo council. Returns the authority, or None if it was already there."""
    if demo_data_exists():
        return None
    create_accounts = settings.PSWHUB_CREATE_DEMO_ACCOUNTS if create_accounts is None else create_accounts
    rng = random.Random(SEED)
    authority = Authority.objects.create(name=DEMO_COUNCIL, la_code=DEMO_LA_CODE)
    services = {
        Service.CHILDREN: Service.objects.create(
            authority=authority, kind=Service.CHILDREN, name="Children's Social Care"
        ),
        Service.ADULTS: Service.objects.create(authority=authority, kind=Service.ADULTS, name="Adult Social Care"),
    }
    teams = {}
    for name, kind, parent, _ in TEAMS:
        teams[name] = Team.objects.create(service=services[kind], name=name, parent=teams.get(parent))

    staff = _demo_staff(rng, teams)
    staff_members_bulk_save(new=staff)
    if create_accounts:
        _demo_accounts(teams)
    for loader in _loaders:
        loader(rng=rng, authority=authority, today=TODAY)
    return authority


def _demo_staff(rng, teams):
    staff, number = [], 100000
    for name, kind, _, headcount in TEAMS:
        titles = CHILDREN_TITLES if kind == "children" else ADULTS_TITLES
        population = [title for title, weight in titles for _ in range(weight)]
        for position in range(headcount):
            number += rng.randint(1, 9)
            title = "Team Manager" if position == 0 else rng.choice(population)
            started = TODAY - timedelta(days=rng.randint(60, 365 * 14))
            if "ASYE" in title:
                started = TODAY - timedelta(days=rng.randint(30, 360))
            # About one in eight records is a past leaver: the workforce has several years of history.
            left = None
            if position and rng.random() < 0.125:
                left = min(TODAY - timedelta(days=rng.randint(10, 1500)), TODAY)
                if left <= started:
                    left = started + timedelta(days=rng.randint(120, 900))
                    left = left if left < TODAY else None
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            staff.append(
                StaffMember(
                    employee_number=f"E{number}",
                    first_name=first,
                    last_name=last,
                    email=f"{first}.{last}.{number}@northshire.example".lower(),
                    job_title=title,
                    team=teams[name],
                    started_on=started,
                    left_on=left,
                )
            )
    return staff


def _demo_accounts(teams):
    role_objects = {role.code: role for role in Role.objects.all()}
    for username, first, last, role_codes, linked, managed in PERSONAS:
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@northshire.example",
        )
        user.roles.set([role_objects[code] for code in role_codes])
        user.managed_teams.set([teams[name] for name in managed])
        if linked:
            team, title = linked
            StaffMember.objects.create(
                employee_number=f"D{username[5:].upper()}",
                first_name=first,
                last_name=last,
                email=user.email,
                job_title=title,
                team=teams[team],
                started_on=date(2019, 4, 1),
                user=user,
            )
