from datetime import date

import factory
from factory.django import DjangoModelFactory

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.registrations.models import FitnessToPractiseReferral, Registration, Renewal


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    staff_member = factory.SubFactory(StaffMemberFactory, started_on=date(2020, 1, 6))
    swe_number = factory.Sequence(lambda n: f"SW{200000 + n}")
    registered_on = date(2019, 9, 1)


class RenewalFactory(DjangoModelFactory):
    class Meta:
        model = Renewal

    registration = factory.SubFactory(RegistrationFactory)
    year = 2026
    cpd_entries = 2
    peer_reflection = True


class ReferralFactory(DjangoModelFactory):
    class Meta:
        model = FitnessToPractiseReferral

    staff_member = factory.SubFactory(StaffMemberFactory)
    referred_on = date(2026, 3, 2)
    referred_by = "The council"
    concern = "Recording of home visits that did not take place."
