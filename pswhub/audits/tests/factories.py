from datetime import date

import factory
from factory.django import DjangoModelFactory

from pswhub.audits.day_counts import audit_days_refresh
from pswhub.audits.models import Audit, AuditPlan, AuditTool, Case, CaseType, Grade, LearningTheme
from pswhub.audits.reference import OFSTED_SCALE
from pswhub.core.tests.factories import PEOPLE, TeamFactory, UserFactory  # noqa: F401  (PEOPLE is read from here too)


def grade(code):
    return Grade.objects.get(scale__code=OFSTED_SCALE, code=code)


def learning_theme(code):
    return LearningTheme.objects.get(code=code)


def tool(code="full-case-audit"):
    return AuditTool.objects.get(code=code)


class AuditFactory(DjangoModelFactory):
    """A completed audit by default; pass status="draft" (and no grade) for a draft."""

    class Meta:
        model = Audit
        skip_postgeneration_save = True

    audit_type = "full"
    case_reference = factory.Sequence(lambda n: f"CR{n:06d}")
    team = factory.SubFactory(TeamFactory)
    status = Audit.Status.COMPLETED
    completed_on = date(2025, 6, 1)
    overall_grade = factory.LazyFunction(lambda: grade("good"))

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def day_counts(self, create, extracted, **kwargs):
        """Written past the services, so the dashboard's day counts are made here as they would be."""
        if create and self.status == Audit.Status.COMPLETED:
            audit_days_refresh(days={self.completed_on})


def draft_audit(**kwargs):
    kwargs.setdefault("tool_version", tool().current_version())
    return AuditFactory(status=Audit.Status.DRAFT, completed_on=None, overall_grade=None, **kwargs)


class CaseFactory(DjangoModelFactory):
    class Meta:
        model = Case

    case_reference = factory.Sequence(lambda n: f"CASE{n:05d}")
    team = factory.SubFactory(TeamFactory)
    case_type = CaseType.CHILD_IN_NEED
    opened_on = date(2025, 1, 6)


class AuditPlanFactory(DjangoModelFactory):
    """A plan for April 2026 of the first team's service, sampling 4 cases with the full tool."""

    class Meta:
        model = AuditPlan

    period_start = date(2026, 4, 1)
    period_end = date(2026, 4, 30)
    service = factory.LazyAttribute(lambda plan: plan.team.service if plan.team else TeamFactory().service)
    team = None
    tool = factory.LazyFunction(tool)
    sample_size = 4
    created_by = factory.SubFactory(UserFactory)
