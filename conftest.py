"""Named people that tests are written around: a PSW, a manager of one team, a worker in that team,
a worker in another team, a councillor, an administrator and more. Each test reads as a sentence
about one of them."""

import pytest

from pswhub.core import roles
from pswhub.core.models import Service
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory, UserFactory, give_authenticator_app


@pytest.fixture
def north_team(db):
    return TeamFactory(name="North")


@pytest.fixture
def south_team(db):
    return TeamFactory(name="South")


@pytest.fixture
def adults_team(db):
    return TeamFactory(name="Adults East", service__kind=Service.ADULTS)


# Fixed, distinct names so that a test can look for one person's name on a page.
NAMES = {
    "psw": ("Priya", "Sharma"),
    "qa": ("Quinn", "Abbott"),
    "auditor": ("Ada", "Umber"),
    "hr": ("Hana", "Rourke"),
    "head": ("Hector", "Eastwood"),
    "councillor": ("Clara", "Oldfield"),
    "admin": ("Amos", "Dunmore"),
    "manager": ("Mina", "Ngata"),
    "worker": ("Wes", "Ormerod"),
    "southworker": ("Sian", "Threlfall"),
    "norole": ("Nell", "Roper"),
}


def _person(username, role_codes, team=None, **kwargs):
    first, last = NAMES[username]
    user = UserFactory(username=username, roles=role_codes, first_name=first, last_name=last, **kwargs)
    if team is not None:
        StaffMemberFactory(user=user, team=team, first_name=user.first_name, last_name=user.last_name)
    return user


@pytest.fixture
def psw(db):
    return _person("psw", [roles.PSW])


@pytest.fixture
def qa_officer(db):
    return _person("qa", [roles.QA_OFFICER])


@pytest.fixture
def auditor(db):
    return _person("auditor", [roles.AUDITOR])


@pytest.fixture
def hr_officer(db):
    return _person("hr", [roles.HR_OFFICER])


@pytest.fixture
def head_of_service(db):
    return _person("head", [roles.HEAD_OF_SERVICE])


@pytest.fixture
def councillor(db):
    return _person("councillor", [roles.COUNCILLOR])


@pytest.fixture
def admin_user(db):
    admin = _person("admin", [roles.ADMIN])
    give_authenticator_app(admin)
    return admin


@pytest.fixture
def north_manager(db, north_team):
    return _person("manager", [roles.TEAM_MANAGER], team=north_team, managed_teams=[north_team])


@pytest.fixture
def north_worker(db, north_team):
    return _person("worker", [roles.SOCIAL_WORKER], team=north_team)


@pytest.fixture
def south_worker(db, south_team):
    return _person("southworker", [roles.SOCIAL_WORKER], team=south_team)


@pytest.fixture
def no_role_user(db):
    return _person("norole", [])


@pytest.fixture
def everyone(
    psw,
    qa_officer,
    auditor,
    hr_officer,
    head_of_service,
    councillor,
    admin_user,
    north_manager,
    north_worker,
    south_worker,
):
    return {
        "psw": psw,
        "qa_officer": qa_officer,
        "auditor": auditor,
        "hr_officer": hr_officer,
        "head_of_service": head_of_service,
        "councillor": councillor,
        "admin": admin_user,
        "north_manager": north_manager,
        "north_worker": north_worker,
        "south_worker": south_worker,
    }
