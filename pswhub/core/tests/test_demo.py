import random

from django.test import override_settings

from pswhub.core import demo, roles
from pswhub.core.models import Authority, Service, StaffMember, Team, User


def test_the_demo_council_has_the_shape_the_product_needs(db):
    demo.demo_data_load(create_accounts=True)
    assert Authority.objects.get().la_code == demo.DEMO_LA_CODE
    assert set(Service.objects.values_list("kind", flat=True)) == {"children", "adults"}
    assert 8 <= Team.objects.count() <= 12
    assert 200 <= StaffMember.objects.filter(left_on__isnull=True).count() <= 300
    started = StaffMember.objects.order_by("started_on").values_list("started_on", flat=True)
    assert (started.last() - started.first()).days > 365 * 5, "several years of history"
    assert StaffMember.objects.filter(left_on__isnull=False).exists()


def test_there_is_one_account_per_persona_with_the_demo_password(db):
    demo.demo_data_load(create_accounts=True)
    expected = {
        "demo-psw": roles.PSW,
        "demo-qa": roles.QA_OFFICER,
        "demo-auditor": roles.AUDITOR,
        "demo-manager": roles.TEAM_MANAGER,
        "demo-worker": roles.SOCIAL_WORKER,
        "demo-hr": roles.HR_OFFICER,
        "demo-head": roles.HEAD_OF_SERVICE,
        "demo-councillor": roles.COUNCILLOR,
        "demo-admin": roles.ADMIN,
    }
    for username, role in expected.items():
        user = User.objects.get(username=username)
        assert role in user.role_codes
        assert user.check_password(demo.DEMO_PASSWORD)


def test_the_demo_staff_are_the_same_every_time():
    teams = {name: Team(name=name) for name, *_ in demo.TEAMS}

    def generate():
        staff = demo._demo_staff(random.Random(demo.SEED), teams)
        return [(p.employee_number, p.first_name, p.last_name, p.team.name, p.started_on, p.left_on) for p in staff]

    assert generate() == generate()


def test_loading_twice_changes_nothing(db):
    demo.demo_data_load(create_accounts=True)
    assert demo.demo_data_load(create_accounts=True) is None
    assert User.objects.filter(username="demo-psw").count() == 1


@override_settings(PSWHUB_CREATE_DEMO_ACCOUNTS=False)
def test_settings_that_forbid_demo_accounts_never_create_them(db):
    demo.demo_data_load()
    assert not User.objects.filter(username__startswith="demo-").exists()


def test_preparing_the_database_twice_loads_the_demo_council_once(db):
    import io

    from django.core.management import call_command

    call_command("prepare_database", stdout=io.StringIO())
    out = io.StringIO()
    call_command("prepare_database", stdout=out)
    assert "already loaded" in out.getvalue()
    assert Authority.objects.count() == 1
