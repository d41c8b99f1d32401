"""Renewal figures against values worked out by hand (docs/registrations.md).

Eleven workers, year 2026 (deadline 30 November 2026):

| Worker | In post / registered on 30 Nov | 2026 renewal                         | On 30 Nov | On 1 Oct |
|--------|--------------------------------|--------------------------------------|-----------|----------|
| A      | yes                            | renewed 1 Oct, 3 CPD, reflection     | renewed   | renewed  |
| B      | yes                            | not renewed, 2 CPD, reflection       | ready     | ready    |
| C      | yes                            | not renewed, 1 CPD, reflection       | at risk   | at risk  |
| D      | yes                            | not renewed, 3 CPD, no reflection    | at risk   | at risk  |
| E      | yes                            | none recorded                        | at risk   | at risk  |
| F      | left 15 Nov                    | none                                 | -         | at risk  |
| G      | starts 1 Dec                   | none                                 | -         | -        |
| H      | registered 5 Dec               | none                                 | -         | -        |
| I      | removed 1 Nov                  | none                                 | -         | at risk  |
| J      | yes                            | only a 2025 renewal                  | at risk   | at risk  |
| K      | leaves 30 Nov (in post)        | renewed 10 Sep                       | renewed   | renewed  |

On 30 November: 7 social workers (A B C D E J K), 2 renewed, 5 not renewed, 4 at risk (C D E J).
On 1 October: 9 (adding F and I), 2 renewed, 7 not renewed, 6 at risk (C D E F I J)."""

from datetime import date

import pytest
from django.core.management import call_command

from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.registrations import selectors
from pswhub.registrations.tests.factories import RegistrationFactory, RenewalFactory


def _worker(started_on=date(2020, 1, 6), left_on=None, **registration):
    member = StaffMemberFactory(started_on=started_on, left_on=left_on)
    return RegistrationFactory(staff_member=member, **registration)


@pytest.fixture
def eleven_workers(db):
    a, b, c, d, e = (_worker() for _ in range(5))
    RenewalFactory(registration=a, renewed_on=date(2026, 10, 1), cpd_entries=3)
    RenewalFactory(registration=b, cpd_entries=2)
    RenewalFactory(registration=c, cpd_entries=1)
    RenewalFactory(registration=d, cpd_entries=3, peer_reflection=False)
    _worker(left_on=date(2026, 11, 15))  # F
    _worker(started_on=date(2026, 12, 1))  # G
    _worker(registered_on=date(2026, 12, 5))  # H
    _worker(status="removed", removed_on=date(2026, 11, 1))  # I
    j = _worker()
    RenewalFactory(registration=j, year=2025, renewed_on=date(2025, 10, 2))
    k = _worker(left_on=date(2026, 11, 30))
    RenewalFactory(registration=k, renewed_on=date(2026, 9, 10))
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "j": j}


def test_figures_on_the_deadline(eleven_workers):
    figures = selectors.registration_figures(year=2026)
    assert (figures["social_workers"], figures["renewed"], figures["not_renewed"], figures["at_risk"]) == (7, 2, 5, 4)


def test_figures_on_a_day_in_the_window(eleven_workers):
    figures = selectors.registration_figures(year=2026, on=date(2026, 10, 1))
    assert (figures["social_workers"], figures["renewed"], figures["not_renewed"], figures["at_risk"]) == (9, 2, 7, 6)


def test_a_renewal_dated_after_the_day_is_not_yet_renewed(eleven_workers):
    figures = selectors.registration_figures(year=2026, on=date(2026, 9, 30))
    # A renewed on 1 October: on 30 September A is not renewed but ready (3 CPD and a reflection).
    assert (figures["renewed"], figures["at_risk"]) == (1, 6)


def test_the_cpd_requirement_of_social_work_england():
    """ "At least 2 pieces a year, at least 1 with peer reflection"."""
    assert selectors.cpd_requirement_met(cpd_entries=2, peer_reflection=True)
    assert not selectors.cpd_requirement_met(cpd_entries=1, peer_reflection=True)
    assert not selectors.cpd_requirement_met(cpd_entries=5, peer_reflection=False)


def test_the_outcome_names_who_did_not_renew_and_whether_they_were_removed(eleven_workers):
    outcome = selectors.renewal_outcome(year=2026)
    assert {row["registration"].pk for row in outcome["not_renewed"]} == {eleven_workers[key].pk for key in "bcdej"}
    assert not any(row["removed"] for row in outcome["not_renewed"])


def test_the_command_prints_the_figures_as_json(eleven_workers, capsys):
    import json

    call_command("registration_figures", "--year", "2026", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert {key: figures[key] for key in ("social_workers", "renewed", "not_renewed", "at_risk")} == {
        "social_workers": 7,
        "renewed": 2,
        "not_renewed": 5,
        "at_risk": 4,
    }
    call_command("registration_figures", "--year", "2026", "--on", "2026-10-01", "--json")
    assert json.loads(capsys.readouterr().out)["social_workers"] == 9


def test_suppressed_figures_hide_small_counts_for_councillors(eleven_workers):
    shown = selectors.registration_figures_suppressed(selectors.registration_figures(year=2026))
    # 2 renewed and 5 not: the 2 is hidden, and then the 5 too, or the total would reveal the 2.
    assert (shown["renewed"], shown["not_renewed"], shown["social_workers"], shown["at_risk"]) == ("c", "c", 7, "c")
