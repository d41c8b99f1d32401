"""The case file audits section of the annual report, against figures worked out by hand."""

import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from pswhub.audits import selectors, services
from pswhub.audits.models import Audit, Moderation
from pswhub.audits.report_section import AuditSection
from pswhub.audits.tests.factories import AuditFactory, grade
from pswhub.core.demo import demo_data_load
from pswhub.core.models import Service
from pswhub.core.periods import Period
from pswhub.core.presenters import percent
from pswhub.core.report_sections import SectionData, registered_sections
from pswhub.core.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db

C = "c"
YEAR = Period(date(2025, 4, 1), date(2026, 3, 31))


def make(counts, *, on, **kwargs):
    for code, n in counts.items():
        for _ in range(n):
            AuditFactory(overall_grade=grade(code), completed_on=on, **kwargs)


@pytest.fixture
def two_years(db):
    """2025/26: 5 outstanding, 9 good, 6 requires improvement = 20 audits, 14 good or better.
    2024/25: 8 good, 6 requires improvement = 14 audits, 8 good or better. Every count is 0 or at
    least 5, so nothing is suppressed."""
    team = TeamFactory(name="North")
    make({"outstanding": 5, "good": 9, "requires_improvement": 6}, on=date(2025, 9, 1), team=team)
    make({"good": 8, "requires_improvement": 6}, on=date(2024, 9, 1), team=team, audit_type="dip_sample")
    return YEAR


def test_the_section_is_registered_between_the_organisation_and_the_work_plan():
    keys = [section.key for section in registered_sections()]
    assert keys.index("organisation") < keys.index("audits") < keys.index("work_plan")
    section = next(section for section in registered_sections() if section.key == "audits")
    assert (section.title, section.order) == ("Case file audits", 30)


def test_the_section_shows_the_selectors_figures_for_the_year_and_the_year_before(two_years):
    data = AuditSection().build(two_years, "all")
    both = selectors.audit_figures_with_year_before(date_from=date(2025, 4, 1), date_to=date(2026, 3, 31))
    # 14 / 20 = 70.0%; 8 / 14 = 57.142...% -> 57.1%
    assert both["current"]["good_or_better_pct"] == Decimal("70.0")
    assert both["previous"]["good_or_better_pct"] == Decimal("57.1")
    # The snapshot keeps plain values: the selector's Decimal as a float.
    assert data.figures["good_or_better_pct"] == float(both["current"]["good_or_better_pct"]) == 70.0
    assert data.figures["good_or_better_pct_previous"] == float(both["previous"]["good_or_better_pct"]) == 57.1
    assert data.figures["completed"] == both["current"]["completed"] == 20
    assert data.figures["completed_previous"] == 14
    assert data.figures["by_type"] == {"full": 20, "dip_sample": 0, "themed": 0, "total": 20}
    assert data.figures["by_type_previous"] == {"full": 0, "dip_sample": 14, "themed": 0, "total": 14}
    assert data.figures["by_grade"] == {
        "outstanding": 5,
        "good": 9,
        "requires_improvement": 6,
        "inadequate": 0,
        "total": 20,
    }
    assert data.comparison == "70.0% of case files audited were rated good or better, compared with 57.1% in 2024/25."
    assert data.table.rows == [
        ["Outstanding", 0, 5],
        ["Good", 8, 9],
        ["Requires improvement to be good", 6, 6],
        ["Inadequate", 0, 0],
        ["Total", 14, 20],
    ]
    assert data.chart.series == [
        {"name": "2024/25", "values": [0, 8, 6, 0]},
        {"name": "2025/26", "values": [5, 9, 6, 0]},
    ]
    assert "Good: 8 in 2024/25 and 9 in 2025/26." in data.chart.description
    assert data.narrative.startswith(
        "20 case file audits were completed in 2025/26 (20 full case audits, 0 dip samples, 0 themed audits), "
        "compared with 14 in 2024/25."
    )


def test_the_section_survives_json_exactly(two_years):
    data = AuditSection().build(two_years, "all")
    assert SectionData.from_dict(json.loads(json.dumps(data.as_dict()))) == data


def test_small_grade_counts_of_the_councils_audits_are_shown_because_they_identify_no_one(db):
    # Counts of audits at council or service level identify no one (docs/adr/0013), so the report
    # shows them all, small or not. 2025/26: 2 outstanding, 5 good, 2 requires improvement,
    # 1 inadequate: 7 / 10 = 70.0%. 2024/25: 4 good, 3 requires improvement: 4 / 7 = 57.14, 57.1%.
    make({"outstanding": 2, "good": 5, "requires_improvement": 2, "inadequate": 1}, on=date(2025, 6, 1))
    make({"good": 4, "requires_improvement": 3}, on=date(2024, 6, 1))
    data = AuditSection().build(YEAR, "all")
    assert data.figures["good_or_better_pct"] == 70 and data.figures["good_or_better_pct_previous"] == 57.1
    assert data.table.rows[:4] == [
        ["Outstanding", 0, 2],
        ["Good", 4, 5],
        ["Requires improvement to be good", 3, 2],
        ["Inadequate", 0, 1],
    ]
    assert " c " not in f" {data.comparison} {data.narrative} {data.chart.description} "


def test_team_counts_are_suppressed_but_council_counts_are_not():
    figures = {
        "completed": 26,
        "by_grade": {"outstanding": 1, "good": 5, "requires_improvement": 10, "inadequate": 10},
        "good_or_better": 6,
        "good_or_better_pct": Decimal("23.1"),
        "by_type": {"full": 26},
        "by_team": {"North": 24, "South": 2},
    }
    shown = selectors.audit_figures_suppressed(figures)
    assert shown["by_grade"] == {"outstanding": 1, "good": 5, "requires_improvement": 10, "inadequate": 10, "total": 26}
    assert shown["good_or_better_pct"] == Decimal("23.1") and shown["completed"] == 26
    # South's 2 is small; with the total 26 shown, North's 24 would give it away, so both are c:
    # South could then be anything from 1 to 4 (North 25 to 22), so the total can stay.
    assert shown["by_team"] == {"North": C, "South": C, "total": 26}


def test_a_report_for_one_service_counts_only_that_services_audits(two_years):
    adults = TeamFactory(name="Adults East", service__kind=Service.ADULTS)
    make({"good": 5, "inadequate": 5}, on=date(2025, 10, 1), team=adults)
    figures = selectors.audit_figures(date_from=YEAR.start, date_to=YEAR.end, services="adults")
    # 5 good of 10 = 50.0%; the 20 children's audits are not counted
    assert (figures["completed"], figures["good_or_better_pct"]) == (10, 50)
    assert selectors.audit_figures(date_from=YEAR.start, date_to=YEAR.end, services="children")["completed"] == 20
    assert selectors.audit_figures(date_from=YEAR.start, date_to=YEAR.end)["completed"] == 30
    data = AuditSection().build(YEAR, "adults")
    assert data.figures["completed"] == 10 and data.figures["good_or_better_pct"] == 50.0
    assert data.comparison == (
        "50.0% of case files audited were rated good or better; there is no figure for 2024/25 to compare with."
    )
    # children's: still 14 / 20 = 70.0%
    assert AuditSection().build(YEAR, "children").figures["good_or_better_pct"] == 70.0


def command_figures(*args):
    out = io.StringIO()
    call_command("audit_figures", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_a_past_year_is_the_same_on_the_dashboard_in_the_report_and_from_the_command_after_a_late_moderation(
    psw, qa_officer, auditor
):
    """2025/26: 5 good and 5 requires improvement completed, and one audit graded inadequate
    submitted on 30 March 2026 that waits for moderation; it is moderated to good on 10 April
    2026, after the year ended. The grade that counts is the final grade whenever the moderation
    happened (ADR 0205): before it, 5 of 10 = 50.0% everywhere; after it, 6 of 11 = 54.5454...%
    = 54.5% everywhere, in the year the audit was submitted."""
    make({"good": 5, "requires_improvement": 5}, on=date(2025, 9, 1))
    audit = AuditFactory(
        status=Audit.Status.DRAFT, completed_on=None, overall_grade=grade("inadequate"), auditor=auditor
    )
    services.audit_submit(audit=audit, submitted_by=auditor, today=date(2026, 3, 30))

    def everywhere():
        dashboard = selectors.audit_dashboard(user=psw, year=2025, years=[2025])
        report = AuditSection().build(YEAR, "all").figures
        command = command_figures("--from", "2025-04-01", "--to", "2026-03-31")
        trend = dashboard["trend"][-1]
        return {
            "dashboard": (
                dashboard["figures"]["current"]["completed"],
                dashboard["figures"]["current"]["good_or_better_pct"],
            ),
            "dashboard trend": (trend["completed"], trend["good_or_better_pct"]),
            "report": (report["completed"], report["good_or_better_pct"]),
            "command": (command["completed"], command["good_or_better_pct"]),
        }

    assert set(everywhere().values()) == {(10, Decimal("50.0"))}
    services.audit_moderate(audit=audit, moderator=qa_officer, grade=grade("good"))
    Moderation.objects.filter(audit=audit).update(moderated_at=timezone.make_aware(datetime(2026, 4, 10, 12)))
    assert set(everywhere().values()) == {(11, Decimal("54.5"))}


def test_a_year_with_no_audits_gives_a_sentence_and_no_chart(two_years):
    data = AuditSection().build(Period(date(2026, 4, 1), date(2027, 3, 31)), "all")
    assert data.figures["completed"] == 0 and data.figures["good_or_better_pct"] is None
    assert data.chart is None and data.table is None
    assert data.comparison == (
        "No case file audits were completed in 2026/27, so there is no percentage rated good or better "
        "to compare with 70.0% in 2025/26."
    )
    nothing = AuditSection().build(Period(date(2020, 4, 1), date(2021, 3, 31)), "all")
    assert nothing.comparison == "No case file audits were completed in 2020/21 or in 2019/20."


def test_the_annual_report_for_the_demo_council_shows_the_percentage_good_or_better(tmp_path):
    demo_data_load(create_accounts=False)
    start, end = date(2025, 4, 1), date(2026, 3, 31)
    expected = selectors.audit_figures(date_from=start, date_to=end)["good_or_better_pct"]
    path = tmp_path / "report.html"
    call_command(
        "annual_report",
        *("--from", "2025-04-01", "--to", "2026-03-31", "--format", "html", "--output", str(path)),
        stdout=io.StringIO(),
    )
    page = path.read_text()
    assert expected is not None
    assert f"{percent(expected)} of case files audited were rated good or better, compared with" in page
    assert "Case file audits by grade, 2024/25 and 2025/26" in page
