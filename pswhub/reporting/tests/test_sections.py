"""The section interface, and the sections built so far, against figures worked out by hand."""

from datetime import date

import pytest

from pswhub.core import report_sections
from pswhub.core import selectors as core_selectors
from pswhub.core.periods import Period
from pswhub.core.report_sections import SectionData, build_sections, compare, register
from pswhub.governance import selectors as governance_selectors
from pswhub.reporting import frame

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


def test_the_sections_stand_in_the_seeds_order():
    keys = frame.part_keys()
    seeds_order = [
        "workforce",
        "audits",
        "people_development",
        "registration_renewal",
        "learning",
        "health_check",
        "peer_reviews",
        "networks",
        "joint_working",
        "work_plan",
        "priorities_ahead",
        "committee_actions",
    ]
    assert [key for key in keys if key in seeds_order] == seeds_order
    # Staff in post no longer stands beside the workforce section with another population and day.
    assert "organisation" not in keys


class LaterSection:
    """A capability added after the frame, knowing only the contract."""

    key, title, order = "agency", "Agency social workers", 25

    def build(self, period, services):
        return SectionData(key=self.key, title=self.title, figures={}, comparison="No agency figures.")


def test_a_section_the_frame_does_not_know_goes_after_the_known_section_before_its_order(monkeypatch):
    monkeypatch.setattr(report_sections, "_sections", dict(report_sections._sections))
    register(LaterSection())
    keys = frame.part_keys()
    # order 25: after the workforce (20), before the audits (30)
    assert keys.index("workforce") < keys.index("agency") < keys.index("audits")


def test_a_snapshot_written_before_the_frame_fields_still_reads_and_unknown_fields_are_left_aside():
    old = {
        "key": "audits",
        "title": "Case file audits",
        "figures": {},
        "comparison": "None.",
        "narrative": "",
        "chart": None,
        "table": None,
        "notes": [],
    }
    data = SectionData.from_dict(old)
    assert (data.headline, data.basis, data.counts, data.missing) == ("", "", [], "")
    assert SectionData.from_dict({**old, "kind": "figures", "benchmarks": [1]}) == data


def test_a_section_written_before_options_is_built_without_them():
    assert not report_sections.takes_options(LaterSection())
    built = report_sections.build_section(LaterSection(), Period(date(2025, 4, 1), date(2026, 3, 31)), "all", {"x": 1})
    assert built.comparison == "No agency figures."


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
