import factory
from factory.django import DjangoModelFactory

from pswhub.core.models import Authority, Role, Service, StaffMember, Team, User


class AuthorityFactory(DjangoModelFactory):
    class Meta:
        model = Authority
        django_get_or_create = ["la_code"]

    name = "Testshire County Council"
    la_code = "888"


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ["authority", "kind"]

    authority = factory.SubFactory(AuthorityFactory)
    kind = Service.CHILDREN
    name = factory.LazyAttribute(lambda service: dict(Service.KIND_CHOICES)[service.kind])


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class StaffMemberFactory(DjangoModelFactory):
    class Meta:
        model = StaffMember

    employee_number = factory.Sequence(lambda n: f"T{n:05d}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    job_title = "Social Worker"
    team = factory.SubFactory(TeamFactory)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(Role.objects.filter(code__in=extracted))
            self.forget_cached_roles()

    @factory.post_generation
    def managed_teams(self, create, extracted, **kwargs):
        if create and extracted:
            self.managed_teams.set(extracted)


TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def give_authenticator_app(user, secret=TEST_TOTP_SECRET):
    """Sets up TOTP for a user, as if they had scanned the QR code. Returns the secret."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, secret)
    return secret


def current_totp_code(secret):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


# The personas of the root conftest.py's `everyone` fixture, for can/cannot twins over every role.
PEOPLE = [
    "psw",
    "qa_officer",
    "auditor",
    "hr_officer",
    "head_of_service",
    "councillor",
    "admin",
    "north_manager",
    "north_worker",
    "south_worker",
]
