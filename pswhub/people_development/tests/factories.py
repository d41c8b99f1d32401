import datetime

import factory
from factory.django import DjangoModelFactory

from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.people_development.models import (
    EarlyCareerRecord,
    Placement,
    PracticeEducator,
    ProgressionApplication,
    ProgressionPanel,
    Review,
    SponsoredCohort,
)


class PlacementFactory(DjangoModelFactory):
    class Meta:
        model = Placement

    academic_year = 2020
    student_reference = factory.Sequence(lambda n: f"S{n:05d}")
    university = "University of Northshire"
    route_id = "degree"
    kind = "final"
    team = factory.SubFactory(TeamFactory)
    days = 100
    outcome = "passed"


class PracticeEducatorFactory(DjangoModelFactory):
    class Meta:
        model = PracticeEducator

    staff_member = factory.SubFactory(StaffMemberFactory)
    stage = 2
    qualified_on = datetime.date(2020, 6, 1)


class EarlyCareerRecordFactory(DjangoModelFactory):
    """A record made directly (no review schedule, no workload year): for figures. Pages and
    services make records through `services.early_career_record_save`."""

    class Meta:
        model = EarlyCareerRecord

    staff_member = factory.SubFactory(StaffMemberFactory, job_title="Newly Qualified Social Worker (ASYE)")
    programme_id = "asye"
    started_on = datetime.date(2020, 9, 1)
    outcome = "in_progress"


class ReviewFactory(DjangoModelFactory):
    class Meta:
        model = Review

    record = factory.SubFactory(EarlyCareerRecordFactory)
    months = 3
    due_on = datetime.date(2020, 12, 1)


class PanelFactory(DjangoModelFactory):
    class Meta:
        model = ProgressionPanel
        django_get_or_create = ["held_on"]

    held_on = datetime.date(2020, 6, 1)


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = ProgressionApplication

    staff_member = factory.SubFactory(StaffMemberFactory)
    panel = factory.SubFactory(PanelFactory)
    from_level_id = "social_worker"
    to_level_id = "experienced_social_worker"
    outcome = "progressed"


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = SponsoredCohort

    kind = "step_up"
    name = factory.Sequence(lambda n: f"Step Up cohort {n}")
    started_on = datetime.date(2019, 1, 7)
