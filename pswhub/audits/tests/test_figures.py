"""Audit figures against values worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from pswhub.audits import selectors, services
from pswhub.audits.models import Audit
from pswhub.audits.tests.factories import AuditFactory, draft_audit, grade
from pswhub.core.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db

YEAR_START, YEAR_END = date(2025, 4, 1), date(2026, 3, 31)


def make(counts, *, on=date(2025, 6, 1), **kwargs):
    for code, n in counts.items():
        for _ in range(n):
            AuditFactory(overall_grade=grade(code), completed_on=on, **kwargs)


def test_good_or_better_is_outstanding_and_good_over_all_graded():
    make({"outstanding": 2, "good": 5, "requires_improvement": 2, "inadequate": 1})
    figures = selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)
    assert figures["completed"] == 10
    assert figures["by_grade"] == {"outstanding": 2, "good": 5, "requires_improvement": 2, "inadequate": 1}
    # (2 + 5) / 10 = 70.0%
    assert figures["good_or_better_pct"] == Decimal("70.0")


def test_percentage_rounds_halves_up_to_one_decimal_place():
    # 1 good of 16: 6.25% -> 6.3 (half up, not to even), for the council (from the day counts)
    # and for one team (from the audits)
    north = TeamFactory(name="North")
    make({"good": 1, "inadequate": 15}, team=north)
    assert selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)["good_or_better_pct"] == Decimal("6.3")
    assert selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END, team=north)["good_or_better_pct"] == (
        Decimal("6.3")
    )
    # South's 2 good and 1 inadequate added: 3 good of 19 = 15.789...% -> 15.8
    make({"good": 2, "inadequate": 1}, team=TeamFactory(name="South"))
    assert selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)["good_or_better_pct"] == Decimal("15.8")


def test_no_audits_gives_no_percentage_rather_than_zero():
    figures = selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)
    assert figures["completed"] == 0
    assert figures["good_or_better_pct"] is None


def test_only_completed_audits_inside_the_period_count():
    make({"good": 1}, on=YEAR_START)
    make({"good": 1}, on=YEAR_END)
    make({"good": 1}, on=date(2025, 3, 31))  # the day before: last year
    make({"good": 1}, on=date(2026, 4, 1))  # the day after: next year
    AuditFactory(status=Audit.Status.DRAFT, completed_on=None, overall_grade=None)
    figures = selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)
    assert figures["completed"] == 2


def test_by_type_and_by_team():
    north, south = TeamFactory(name="North"), TeamFactory(name="South")
    make({"good": 3}, team=north, audit_type="full")
    make({"inadequate": 2}, team=south, audit_type="dip_sample")
    make({"requires_improvement": 1}, team=south, audit_type="themed")
    figures = selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)
    assert figures["by_type"] == {"full": 3, "dip_sample": 2, "themed": 1}
    assert figures["by_team"] == {"North": 3, "South": 3}


def test_a_team_includes_the_teams_beneath_it():
    north = TeamFactory(name="North")
    north_assessment = TeamFactory(name="North Assessment", parent=north, service=north.service)
    make({"good": 1}, team=north)
    make({"good": 2}, team=north_assessment)
    make({"inadequate": 4})
    assert selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END, team=north)["completed"] == 3
    assert selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END, team=north_assessment)["completed"] == 2


def test_the_year_before_uses_the_same_dates_a_year_earlier():
    # Seed 001: 57% one year, 70% the next. 4 of 7 = 57.14...% -> 57.1; 7 of 10 = 70.0
    make({"good": 4, "requires_improvement": 3}, on=date(2024, 9, 1))
    make({"good": 7, "inadequate": 3}, on=date(2025, 9, 1))
    both = selectors.audit_figures_with_year_before(date_from=YEAR_START, date_to=YEAR_END)
    assert both["previous"]["good_or_better_pct"] == Decimal("57.1")
    assert both["current"]["good_or_better_pct"] == Decimal("70.0")
    assert both["previous"]["from"] == "2024-04-01"


def test_a_moderated_grade_replaces_the_auditors_in_the_figures(qa_officer, auditor):
    audit = AuditFactory(
        status=Audit.Status.DRAFT, completed_on=None, overall_grade=grade("inadequate"), auditor=auditor
    )
    services.audit_submit(audit=audit, submitted_by=auditor, today=date(2025, 6, 1))
    # Inadequate always goes to moderation: not completed yet, so not counted.
    assert selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)["completed"] == 0
    services.audit_moderate(audit=audit, moderator=qa_officer, grade=grade("requires_improvement"))
    figures = selectors.audit_figures(date_from=YEAR_START, date_to=YEAR_END)
    assert figures["by_grade"]["requires_improvement"] == 1
    assert figures["by_grade"]["inadequate"] == 0
    audit.refresh_from_db()
    assert audit.overall_grade.code == "inadequate"  # the original is kept


def test_themes_by_frequency(db):
    from pswhub.audits.models import LearningTheme

    voice = LearningTheme.objects.get(code="voice-of-the-child")
    oversight = LearningTheme.objects.get(code="management-oversight")
    AuditFactory(themes=[voice, oversight])
    AuditFactory(themes=[voice])
    AuditFactory(themes=[voice], completed_on=date(2024, 6, 1))  # last year
    assert selectors.audit_theme_frequency(date_from=YEAR_START, date_to=YEAR_END) == [
        ("Voice of the child", 2),
        ("Management oversight", 1),
    ]


def test_actions_open_and_overdue(auditor):
    audit = AuditFactory()
    services.audit_action_create(
        audit=audit, description="Update the chronology", due_on=date(2025, 7, 1), created_by=auditor
    )
    services.audit_action_create(
        audit=audit, description="Review the plan", due_on=date(2025, 9, 1), created_by=auditor
    )
    done = services.audit_action_create(audit=audit, description="Visit", due_on=date(2025, 6, 1), created_by=auditor)
    services.audit_action_complete(action=done, changed_by=auditor, today=date(2025, 6, 2))
    # On 1 August: two open, one of them (due 1 July) overdue.
    assert selectors.action_figures(today=date(2025, 8, 1)) == {"open": 2, "overdue": 1}


def test_moderation_agreement(settings, qa_officer, auditor):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 100  # moderate every audit
    for original, moderated in [
        ("good", "good"),
        ("good", "requires_improvement"),
        ("inadequate", "inadequate"),
        ("requires_improvement", "good"),
    ]:
        audit = AuditFactory(
            status=Audit.Status.DRAFT, completed_on=None, overall_grade=grade(original), auditor=auditor
        )
        services.audit_submit(audit=audit, submitted_by=auditor)
        services.audit_moderate(audit=audit, moderator=qa_officer, grade=grade(moderated))
    today = timezone.localdate()
    figures = selectors.moderation_figures(date_from=today, date_to=today)
    # 2 of 4 agreed = 50.0%; one raised (RI -> good), one lowered (good -> RI)
    assert figures["moderated"] == 4
    assert figures["agreed"] == 2
    assert figures["agreement_pct"] == Decimal("50.0")
    assert (figures["raised"], figures["lowered"]) == (1, 1)


def test_section_grades_and_each_sections_good_or_better(settings, auditor, north_team):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    for first_grade in ("good", "outstanding", "inadequate"):
        audit = draft_audit(team=north_team, auditor=auditor)
        first, second = list(audit.tool_version.sections.all()[:2])
        services.audit_save_draft(
            audit=audit,
            changed_by=auditor,
            sections={first: (grade(first_grade), ""), second: (grade("requires_improvement"), "")},
            overall_grade=grade("good"),
        )
        services.audit_submit(audit=audit, submitted_by=auditor, today=date(2025, 6, 2))
    sections = selectors.audit_section_grades(date_from=YEAR_START, date_to=YEAR_END)
    assert sections[first.title] == {"outstanding": 1, "good": 1, "requires_improvement": 0, "inadequate": 1}
    # The first section: outstanding and good, 2 of 3 = 66.666...% = 66.7%; the second: 0 of 3 = 0.0%
    assert selectors.section_good_or_better(sections) == {first.title: Decimal("66.7"), second.title: Decimal("0.0")}
