"""A small council's records for the figures at a date, worked out by hand in the tests that use
them (test_figures_at_date.py, and the caseloads in workload's test_caseloads_at_date.py).

The date is 31 March 2026; the 12 months to it run from 1 April 2025. North and South are
children's teams, Adults East an adults' team. Census roles: 5 case holder, 4 senior practitioner.

| who | records | at 31 March 2026 |
|---|---|---|
| A | North, 1.0, from 6 Jan 2020 | in post 1.0 |
| B | North, 1.0 to 30 Sep 2025, then 0.6 | in post 0.6 (FTE change: neither leaver nor starter) |
| C | North, 0.8, 1 May 2021 to 31 Mar 2026 | leaver on the date: not in post, leaver 0.8 |
| D | North, 1.0, from 1 Apr 2026 | starter the day after: not counted |
| E | North, 0.5, from 2 Jun 2025 | in post 0.5, starter |
| F | North (role 4) to 31 Dec 2025, then South (role 4) | in post 1.0 (moved team: neither) |
| G | North, agency, 1.0, from 3 Nov 2025 | agency in post 1.0 |
| H | Adults East, 1.0, from 6 Jan 2020 | adults' social worker: not a children's one |
| I | North, family support worker (no census role) | not a social worker |
| J | North, 1.0 to 31 May 2025, then 0.5 to 29 Aug 2025 | leaver 0.5 (FTE at leaving) |
| K | North, 6 Jan 2020 to 31 Mar 2025 | left the day before the 12 months: not counted |
| L | North, 1.0 to 31 Oct 2025, then Adults East from 1 Nov 2025 | children's leaver 1.0; adults' starter |

Funded FTE from 1 April 2025: North 5.0, South 2.0; none for adults. Sickness and other absence
as `absences` says."""

from datetime import date
from decimal import Decimal

from pswhub.core.tests.factories import StaffMemberFactory

from .factories import AbsenceEpisodeFactory, AssignmentFactory, EstablishmentFactory

ON = date(2026, 3, 31)


def _assign(person, team, fte, starts_on, ends_on=None, **terms):
    return AssignmentFactory(
        staff_member=person, team=team, fte=Decimal(fte), starts_on=starts_on, ends_on=ends_on, **terms
    )


def council_records(north, south, adults):
    """Makes the people of the table above; returns them by letter."""
    people = {letter: StaffMemberFactory(team=north) for letter in "ABCDEFGIJKL"}
    people["H"] = StaffMemberFactory(team=adults)
    p = people
    _assign(p["A"], north, "1", date(2020, 1, 6))
    _assign(p["B"], north, "1", date(2020, 1, 6), date(2025, 9, 30))
    _assign(p["B"], north, "0.6", date(2025, 10, 1))
    _assign(p["C"], north, "0.8", date(2021, 5, 1), ON)
    _assign(p["D"], north, "1", date(2026, 4, 1))
    _assign(p["E"], north, "0.5", date(2025, 6, 2))
    _assign(p["F"], north, "1", date(2019, 1, 1), date(2025, 12, 31), org_role="4")
    _assign(p["F"], south, "1", date(2026, 1, 1), org_role="4")
    _assign(p["G"], north, "1", date(2025, 11, 3), contract_type="agency")
    _assign(p["H"], adults, "1", date(2020, 1, 6))
    _assign(p["I"], north, "1", date(2020, 1, 6), org_role="", job_title="Family Support Worker")
    _assign(p["J"], north, "1", date(2018, 1, 1), date(2025, 5, 31))
    _assign(p["J"], north, "0.5", date(2025, 6, 1), date(2025, 8, 29))
    _assign(p["K"], north, "1", date(2020, 1, 6), date(2025, 3, 31))
    _assign(p["L"], north, "1", date(2019, 1, 1), date(2025, 10, 31))
    _assign(p["L"], adults, "1", date(2025, 11, 1))
    EstablishmentFactory(team=north, funded_fte=Decimal("5"), starts_on=date(2025, 4, 1))
    EstablishmentFactory(team=south, funded_fte=Decimal("2"), starts_on=date(2025, 4, 1))
    absences(p)
    return people


def absences(p):
    """Sickness in the 12 months for those in post: A 3 days (2 Jun 2025) and E 4 days (starting
    on the date itself), 7 in all. Not counted: A's 2 days starting 31 Mar 2025 (before the 12
    months), B's 5 days of training (not sickness) and C's 10 days (C is not in post)."""
    AbsenceEpisodeFactory(staff_member=p["A"], starts_on=date(2025, 6, 2), ends_on=date(2025, 6, 4),
                          working_days_lost=Decimal("3"))  # fmt: skip
    AbsenceEpisodeFactory(staff_member=p["A"], starts_on=date(2025, 3, 31), ends_on=date(2025, 4, 1),
                          working_days_lost=Decimal("2"))  # fmt: skip
    AbsenceEpisodeFactory(staff_member=p["E"], starts_on=ON, ends_on=date(2026, 4, 3), working_days_lost=Decimal("4"))
    AbsenceEpisodeFactory(staff_member=p["B"], reason="TRN", starts_on=date(2025, 7, 1), ends_on=date(2025, 7, 7),
                          working_days_lost=Decimal("5"))  # fmt: skip
    AbsenceEpisodeFactory(staff_member=p["C"], starts_on=date(2025, 9, 1), ends_on=date(2025, 9, 12),
                          working_days_lost=Decimal("10"))  # fmt: skip
