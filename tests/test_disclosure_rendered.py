"""Disclosure control as the reader sees it (docs/adr/0013-disclosure-control.md): pages rendered
for a councillor and the report's HTML, parsed back into numbers, for generated data. No hidden
cell (`c`) can be worked out from the totals and the other cells shown, and the same subject's
cells are hidden alike on the page and in the report.

A reader is assumed to know the rule: a hidden count of people is 1 to threshold - 1 when it is
small, and the threshold or more when it was hidden to protect another cell. A hidden cell is
safe when more than one value is possible for it from what is shown (`_possible_values`), or
when every non-zero cell of its line is hidden, so the reader learns no more than the line's
total, which identifies no one."""

import io
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from pswhub.audits.reference import GRADE_CODES
from pswhub.core.tests.factories import TeamFactory
from pswhub.core.tests.test_disclosure_subjects import LIMIT, C, _possible_values

EXAMPLES = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def text(element):
    """An element's text as a reader sees it, without the words only a screen reader hears."""
    for hidden in element.xpath(".//*[contains(concat(' ', @class, ' '), ' govuk-visually-hidden ')]"):
        hidden.drop_tree()
    return " ".join(element.text_content().split())


def tables(page):
    """{caption: [[cell text, ...], ...]} of every table with a caption, header row first."""
    tree = lxml_html.fromstring(page)
    found = {}
    for table in tree.iter("table"):
        captions = table.xpath("./caption")
        caption = " ".join(captions[0].text_content().split()) if captions else ""
        found[caption] = [[text(cell) for cell in row.xpath("./th|./td")] for row in table.iter("tr")]
    return found


def table_named(page, start):
    matches = [rows for caption, rows in tables(page).items() if start in caption]
    assert len(matches) == 1, (start, list(tables(page)))
    return matches[0]


def cell_value(cell):
    """A count as shown: an int, or `c`."""
    return C if cell == C else int(cell.replace(",", ""))


def assert_nothing_worked_out(cells, shown, total):
    """`cells` the true counts, `shown` what the page shows for each (`c` or the count), `total`
    the line's total as shown (None when hidden)."""
    for label, count in cells.items():
        if 0 < count < LIMIT:
            assert shown[label] == C, (label, cells, shown)
        if shown[label] != C:
            assert shown[label] == count, (label, cells, shown)
    if total is None:
        return
    hidden = [label for label, value in shown.items() if value == C]
    every_count_hidden = all(shown[label] == C for label, count in cells.items() if count)
    # A line with a total shown never has just one hidden cell: the total would give it away.
    assert len(hidden) != 1 or every_count_hidden, (cells, shown)
    possible = _possible_values(shown | {"total": total}, cells, LIMIT, total)
    for label in hidden:
        if 0 < cells[label] < LIMIT:
            assert len(possible[label]) > 1 or every_count_hidden, (label, cells, shown, possible)


_years = iter(range(2001, 2100))


@pytest.fixture
def teams(db):
    return {name: TeamFactory(name=name, service__kind="children") for name in ("North", "South", "East")}


@EXAMPLES
@given(st.fixed_dictionaries({team: st.integers(0, 9) for team in ("North", "South", "East")}), st.data())
@example({"North": 2, "South": 6, "East": 0}, None)  # one small team beside a large one
@example({"North": 1, "South": 7, "East": 8}, None)
def test_the_councillors_audit_dashboard_shows_no_team_count_that_can_be_worked_out(
    client, councillor, teams, by_team, data
):
    from pswhub.audits.tests.test_figures import make

    audits = [
        (team, data.draw(st.sampled_from(GRADE_CODES)) if data else "good")
        for team, count in by_team.items()
        for _ in range(count)
    ]
    assume(audits)
    year = next(_years)  # each example a financial year of its own
    for team, code in audits:
        make({code: 1}, on=date(year, 6, 1), team=teams[team])
    client.force_login(councillor)
    page = client.get(reverse("audits:dashboard"), {"year": year}).content.decode()

    # The council's count of audits is shown (counts of audits at council level identify no one).
    summary = {row[0]: row[1:] for row in table_named(page, "Audits completed and graded good or better")}
    total = cell_value(summary["Audits completed"][0])
    assert total == len(audits)
    by_type = {row[0]: row[1:] for row in table_named(page, "Completed audits by type")}
    assert cell_value(by_type["Full case audit"][0]) == len(audits)
    # Every team is in the children's service, so the council's count is the teams' total.
    rows = table_named(page, "Completed audits by team")[1:]
    shown = {row[0]: cell_value(row[2]) for row in rows}
    # Every team with an audit is listed; a team with none may be left out.
    assert {name for name, count in by_team.items() if count} <= set(shown), (by_team, rows)
    cells = {name: by_team[name] for name in shown}
    assert_nothing_worked_out(cells, shown, total)


ROUTES = ["degree", "masters", "step_up", "frontline", "apprenticeship"]


@pytest.fixture
def report_html(db, tmp_path):
    def write(year):
        path = Path(tmp_path) / f"report-{year}.html"
        call_command(
            "annual_report",
            *("--from", f"{year}-04-01", "--to", f"{year + 1}-03-31", "--format", "html", "--output", str(path)),
            stdout=io.StringIO(),
        )
        return path.read_text()

    return write


@EXAMPLES
@given(
    st.fixed_dictionaries({route: st.integers(0, 9) for route in ROUTES}).filter(lambda routes: any(routes.values()))
)
@example({"degree": 0, "masters": 0, "step_up": 1, "frontline": 1, "apprenticeship": 0})  # two small, no others
@example({"degree": 7, "masters": 0, "step_up": 3, "frontline": 0, "apprenticeship": 0})  # one small beside one large
def test_placements_by_route_hide_alike_on_the_page_and_in_the_report_and_give_nothing_away(
    client, councillor, report_html, by_route
):
    from pswhub.people_development.models import Placement
    from pswhub.people_development.tests.factories import PlacementFactory

    Placement.objects.all().delete()
    team = TeamFactory(service__kind="children")
    for route, count in by_route.items():
        for _ in range(count):
            # Academic year 2025: the placement starts on 1 September 2025, in 2025/26.
            PlacementFactory(academic_year=2025, route_id=route, team=team)
    total = sum(by_route.values())

    client.force_login(councillor)
    page = client.get(reverse("people_development:dashboard"), {"year": 2025}).content.decode()
    from pswhub.people_development.reference import ROUTES as NAMES

    names = {code: name for code, name, _order in NAMES}
    page_rows = {row[0]: cell_value(row[1]) for row in table_named(page, "Student placements starting in")[1:]}
    page_shown = {code: page_rows[names[code]] for code in ROUTES}
    tree = lxml_html.fromstring(page)
    summary = {
        text(row.xpath("./dt")[0]): text(row.xpath("./dd")[0])
        for row in tree.xpath("//div[contains(@class, 'govuk-summary-list__row')]")
    }
    page_total = cell_value(summary["Student placements starting"])

    report = report_html(2025)
    report_rows = {
        row[0]: row[1:] for row in table_named(report, "Routes into social work, early careers and progression")
    }
    report_shown = {code: cell_value(report_rows[f"Placements: {names[code]}"][1]) for code in ROUTES}
    report_total = cell_value(report_rows["Placements: total"][1])

    cells = {code: by_route[code] for code in ROUTES}
    # The same cells are hidden on the page and in the report.
    assert page_shown == report_shown, (page_shown, report_shown)
    assert page_total == report_total
    # The total is shown in both (hidden itself only when small), and the cells hold against it.
    assert_nothing_worked_out(cells, page_shown, None if page_total == C else page_total)
    if page_total != C:
        assert page_total == total


@pytest.fixture
def census_teams(db):
    from pswhub.core.tests.factories import AuthorityFactory

    authority = AuthorityFactory(name="Testshire County Council")
    return authority, {name: TeamFactory(name=name, service__kind="children") for name in ("North", "South", "East")}


@EXAMPLES
@given(st.fixed_dictionaries({team: st.integers(0, 9) for team in ("North", "South", "East")}))
@example({"North": 2, "South": 6, "East": 0})
@example({"North": 1, "South": 7, "East": 8})
def test_the_workforce_breakdown_by_team_shows_no_team_headcount_that_can_be_worked_out(
    client, councillor, census_teams, by_team
):
    from pswhub.core.tests.factories import StaffMemberFactory
    from pswhub.workforce.models import CensusYear
    from pswhub.workforce.tests.factories import CensusWorkerFactory, CensusYearFactory

    authority, teams = census_teams
    CensusYear.objects.all().delete()
    census_year = CensusYearFactory(authority=authority, year=2024)
    for name, count in by_team.items():
        for _ in range(count):
            CensusWorkerFactory(census_year=census_year, staff_member=StaffMemberFactory(team=teams[name]))
    total = sum(by_team.values())
    client.force_login(councillor)
    page = client.get(reverse("workforce:breakdowns"), {"year": 2024}).content.decode()
    rows = table_named(page, "By team, census year")
    head = rows[0]
    column = head.index(next(cell for cell in head if cell.startswith("Headcount") or "headcount" in cell.lower()))
    shown = {row[0]: cell_value(row[column]) for row in rows[1:] if row[0] in teams}
    # Every team with anyone in post is listed; a team with no one may be left out.
    assert {name for name, count in by_team.items() if count} <= set(shown), (by_team, rows)
    cells = {name: by_team[name] for name in shown}
    # The council's headcount is DfE-published and shown on the summary, so it is the total.
    assert_nothing_worked_out(cells, shown, total)
    # A hidden headcount hides the FTE beside it, which would give it away.
    fte = head.index("In post (FTE)")
    for row in rows[1:]:
        if row[0] in shown and shown[row[0]] == C:
            assert row[fte] == C, row
