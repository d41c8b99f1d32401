import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from pswhub.people_development.management.commands.people_development_figures import BAD_DATE, DATES_BACKWARDS
from pswhub.people_development.tests.factories import ApplicationFactory, EarlyCareerRecordFactory, PanelFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("people_development_figures", *args, stdout=out)
    return out.getvalue()


def test_the_json_gives_every_figure_of_the_contract():
    panel = PanelFactory(held_on=date(2021, 5, 12))
    ApplicationFactory.create_batch(14, panel=panel, outcome="progressed")
    ApplicationFactory(panel=panel, outcome="not_yet")
    EarlyCareerRecordFactory(started_on=date(2021, 9, 6))
    passed = EarlyCareerRecordFactory(started_on=date(2020, 9, 7), outcome="passed", completed_on=date(2021, 9, 6))
    passed.staff_member.left_on = date(2021, 10, 29)
    passed.staff_member.save()

    result = json.loads(run("--from", "2021-01-01", "--to", "2021-12-31", "--json"))
    assert result["progressed"] == 14
    assert result["progression_applications"] == 15
    assert result["programme_started"] == result["newly_qualified_recruited"] == 1
    assert result["programme_passed"] == 1
    assert result["in_programme_at_end"] == 1
    assert result["passed_since_start_and_still_employed"] == {"passed": 1, "still_employed": 0}
    assert result["left_during_or_within_12_months_of_completing"] == 0  # the leaver started in 2020
    for key in [
        "placements", "placements_by_route", "final_placement_students_hired",
        "newly_qualified_recruited_after_final_placement_here",
    ]:  # fmt: skip
        assert key in result
    assert result["placements_by_route"]["step_up"] == 0


def test_bad_dates_are_refused_with_their_message():
    with pytest.raises(CommandError, match=BAD_DATE.format(option="--from")):
        run("--from", "2021-13-01", "--to", "2021-12-31")
    with pytest.raises(CommandError, match=DATES_BACKWARDS):
        run("--from", "2022-01-01", "--to", "2021-12-31")
