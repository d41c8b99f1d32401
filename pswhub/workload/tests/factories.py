from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from pswhub.core.tests.factories import ServiceFactory, StaffMemberFactory
from pswhub.workload.models import CaseloadSnapshot, CaseWeight, EarlyCareerYear, WeightingScheme


class WeightingSchemeFactory(DjangoModelFactory):
    """Wirral's shape: 100 points for a full-time worker, 15 non-case points, 90 in the early-career year."""

    class Meta:
        model = WeightingScheme
        django_get_or_create = ["service"]

    service = factory.SubFactory(ServiceFactory)
    non_case_points = Decimal("15")
    capacity_points = Decimal("100")
    early_career_capacity_points = Decimal("90")
    target_caseload = Decimal("24")


def weights_set(scheme, points):
    """Gives `scheme` the points {(case type, complexity): points}."""
    for (case_type, complexity), value in points.items():
        CaseWeight.objects.update_or_create(
            scheme=scheme, case_type_id=case_type, complexity_id=complexity, defaults={"points": Decimal(value)}
        )
    return scheme


class CaseloadSnapshotFactory(DjangoModelFactory):
    class Meta:
        model = CaseloadSnapshot

    staff_member = factory.SubFactory(StaffMemberFactory)
    date = date(2026, 9, 30)
    case_type_id = "child_in_need"
    complexity_id = "standard"
    count = 1


class EarlyCareerYearFactory(DjangoModelFactory):
    class Meta:
        model = EarlyCareerYear

    staff_member = factory.SubFactory(StaffMemberFactory)
    starts_on = date(2026, 1, 5)
    ends_on = date(2027, 1, 4)
