from datetime import date

import factory
from factory.django import DjangoModelFactory

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.learning.models import Booking, LearningEvent, SupervisionSession


class EventFactory(DjangoModelFactory):
    class Meta:
        model = LearningEvent
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}")
    kind = "course"
    service = "children"
    held_on = date(2025, 10, 1)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class BookingFactory(DjangoModelFactory):
    class Meta:
        model = Booking

    event = factory.SubFactory(EventFactory)
    staff_member = factory.SubFactory(StaffMemberFactory)
    attended = True


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = SupervisionSession

    staff_member = factory.SubFactory(StaffMemberFactory)
    held_on = date(2026, 3, 1)
    kind = "individual"
    minutes = 90
