"""The case file audits section of the annual report, against figures worked out by hand."""

import io
import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from lxml import html as lxml_html

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


def test_the_section_is_registered_after_the_workforce_and_before_routes_in():
    # The report's frame puts it by its key (pswhub/reporting/tests/test_sections.py); its order
    # keeps it in the same place for anything that sorts by order alone.
    keys = [section.key for section in registered_sections()]
    assert keys.index("workforce") < keys.index("audits") < keys.index("people_development")
    section = next(section for section in registered_sections() if section.key == "audits")
    assert (section.title, section.order) == ("Practice quality and case file audits", 30)


def test_audits_are_reported_by_service_and_by_type_never_pooled(two_years):
    data = AuditSection().build(two_years, "all")
    rows = data.figures["by_service_and_type"]
    # Children's full case audits, 2025/26: 5 outstanding + 9 good = 14 of 20 = 70.0%; none in 2024/25.
    assert rows["children:full"] == {
        "completed": 20,
        "completed_previous": 0,
        "by_grade": {"outstanding": 5, "good": 9, "requires_improvement": 6, "inadequate": 0, "total": 20},
        "good_or_better_pct": 70.0,
        "good_or_better_pct_previous": None,
    }
    # Children's dip samples, 2024/25: 8 good of 14 = 57.142...% -> 57.1%; none in 2025/26.
    assert rows["children:dip_sample"]["good_or_better_pct_previous"] == 57.1
    assert rows["children:dip_sample"]["good_or_better_pct"] is None
    assert (rows["children:dip_sample"]["completed"], rows["children:dip_sample"]["completed_previous"]) == (0, 14)
    assert rows["adults:full"]["completed"] == 0 and "all:pooled" not in rows
    # The 70.0% of full audits is never set against the 57.1% of dip samples.
    assert (
        data.headline
        == data.comparison
        == ("Children's services: 70.0% of the 20 full case audits completed in 2025/26 were rated good or better.")
    )
    assert "57.1" not in data.comparison
    assert data.table.rows == [
        ["Children's services: full case audits", 0, 20, "–", "70.0%"],
        ["Children's services: dip samples", 14, 0, "57.1%", "–"],
    ]
    assert data.table.head[-2:] == ["Good or better 2024/25", "Good or better 2025/26"]
    assert data.chart.series == [
        {"name": "2024/25", "values": [None, 57.1]},
        {"name": "2025/26", "values": [70.0, None]},
    ]
    assert "Children's services: dip samples: 57.1% in 2024/25 and no graded audits in 2025/26." in (
        data.chart.description
    )
    assert data.basis.startswith("Case file audits of cases in children's services and adults' services completed")


def test_the_figures_are_the_selectors_for_each_service_and_type(two_years):
    adults = TeamFactory(name="Adults East", service__kind=Service.ADULTS)
    make({"good": 5, "inadequate": 5}, on=date(2025, 10, 1), team=adults, audit_type="themed")
    data = AuditSection().build(YEAR, "all").figures["by_service_and_type"]
    for kind in ("children", "adults"):
        counts = selectors.counting.final_grade_counts(periods=[YEAR], services=kind)
        for audit_type in ("full", "dip_sample", "themed"):
            completed = sum(n for (_, kind_of, _), n in counts.items() if kind_of == audit_type)
            assert data[f"{kind}:{audit_type}"]["completed"] == completed
    # Adults' themed audits: 5 good of 10 = 50.0%, kept apart from the children's full audits.
    assert data["adults:themed"]["good_or_better_pct"] == 50.0


def test_the_psw_may_pool_every_audit_and_the_report_says_so(two_years):
    data = AuditSection().build(two_years, "all", options={"audits_pooled": True})
    pooled = data.figures["by_service_and_type"]["all:pooled"]
    # 2025/26: 14 good or better of 20 = 70.0%; 2024/25: 8 of 14 = 57.1%, dip samples included.
    assert (pooled["good_or_better_pct"], pooled["good_or_better_pct_previous"]) == (70.0, 57.1)
    assert data.comparison == (
        "70.0% of all case file audits, every service and type pooled at the PSW's choice, were rated good or "
        "better, compared with 57.1% in 2024/25."
    )
    assert data.table.rows[-1][0] == "All audits, pooled at the PSW's choice"
    assert any("pooling every service and type of audit" in note for note in data.notes)


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
    row = data.figures["by_service_and_type"]["children:full"]
    assert row["good_or_better_pct"] == 70 and row["good_or_better_pct_previous"] == 57.1
    assert row["by_grade"] == {"outstanding": 2, "good": 5, "requires_improvement": 2, "inadequate": 1, "total": 10}
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
    data = AuditSection().build(YEAR, "adults")
    assert set(data.figures["by_service_and_type"]) == {"adults:full", "adults:dip_sample", "adults:themed"}
    assert data.figures["by_service_and_type"]["adults:full"]["good_or_better_pct"] == 50.0
    assert data.comparison == (
        "Adults' services: 50.0% of the 10 full case audits completed in 2025/26 were rated good or better."
    )
    # children's: still 14 / 20 = 70.0%
    children = AuditSection().build(YEAR, "children").figures["by_service_and_type"]
    assert children["children:full"]["good_or_better_pct"] == 70.0


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
        report = AuditSection().build(YEAR, "all").figures["by_service_and_type"]["children:full"]
        command = command_figures("--from", "2025-04-01", "--to", "2026-03-31")
        trend = dashboard["trend"][-1]
        return {
            "dashboard": (
                dashboard["figures"]["current"]["completed"],
                dashboard["figures"]["current"]["good_or_better_pct"],
            ),
            "dashboard trend": (trend["completed"], trend["good_or_better_pct"]),
            "report": (report["completed"], report["good_or_better_pct"]),  # every audit here is a full one
            "command": (command["completed"], command["good_or_better_pct"]),
        }

    assert set(everywhere().values()) == {(10, Decimal("50.0"))}
    services.audit_moderate(audit=audit, moderator=qa_officer, grade=grade("good"))
    Moderation.objects.filter(audit=audit).update(moderated_at=timezone.make_aware(datetime(2026, 4, 10, 12)))
    assert set(everywhere().values()) == {(11, Decimal("54.5"))}


def test_a_year_with_no_audits_gives_a_sentence_and_no_chart(two_years):
    data = AuditSection().build(Period(date(2026, 4, 1), date(2027, 3, 31)), "all")
    assert data.chart is None and data.table is None
    assert (
        data.missing
        == data.comparison
        == data.headline
        == (
            "No case file audits of children's services and adults' services were completed in 2026/27, so there "
            "are no grades to set beside 2025/26's."
        )
    )
    nothing = AuditSection().build(Period(date(2020, 4, 1), date(2021, 3, 31)), "children")
    assert nothing.missing == "No case file audits of children's services were completed in 2020/21."


def test_the_annual_report_for_the_demo_council_shows_each_services_full_audits(tmp_path):
    demo_data_load(create_accounts=False)
    start, end = date(2025, 4, 1), date(2026, 3, 31)
    counts = selectors.counting.final_grade_counts(periods=[Period(start, end)], services="children")
    full = {code: n for (_, kind, code), n in counts.items() if kind == "full"}
    expected = selectors.counting.graded_figures(full, {"outstanding", "good"})["good_or_better_pct"]
    assert expected is not None
    path = tmp_path / "report.html"
    call_command(
        "annual_report",
        *("--from", "2025-04-01", "--to", "2026-03-31", "--format", "html", "--output", str(path)),
        stdout=io.StringIO(),
    )
    page = " ".join(lxml_html.fromstring(path.read_bytes()).text_content().split())
    assert (
        f"Children's services: {percent(expected)} of the {sum(full.values())} full case audits completed in "
        "2025/26 were rated good or better" in page
    )
    assert "Case file audits rated good or better, by service and type, 2024/25 and 2025/26" in page
