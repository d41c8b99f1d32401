"""Figures by service and team, over the years, and time to complete, against values worked out by
hand from the definitions in docs/audits.md; then the dashboard that shows them."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pswhub.audits import selectors
from pswhub.audits.models import LearningTheme
from pswhub.audits.tests.factories import AuditFactory
from pswhub.audits.tests.test_figures import YEAR_END, YEAR_START, make
from pswhub.core.models import Service
from pswhub.core.presenters import SUPPRESSED as C
from pswhub.core.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db


def theme(code):
    return LearningTheme.objects.get(code=code)


# By service.


def test_by_service_counts_and_good_or_better(north_team, adults_team):
    make({"outstanding": 1, "good": 6, "inadequate": 3}, team=north_team)  # 7 of 10 = 70.0%
    make({"good": 1, "requires_improvement": 2}, team=adults_team)  # 1 of 3 = 33.3%
    make({"good": 5}, team=adults_team, on=date(2025, 3, 31))  # the year before
    rows = selectors.audit_figures_by_service(date_from=YEAR_START, date_to=YEAR_END)
    by_kind = {Service.objects.get(pk=row["service_id"]).kind: row for row in rows}
    assert by_kind["children"]["completed"] == 10
    assert by_kind["children"]["good_or_better"] == 7
    assert by_kind["children"]["good_or_better_pct"] == Decimal("70.0")
    assert by_kind["adults"]["completed"] == 3
    assert by_kind["adults"]["good_or_better_pct"] == Decimal("33.3")


def test_a_service_without_audits_is_listed_with_no_percentage(north_team, adults_team):
    make({"good": 2}, team=north_team)
    rows = selectors.audit_figures_by_service(date_from=YEAR_START, date_to=YEAR_END)
    adults = next(row for row in rows if row["service_id"] == adults_team.service_id)
    assert (adults["completed"], adults["good_or_better_pct"]) == (0, None)


def test_service_counts_are_shown_to_aggregate_readers_because_they_identify_no_one(north_team, adults_team):
    # Counts of audits at service level identify no one (docs/adr/0013). Children: 10 good, 10 RI
    # -> 10 / 20 = 50.0%. Adults: 3 good -> 3 / 3 = 100.0%, shown although 3 is small.
    make({"good": 10, "requires_improvement": 10}, team=north_team)
    make({"good": 3}, team=adults_team)
    shown = selectors.audit_figures_by_service_suppressed(
        selectors.audit_figures_by_service(date_from=YEAR_START, date_to=YEAR_END)
    )
    children = next(row for row in shown if row["service_id"] == north_team.service_id)
    adults = next(row for row in shown if row["service_id"] == adults_team.service_id)
    assert (adults["completed"], adults["good_or_better_pct"]) == (3, Decimal("100.0"))
    assert (children["completed"], children["good_or_better_pct"]) == (20, Decimal("50.0"))


def test_every_service_shows_its_percentage_when_none_is_small(north_team, adults_team):
    make({"good": 10, "requires_improvement": 10}, team=north_team)
    make({"good": 6, "inadequate": 6}, team=adults_team)
    shown = selectors.audit_figures_by_service_suppressed(
        selectors.audit_figures_by_service(date_from=YEAR_START, date_to=YEAR_END)
    )
    assert [(row["completed"], row["good_or_better_pct"]) for row in shown] == [
        (20, Decimal("50.0")),
        (12, Decimal("50.0")),
    ]


def test_by_team_gives_each_team_once_with_its_id(north_team, south_team):
    make({"good": 3}, team=north_team)
    make({"good": 1}, team=south_team)
    make({"good": 9}, team=south_team, on=date(2024, 6, 1))  # the year before
    rows = selectors.audit_completed_by_team(date_from=YEAR_START, date_to=YEAR_END)
    assert [(row["team_id"], row["team"], row["completed"]) for row in rows] == [
        (north_team.pk, "North", 3),
        (south_team.pk, "South", 1),
    ]


# Over the years.


def test_good_or_better_trend_by_financial_year():
    make({"good": 4, "requires_improvement": 3}, on=date(2024, 4, 1))  # 2024: 4 of 7 = 57.1%
    make({"good": 7, "inadequate": 3}, on=date(2026, 3, 31))  # 2025: 7 of 10 = 70.0%
    make({"good": 1}, on=date(2024, 3, 31))  # 2023, not asked about
    trend = selectors.audit_good_or_better_trend(years=[2025, 2024])
    assert [(entry["year"], entry["completed"], entry["good_or_better_pct"]) for entry in trend] == [
        (2024, 7, Decimal("57.1")),
        (2025, 10, Decimal("70.0")),
    ]
    assert trend[0]["label"] == "2024/25"


def test_a_year_without_audits_has_no_percentage():
    make({"good": 5}, on=date(2025, 6, 1))
    trend = selectors.audit_good_or_better_trend(years=[2024, 2025])
    assert (trend[0]["completed"], trend[0]["good_or_better_pct"]) == (0, None)


def test_themes_trend_counts_and_shares_by_year():
    voice, impact = theme("voice-of-the-child"), theme("impact-on-the-child")
    # 2024: 4 audits, voice named in 3 (75.0%), impact in 1 (25.0%).
    for themes in ([voice], [voice], [voice, impact], []):
        AuditFactory(themes=themes, completed_on=date(2024, 9, 1))
    # 2025: 8 audits, voice in 1 (12.5%), impact in 5 (62.5%).
    for themes in ([voice, impact], [impact], [impact], [impact], [impact], [], [], []):
        AuditFactory(themes=themes, completed_on=date(2025, 9, 1))
    trend = selectors.audit_theme_trend(years=[2024, 2025])
    assert trend["completed"] == {2024: 4, 2025: 8}
    assert [(row["name"], row["counts"], row["shares"], row["total"]) for row in trend["themes"]] == [
        (impact.name, {2024: 1, 2025: 5}, {2024: Decimal("25.0"), 2025: Decimal("62.5")}, 6),
        (voice.name, {2024: 3, 2025: 1}, {2024: Decimal("75.0"), 2025: Decimal("12.5")}, 4),
    ]


def test_themes_trend_leaves_out_audits_not_completed(auditor):
    from pswhub.audits.tests.factories import draft_audit

    draft = draft_audit(auditor=auditor)
    draft.themes.set([theme("voice-of-the-child")])
    assert selectors.audit_theme_trend(years=[2025])["themes"] == []


def test_themes_trend_of_the_councils_audits_is_shown_to_aggregate_readers():
    voice = theme("voice-of-the-child")
    for _ in range(6):
        AuditFactory(themes=[voice], completed_on=date(2024, 9, 1))
    for _ in range(2):
        AuditFactory(themes=[voice], completed_on=date(2025, 9, 1))
    shown = selectors.audit_theme_trend_suppressed(selectors.audit_theme_trend(years=[2024, 2025]))
    row = shown["themes"][0]
    # Council-level counts of audits are shown however small (docs/adr/0013): 2 of 2 = 100.0%.
    assert row["counts"] == {2024: 6, 2025: 2}
    assert row["shares"] == {2024: Decimal("100.0"), 2025: Decimal("100.0")}
    assert shown["completed"] == {2024: 6, 2025: 2}


# Time to complete.


def test_time_to_complete_median_and_share_within_the_due_date():
    # Started -> submitted: 0, 3, 10 and 21 days; median of 4 = (3 + 10) / 2 = 6.5.
    AuditFactory(started_on=date(2025, 6, 1), completed_on=date(2025, 6, 1), due_on=date(2025, 6, 30))
    AuditFactory(started_on=date(2025, 6, 1), completed_on=date(2025, 6, 4), due_on=date(2025, 6, 4))  # on the day
    AuditFactory(started_on=date(2025, 6, 1), completed_on=date(2025, 6, 11), due_on=date(2025, 6, 10))  # late
    AuditFactory(started_on=date(2025, 6, 1), completed_on=date(2025, 6, 22))  # no due date
    AuditFactory(started_on=None, completed_on=date(2025, 7, 1))  # imported: no start, not counted
    AuditFactory(started_on=date(2024, 6, 1), completed_on=date(2024, 6, 2))  # the year before
    figures = selectors.audit_time_to_complete(date_from=YEAR_START, date_to=YEAR_END)
    # 2 of 3 with a due date on time = 66.7%
    assert figures == {
        "counted": 4,
        "median_days": Decimal("6.5"),
        "with_due_date": 3,
        "within_due_date": 2,
        "within_due_date_pct": Decimal("66.7"),
    }


def test_median_of_an_odd_number_is_the_middle_one():
    assert selectors.median_half_up([30, 2, 5]) == Decimal("5.0")
    assert selectors.median_half_up([1, 2]) == Decimal("1.5")
    assert selectors.median_half_up([]) is None


def test_time_to_complete_with_nothing_to_count():
    figures = selectors.audit_time_to_complete(date_from=YEAR_START, date_to=YEAR_END)
    assert (figures["median_days"], figures["within_due_date_pct"]) == (None, None)


def test_time_to_complete_is_shown_to_aggregate_readers():
    # The council's audits: counts of audits identify no one, so 4 counted and 3 late are shown.
    figures = {
        "counted": 4,
        "median_days": Decimal("6.5"),
        "with_due_date": 20,
        "within_due_date": 17,
        "within_due_date_pct": Decimal("85.0"),
    }
    assert selectors.audit_time_to_complete_suppressed(figures) == figures


# The dashboard.


def seed_years(north_team, adults_team):
    voice = theme("voice-of-the-child")
    make({"good": 4, "requires_improvement": 3}, team=north_team, on=date(2024, 9, 1))
    make({"good": 7, "inadequate": 3}, team=north_team, on=date(2025, 9, 1))
    make({"good": 6}, team=adults_team, on=date(2025, 9, 1))
    for _ in range(5):
        AuditFactory(team=north_team, themes=[voice], completed_on=date(2025, 10, 1), started_on=date(2025, 9, 1))


def test_the_psw_sees_charts_tables_and_drill_down(client, psw, north_team, adults_team):
    seed_years(north_team, adults_team)
    client.force_login(psw)
    page = client.get(reverse("audits:dashboard"), {"year": "2025"}).content.decode()
    for chart_id in ("chart-grades", "chart-trend", "chart-services", "chart-themes"):
        assert f'id="{chart_id}"' in page
    # Four charts, each drawn wide and for a phone.
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="app-chart app-chart--wide"') == 4
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="app-chart app-chart--narrow"') == 4
    assert "57.1" in page  # 2024: 4 of 7
    assert "Median days from start to submission" in page
    assert "30.0" in page  # 5 audits started 1 September, submitted 1 October: 30 days
    assert f"team={north_team.pk}" in page
    assert "type=full" in page
    assert "theme=voice-of-the-child" in page


def test_a_councillor_sees_the_councils_audit_counts_and_no_drill_down(client, councillor, north_team, adults_team):
    seed_years(north_team, adults_team)
    client.force_login(councillor)
    page = client.get(reverse("audits:dashboard"), {"year": "2025"}).content.decode()
    assert 'id="chart-trend"' in page
    assert reverse("audits:list") not in page
    # 3 inadequate this year: a count of the council's audits, shown (docs/adr/0013).
    assert "c (too small to show)" not in page
    assert "Section grades" not in page


def test_the_dashboard_makes_as_many_queries_for_many_audits_as_for_few(
    client, psw, north_team, adults_team, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seed_years(north_team, adults_team)
    client.force_login(psw)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("audits:dashboard"), {"year": "2025"})
    for index in range(6):
        team = TeamFactory(name=f"Team {index}", service=north_team.service)
        make({"good": 2, "inadequate": 1}, team=team, on=date(2023 + index % 3, 9, 1))
        AuditFactory(team=team, themes=[theme("chronology")], started_on=date(2025, 4, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("audits:dashboard"), {"year": "2025"})


# The audit_figures command.


def test_the_command_gives_one_service_with_its_time_to_complete(north_team, adults_team):
    import json

    from pswhub.audits.tests.test_commands import run

    make({"good": 3, "inadequate": 1}, team=north_team)
    # Adults: started 1 June, submitted 11 June and 21 June: 10 and 20 days, median 15.0; one of
    # the two submitted by its due date of 15 June = 50.0%.
    for completed_on in (date(2025, 6, 11), date(2025, 6, 21)):
        AuditFactory(team=adults_team, started_on=date(2025, 6, 1), completed_on=completed_on, due_on=date(2025, 6, 15))
    figures = json.loads(
        run("audit_figures", "--from", "2025-04-01", "--to", "2026-03-31", "--service", "adults", "--json")
    )
    assert figures["completed"] == 2
    assert figures["service"] == "adults"
    assert list(figures["by_service"].values()) == [{"completed": 2, "good_or_better_pct": 100.0}]
    assert figures["time_to_complete"] == {
        "counted": 2,
        "median_days": 15.0,
        "with_due_date": 2,
        "within_due_date": 1,
        "within_due_date_pct": 50.0,
    }
    everything = json.loads(run("audit_figures", "--from", "2025-04-01", "--to", "2026-03-31", "--json"))
    assert [row["completed"] for row in everything["by_service"].values()] == [4, 2]  # children's first
    text = run("audit_figures", "--from", "2025-04-01", "--to", "2026-03-31", "--service", "adults")
    assert "Median days from start to submission: 15.0 (2 audits)" in text


def test_team_counts_are_suppressed_within_each_service(north_team, south_team, adults_team):
    # Children's: North 10, South 2; adults': one team, 8. Across all teams, hiding South's 2 and
    # the next smallest (adults' 8) would leave North's 10 beside the children's total of 12, which
    # gives South away; so North is hidden too.
    make({"good": 10}, team=north_team)
    make({"good": 2}, team=south_team)
    make({"good": 8}, team=adults_team)
    rows = selectors.audit_completed_by_team_suppressed(
        selectors.audit_completed_by_team(date_from=YEAR_START, date_to=YEAR_END)
    )
    assert {row["team"]: row["completed"] for row in rows} == {"North": C, "South": C, "Adults East": 8}


def test_the_dashboards_themes_use_the_trends_yearly_totals(psw, north_team, adults_team):
    seed_years(north_team, adults_team)
    dashboard = selectors.audit_dashboard(user=psw, year=2025, years=[2025, 2024])
    by_year = {entry["year"]: entry["completed"] for entry in dashboard["trend"]}
    assert dashboard["theme_trend"]["completed"] == by_year == {2024: 7, 2025: 21}
    assert dashboard["theme_trend"]["completed"] == selectors.audit_theme_trend(years=[2024, 2025])["completed"]
