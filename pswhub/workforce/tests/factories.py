from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from pswhub.core.tests.factories import AuthorityFactory, StaffMemberFactory, TeamFactory
from pswhub.workforce.models import AbsenceEpisode, Assignment, CensusWorker, CensusYear, Establishment


class CensusYearFactory(DjangoModelFactory):
    class Meta:
        model = CensusYear
        django_get_or_create = ["authority", "year"]

    authority = factory.SubFactory(AuthorityFactory)
    year = 2024
    vacancies_fte = Decimal("0")
    agency_cover_fte = Decimal("0")
    agency_cover_headcount = 0


class CensusWorkerFactory(DjangoModelFactory):
    """An LA-employed case holder in post at 30 September, full time, unless told otherwise."""

    class Meta:
        model = CensusWorker

    census_year = factory.SubFactory(CensusYearFactory)
    staff_member = factory.SubFactory(StaffMemberFactory)
    team = factory.LazyAttribute(lambda worker: worker.staff_member.team)
    swe_number = factory.Sequence(lambda n: f"SW{100000 + n}")
    agency = False
    fte = Decimal("1")
    fte_30 = factory.LazyAttribute(lambda worker: None if worker.role_end_date else worker.fte)
    org_role = "5"
    role_start_date = date(2020, 1, 6)
    role_end_date = None
    ethnicity = "WBRI"
    gender_current = "2"


class AssignmentFactory(DjangoModelFactory):
    """A permanent, full-time case holder in the staff member's team since 6 January 2020."""

    class Meta:
        model = Assignment

    staff_member = factory.SubFactory(StaffMemberFactory)
    team = factory.LazyAttribute(lambda assignment: assignment.staff_member.team)
    org_role = "5"
    job_title = "Social Worker"
    fte = Decimal("1")
    contract_type = "permanent"
    starts_on = date(2020, 1, 6)
    ends_on = None


class EstablishmentFactory(DjangoModelFactory):
    class Meta:
        model = Establishment

    team = factory.SubFactory(TeamFactory)
    org_role = ""
    funded_fte = Decimal("1")
    starts_on = date(2024, 4, 1)


class AbsenceEpisodeFactory(DjangoModelFactory):
    class Meta:
        model = AbsenceEpisode

    staff_member = factory.SubFactory(StaffMemberFactory)
    starts_on = date(2025, 1, 6)
    ends_on = date(2025, 1, 8)
    reason = "SIC"
    working_days_lost = Decimal("3")
