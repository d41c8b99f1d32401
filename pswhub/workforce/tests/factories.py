from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from pswhub.core.tests.factories import AuthorityFactory, StaffMemberFactory
from pswhub.workforce.models import CensusWorker, CensusYear


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
