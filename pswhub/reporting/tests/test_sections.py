"""The section interface, and the sections built so far, against figures worked out by hand."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pswhub.core import selectors as core_selectors
from pswhub.core.models import Service, StaffMember
from pswhub.core.periods import Period
from pswhub.core.report_sections import SectionData, build_sections, compare, register, registered_sections
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory
from pswhub.governance import selectors as governance_selectors
from pswhub.reporting.organisation_section import OrganisationSection

C = "c"


def test_a_report_period_is_named_as_councils_name_it():
    # The rules themselves are tested in core (test_periods); this is what a report's title shows.
    assert Period(date(2025, 4, 1), date(2026, 3, 31)).label == "2025/26"
    assert Period(date(2025, 1, 1), date(2025, 6, 30)).label == "1 January 2025 to 30 June 2025"


def test_something_without_a_build_method_cannot_be_registered():
    class NotASection:
        key, title, order = "broken", "Broken", 1

    with pytest.raises(TypeError):
        register(NotASection())


def test_the_sections_present_are_organisation_work_plan_and_committee_actions_in_order():
    keys = [section.key for section in registered_sections()]
    assert keys.index("organisation") < keys.index("work_plan") < keys.index("committee_actions")


def test_comparison_sentences_never_show_a_bare_c():
    assert compare(current=70, previous=57, previous_label="2024/25", unit="staff", what="in post") == (
        "70 staff in post, compared with 57 staff in 2024/25."
    )
    sentence = compare(current=C, previous=12, previous_label="2024/25", unit="staff")
    assert sentence == "A small number of staff, compared with 12 staff in 2024/25."


def test_staff_in_post_by_service_on_a_day(council):
    assert core_selectors.staff_in_post_by_service(on=date(2025, 3, 31)) == {"children": 12, "adults": 8}
    assert core_selectors.staff_in_post_by_service(on=date(2026, 3, 31)) == {"children": 15, "adults": 7}
    assert core_selectors.staff_in_post_by_service(on=date(2026, 3, 31), services="adults") == {"adults": 7}


def test_the_organisation_section_compares_with_the_year_before(council):
    data = OrganisationSection().build(council, "all")
    assert data.figures == {
        "children": 15,
        "adults": 7,
        "children_previous": 12,
        "adults_previous": 8,
        "total": 22,
        "total_previous": 20,
    }
    assert data.comparison == "22 staff were in post on 31 March 2026, compared with 20 staff in 2024/25."
    assert data.table.rows == [["Children's services", 12, 15], ["Adults' services", 8, 7], ["Total", 20, 22]]
    assert "Adults' services: 8 on 31 March 2025 and 7 on 31 March 2026." in data.chart.description


def test_the_work_plan_and_actions_sections_use_the_governance_figures(council):
    sections = {data.key: data for data in build_sections(council, "all")}
    plan = sections["work_plan"]
    rag = governance_selectors.priority_rag_counts(year_start=2025, on=date(2026, 3, 31))
    assert (plan.figures["green"], plan.figures["total"], plan.figures["green_previous"]) == (rag["green"], 3, 1)
    assert (
        plan.comparison
        == "2 of the 3 priorities of the 2025/26 work plan were rated green on 31 March 2026, compared with 1 of 2 in 2024/25."
    )
    actions = sections["committee_actions"]
    assert actions.table.rows[-1] == ["Total", 1, 3]
    assert actions.comparison.startswith(
        "Committees set 3 actions in 2025/26; on 31 March 2026 1 were done and 2 outstanding, of which 1 overdue"
    )


def test_section_data_survives_json_exactly(council):
    import json

    for data in build_sections(council, "children"):
        assert SectionData.from_dict(json.loads(json.dumps(data.as_dict()))) == data


def test_a_small_service_is_hidden_and_so_is_the_other_so_the_total_gives_nothing_away(council):
    adults = StaffMember.objects.filter(team__service__kind="adults")
    keep = list(adults.filter(left_on__isnull=True).order_by("pk").values_list("pk", flat=True)[:3])
    adults.exclude(pk__in=keep).delete()  # 3 adults' staff in post on 31 March 2026, 15 children's
    data = OrganisationSection().build(council, "all")
    assert data.table.rows[0][2] == C and data.table.rows[1][2] == C
    assert data.table.rows[2][2] == 18


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(children=st.integers(min_value=0, max_value=12), adults=st.integers(min_value=0, max_value=12))
def test_no_total_in_the_organisation_section_reveals_a_small_count(db, children, adults):
    StaffMember.objects.all().delete()
    for kind, count in [(Service.CHILDREN, children), (Service.ADULTS, adults)]:
        team = TeamFactory(service__kind=kind)
        StaffMemberFactory.create_batch(count, team=team, started_on=date(2020, 1, 1))
    rows = OrganisationSection().build(Period(date(2025, 4, 1), date(2026, 3, 31)), "all").table.rows
    for column in (1, 2):
        cells = [row[column] for row in rows[:-1]]
        total = rows[-1][column]
        assert not any(isinstance(cell, int) and 0 < cell < 5 for cell in [*cells, total])
        if total != C:
            assert sum(1 for cell in cells if cell == C) != 1
