from datetime import date

import factory
from factory.django import DjangoModelFactory

from pswhub.governance.models import (
    ActionUpdate,
    CommitteeAction,
    CommitteeMeeting,
    PeerReview,
    PeerReviewFinding,
    Priority,
    PriorityUpdate,
    Rag,
)


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = Priority

    year_start = 2025
    title = factory.Sequence(lambda n: f"Priority {n}")
    measures = "Turnover below 12%"


class PriorityUpdateFactory(DjangoModelFactory):
    class Meta:
        model = PriorityUpdate

    priority = factory.SubFactory(PriorityFactory)
    as_at = date(2025, 6, 30)
    rag = Rag.GREEN
    narrative = "On track."


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = CommitteeMeeting

    committee = "Children's Select Committee"
    held_on = date(2025, 7, 10)
    agenda_item = "PSW annual report"


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = CommitteeAction

    meeting = factory.SubFactory(MeetingFactory)
    description = "To circulate information as to which courses cover parental alienation."
    owner_name = "Richard Nash"
    due_on = date(2025, 9, 30)


class ActionUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ActionUpdate

    action = factory.SubFactory(ActionFactory)
    narrative = "Sent to members."


class PeerReviewFactory(DjangoModelFactory):
    class Meta:
        model = PeerReview

    title = "Peer review of practice"
    reviewed_on = date(2025, 11, 12)


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = PeerReviewFinding

    review = factory.SubFactory(PeerReviewFactory)
    kind = "strength"
    finding = "Social workers know their children well."
