"""Scores worked out by hand from the LGA's rule (scoring.py): strongly disagree 0 ... strongly
agree 100, item = mean of answers, standard = mean of items, whole numbers half up, bands
low 0-50, moderate 51-74, high 75-100."""

from decimal import Decimal

import pytest
from django.test import override_settings

from pswhub.health_check import scoring, selectors
from pswhub.health_check.models import Response
from pswhub.health_check.tests.factories import RunFactory, respond


def test_an_items_score_is_the_mean_of_its_answers_leaving_out_not_applicable():
    # agree 75, strongly agree 100, disagree 25, n/a left out: (75 + 100 + 25) / 3 = 66.67
    assert scoring.item_score([4, 5, 2, None]) == Decimal(200) / 3
    assert scoring.whole(scoring.item_score([4, 5, 2, None])) == 67


def test_an_item_nobody_answered_has_no_score():
    assert scoring.item_score([None, None]) is None
    assert scoring.standard_score([None]) is None


def test_the_score_from_database_totals_matches_the_mean_of_answers():
    # choices 4, 5, 2: count 3, sum 11; 25 × (11 − 3) / 3 = 66.67
    assert scoring.item_score_from_totals(answered=3, choice_sum=11) == scoring.item_score([4, 5, 2])


def test_a_standards_score_is_the_mean_of_its_items_scores():
    # items 66.67 and 50 and one with no answer: (66.67 + 50) / 2 = 58.33, shown 58
    score = scoring.standard_score([Decimal(200) / 3, Decimal(50), None])
    assert scoring.whole(score) == 58


@pytest.mark.parametrize(
    "score,expected",
    [(Decimal("50.4"), 50), (Decimal("50.5"), 51), (Decimal("74.5"), 75), (Decimal("62.5"), 63)],
)
def test_scores_are_whole_numbers_rounded_half_up(score, expected):
    assert scoring.whole(score) == expected


@pytest.mark.parametrize(
    "score,band", [(0, "low"), (50, "low"), (51, "moderate"), (74, "moderate"), (75, "high"), (100, "high")]
)
def test_the_lgas_bands(score, band):
    assert scoring.band(score) == band


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_a_services_scores_by_standard_worked_by_hand(db):
    """Ten responses in children's services. Standard 5 has three items:
    regular_supervision: 4 × strongly agree (100), 6 × agree (75): (400 + 450) / 10 = 85
    reflective_supervision: 5 × disagree (25), 5 × neither (50): 375 / 10 = 37.5
    supervision_recorded: 10 × n/a: no score, left out
    standard 5 = (85 + 37.5) / 2 = 61.25 -> 61, moderate.
    Standard 3: manageable_workload: 10 × strongly disagree: 0 -> 0, low."""
    run = RunFactory(year_start=2025)
    for index in range(10):
        respond(
            run,
            choices={
                "regular_supervision": 5 if index < 4 else 4,
                "reflective_supervision": 2 if index < 5 else 3,
                "supervision_recorded": None,
                "manageable_workload": 1,
            },
        )
    result = selectors.figures(year_start=2025, service="children")
    assert result.as_figures() == {
        "responses": 10,
        "by_standard": {"1": None, "2": None, "3": 0, "4": None, "5": 61, "6": None, "7": None, "8": None},
        "bands": {"1": None, "2": None, "3": "low", "4": None, "5": "moderate", "6": None, "7": None, "8": None},
        "suppressed": False,
    }
    assert Response.objects.count() == 10


@override_settings(PSWHUB_SURVEY_THRESHOLD=10)
def test_the_response_rate_is_against_staff_invited(db):
    # 10 responses of 16 invited: 62.5%
    run = RunFactory(source="imported", invited_count=16)
    for _ in range(10):
        respond(run, choices={"manageable_workload": 3})
    assert str(selectors.response_rate(run)) == "62.5"
