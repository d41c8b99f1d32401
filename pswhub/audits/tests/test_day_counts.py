"""The dashboard's day counts (pswhub/audits/day_counts.py) equal the counts made from every audit
after each kind of change: completing, moderating, importing, deleting, and a rebuild; and the
council's figures read from them equal its services' counted from the audits."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import Coalesce

from pswhub.audits import selectors, services
from pswhub.audits.day_counts import audit_counts_rebuild
from pswhub.audits.models import Audit, FinalGradeDay, LearningTheme, SectionGradeDay, SectionResult, ThemeDay
from pswhub.audits.tests.factories import AuditFactory, draft_audit, grade
from pswhub.audits.tests.test_commands import HEADER, csv_file
from pswhub.core.periods import Period

pytestmark = pytest.mark.django_db


def counted_from_the_audits():
    """Final grades, section grades and themes of completed audits by completion day, counted from
    every row."""
    completed = {"audit__status": Audit.Status.COMPLETED}
    final = {
        (row["completed_on"], row["audit_type"], row["final"]): row["n"]
        for row in Audit.objects.filter(status=Audit.Status.COMPLETED)
        .annotate(final=Coalesce("moderation__moderated_grade_id", "overall_grade_id"))
        .values("completed_on", "audit_type", "final")
        .annotate(n=Count("*"))
    }
    sections = {
        (row["audit__completed_on"], row["section_id"], row["grade_id"]): row["n"]
        for row in SectionResult.objects.filter(grade__isnull=False, **completed)
        .values("audit__completed_on", "section_id", "grade_id")
        .annotate(n=Count("*"))
    }
    themes = {
        (row["audit__completed_on"], row["learningtheme_id"]): row["n"]
        for row in Audit.themes.through.objects.filter(**completed)
        .values("audit__completed_on", "learningtheme_id")
        .annotate(n=Count("*"))
    }
    return final, sections, themes


def kept():
    final = {(row.completed_on, row.audit_type, row.grade_id): row.count for row in FinalGradeDay.objects.all()}
    sections = {(row.completed_on, row.section_id, row.grade_id): row.count for row in SectionGradeDay.objects.all()}
    themes = {(row.completed_on, row.theme_id): row.count for row in ThemeDay.objects.all()}
    return final, sections, themes


def themes(*codes):
    return list(LearningTheme.objects.filter(code__in=codes))


def filled_in(auditor, team, overall, theme_codes=("voice-of-the-child",)):
    audit = draft_audit(team=team, auditor=auditor)
    sections = list(audit.tool_version.sections.all()[:2])
    services.audit_save_draft(
        audit=audit,
        changed_by=auditor,
        sections={sections[0]: (grade("good"), "Seen"), sections[1]: (grade("requires_improvement"), "Late")},
        overall_grade=grade(overall),
        themes=themes(*theme_codes),
    )
    return audit


def test_completing_an_audit_adds_its_section_grades_and_themes(settings, auditor, north_team):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    for _ in range(2):
        services.audit_submit(
            audit=filled_in(auditor, north_team, "good"), submitted_by=auditor, today=date(2025, 6, 2)
        )
    final, sections, theme_counts = kept()
    assert list(final.values()) == [2]
    assert sorted(sections.values()) == [2, 2]
    assert list(theme_counts.values()) == [2]
    assert kept() == counted_from_the_audits()


def test_an_audit_awaiting_moderation_counts_once_it_is_moderated(settings, auditor, qa_officer, north_team):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    audit = filled_in(auditor, north_team, "inadequate")
    services.audit_submit(audit=audit, submitted_by=auditor, today=date(2025, 6, 2))
    assert kept() == ({}, {}, {})
    services.audit_moderate(audit=audit, moderator=qa_officer, grade=grade("requires_improvement"))
    assert list(kept()[0].values()) == [1]
    assert next(iter(kept()[0]))[2] == grade("requires_improvement").pk  # the moderated grade
    assert kept() == counted_from_the_audits()


def test_imported_audits_add_their_themes(tmp_path, north_team):
    path = csv_file(
        tmp_path,
        HEADER.strip() + ",themes\n"
        f"CR1,full,{north_team.name},2024-05-01,good,voice-of-the-child; management-oversight\n"
        f"CR2,full,{north_team.name},2024-05-01,good,voice-of-the-child\n",
    )
    call_command("import_audits", path, stdout=StringIO())
    assert sorted(kept()[2].values()) == [1, 2]
    assert list(kept()[0].values()) == [2]
    assert kept() == counted_from_the_audits()


def test_deleting_a_completed_audit_takes_it_out(settings, psw, auditor, north_team):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    audits = [filled_in(auditor, north_team, "good") for _ in range(2)]
    for audit in audits:
        services.audit_submit(audit=audit, submitted_by=auditor, today=date(2025, 6, 2))
    services.audit_delete(audit=audits[0], deleted_by=psw)
    assert list(kept()[2].values()) == [1]
    assert kept() == counted_from_the_audits()
    services.audit_delete(audit=audits[1], deleted_by=psw)
    assert kept() == ({}, {}, {}) == counted_from_the_audits()
    assert Audit.history.filter(id=audits[1].pk, history_type="-").get().history_user == psw


def test_the_rebuild_makes_every_day_again(settings, auditor, north_team):
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    services.audit_submit(audit=filled_in(auditor, north_team, "good"), submitted_by=auditor, today=date(2025, 6, 2))
    AuditFactory(team=north_team, completed_on=date(2024, 1, 5), themes=themes("management-oversight"))
    Audit.themes.through.objects.all().delete()  # a change past the services: the counts are now wrong
    assert kept() != counted_from_the_audits()
    call_command("rebuild_audit_counts", stdout=StringIO())
    assert kept() == counted_from_the_audits()
    assert audit_counts_rebuild()["section_grade_days"] == 2


def test_the_councils_figures_from_the_day_counts_are_its_services_counted_from_the_audits(
    settings, psw, qa_officer, north_team, adults_team
):
    """Two services, three types, a moderated grade and four years, one of them empty. The
    council's figures are summed from the day counts; a service's are counted from its audits
    (`final_grade_counts`): children's and adults' together are the council's, and the dashboard
    shows the council's for the year, the year before and each year of the trend."""
    for day, team, audit_type, code in [
        (date(2023, 5, 1), north_team, "full", "good"),
        (date(2024, 4, 1), north_team, "dip_sample", "outstanding"),
        (date(2025, 3, 31), adults_team, "themed", "inadequate"),
        (date(2025, 4, 1), adults_team, "full", "requires_improvement"),
        (date(2026, 3, 31), north_team, "full", "good"),
    ]:
        AuditFactory(team=team, audit_type=audit_type, completed_on=day, overall_grade=grade(code))
    settings.PSWHUB_AUDIT_MODERATION_SHARE = 0
    audit = draft_audit(team=north_team, auditor=psw)
    services.audit_save_draft(audit=audit, changed_by=psw, overall_grade=grade("inadequate"))
    services.audit_submit(audit=audit, submitted_by=psw, today=date(2025, 9, 1))
    services.audit_moderate(audit=audit, moderator=qa_officer, grade=grade("good"))

    for year in (2022, 2023, 2024, 2025):
        period = Period.financial_year(year)
        council, children, adults = (
            selectors.audit_figures(date_from=period.start, date_to=period.end, services=services_, by_team=False)
            for services_ in ("all", "children", "adults")
        )
        for key in ("by_grade", "by_type"):
            assert council[key] == {name: children[key][name] + adults[key][name] for name in council[key]}
        shown = selectors.audit_dashboard(user=psw, year=year, years=[2025, 2024, 2023, 2022])
        assert shown["figures"]["current"] == council
        assert (shown["trend"][-1]["completed"], shown["trend"][-1]["good_or_better_pct"]) == (
            council["completed"],
            council["good_or_better_pct"],
        )
        by_kind = {row["kind"]: row for row in shown["by_service"]["current"]}
        assert by_kind["children"]["by_grade"] == children["by_grade"]
        assert by_kind["adults"]["by_grade"] == adults["by_grade"]
    assert [entry["completed"] for entry in shown["trend"]] == [0, 1, 2, 3]
    # 2025/26: the moderated good and 31 March's good (children's), and adults' requires
    # improvement: 2 of 3 = 66.666...% = 66.7%
    assert shown["figures"]["current"]["by_grade"]["good"] == 2
    assert shown["figures"]["current"]["good_or_better_pct"] == Decimal("66.7")
    assert shown["figures"]["previous"]["completed"] == 2
