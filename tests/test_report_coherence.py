"""The annual report's coherence check (frame.counts_disagreeing): sections that give the same figure
declare it under one shared name, the check compares them, and a PSW is told, on the draft and
before publishing, when two sections give different numbers, with both sections named."""

from datetime import date

import pytest
from django.urls import reverse

from pswhub.core import report_sections
from pswhub.core.periods import Period
from pswhub.core.report_sections import SectionData, shared_figure
from pswhub.core.tests.factories import AuthorityFactory
from pswhub.learning.tests.factories import EventFactory
from pswhub.reporting import frame
from pswhub.reporting.services import report_create

YEAR = Period(date(2025, 4, 1), date(2026, 3, 31))
LAST_YEAR = Period(date(2024, 4, 1), date(2025, 3, 31))


class RoundsMiscounted:
    """A section that gives the Schwartz Rounds of 2025/26 as 3 when the data hold 2: what a
    capability counting them its own way would do."""

    key = "rounds_recount"
    title = "Rounds counted again"
    order = 104

    def build(self, period, services):
        return SectionData(
            key=self.key,
            title=self.title,
            figures={},
            comparison="3 Schwartz Rounds were held.",
            counts=[shared_figure("schwartz_rounds_held", value=3, period=period)],
        )


@pytest.fixture
def miscounted():
    report_sections.register(RoundsMiscounted())
    yield
    report_sections._sections.pop(RoundsMiscounted.key)


@pytest.fixture
def two_rounds(db):
    """Two Schwartz Rounds in 2025/26 and one in 2024/25, so the learning section (events by kind)
    and the Schwartz Rounds section both give them."""
    EventFactory(kind="schwartz_round", held_on=date(2025, 6, 1), title="Round 1")
    EventFactory(kind="schwartz_round", held_on=date(2025, 11, 1), title="Round 2")
    EventFactory(kind="schwartz_round", held_on=date(2024, 11, 1), title="Round 0")
    AuthorityFactory(name="Testshire County Council")


def test_a_shared_figure_must_have_a_known_name_and_one_when():
    with pytest.raises(ValueError, match="not a shared figure"):
        shared_figure("schwartz_round_held", value=1, period=YEAR)
    with pytest.raises(ValueError, match="either on a day or over a period"):
        shared_figure("schwartz_rounds_held", value=1, period=YEAR, on=YEAR.end)
    with pytest.raises(ValueError, match="either on a day or over a period"):
        shared_figure("schwartz_rounds_held", value=1)
    assert shared_figure("children_social_workers_headcount", value=120, on=date(2026, 3, 31)) == {
        "name": "children_social_workers_headcount",
        "population": "children's social workers in post (headcount)",
        "on": "2026-03-31",
        "value": 120,
    }


def test_two_sections_give_the_same_rounds_and_the_check_compares_them(two_rounds):
    sections = frame.build_all(YEAR, "all")
    assert frame.counts_compared(sections) == [
        ("schwartz rounds held", "2024-04-01/2025-03-31"),
        ("schwartz rounds held", "2025-04-01/2026-03-31"),
    ]
    givers = {
        section["key"]: [count["value"] for count in section["counts"]] for section in sections if section["counts"]
    }
    # Both sections give 1 then 2; the workforce section gives its own counts nobody else gives.
    assert givers["learning"] == givers["schwartz_rounds"] == [1, 2]
    assert frame.counts_disagreeing(sections) == []


def test_two_sections_that_disagree_are_found_and_named(two_rounds, miscounted):
    sections = frame.build_all(YEAR, "all")
    assert frame.counts_disagreeing(sections) == [
        (
            "schwartz rounds held",
            "2025-04-01/2026-03-31",
            {"learning": 2, "schwartz_rounds": 2, "rounds_recount": 3},
        )
    ]
    assert frame.disagreement_sentences(sections) == [
        "Schwartz Rounds held from 1 April 2025 to 31 March 2026: 2 in “Learning and development”, 2 in "
        "“Schwartz Rounds” and 3 in “Rounds counted again”."
    ]


def test_the_psw_is_told_on_the_draft_and_before_publishing(client, psw, two_rounds, miscounted):
    report = report_create(user=psw, period_start=YEAR.start, period_end=YEAR.end, services="all")
    client.force_login(psw)
    for name in ("reporting:report_detail", "reporting:report_publish"):
        page = client.get(reverse(name, args=[report.pk])).content.decode()
        assert "Sections of this report give different numbers for the same thing" in page, name
        assert "2 in “Learning and development”" in page and "3 in “Rounds counted again”" in page, name


def test_a_coherent_report_shows_no_warning(client, psw, two_rounds):
    report = report_create(user=psw, period_start=YEAR.start, period_end=YEAR.end, services="all")
    client.force_login(psw)
    for name in ("reporting:report_detail", "reporting:report_publish"):
        page = client.get(reverse(name, args=[report.pk])).content.decode()
        assert "give different numbers" not in page, name


def test_a_period_is_said_in_words():
    assert frame.when_words("2025-04-01/2026-03-31") == "from 1 April 2025 to 31 March 2026"
    assert frame.when_words("2023-09-30") == "on 30 September 2023"
