"""The establishment counts agency engagements (`pswhub.core.agency_engagements`, which this app
fills) as agency FTE in their teams, so agency cover is the same whether the council records a
locum as an agency assignment or as an engagement. Values worked out by hand."""

from datetime import date
from decimal import Decimal

import pytest

from pswhub.agency.selectors import engagements_for_core
from pswhub.core import agency_engagements
from pswhub.core.models import Team
from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.workforce.establishment import establishment_on
from pswhub.workforce.selectors import workforce_figures_on
from pswhub.workforce.tests.factories import AssignmentFactory, EstablishmentFactory

from .factories import EngagementFactory

pytestmark = pytest.mark.django_db

ON = date(2026, 9, 30)


def assign(team, fte, contract="permanent"):
    staff = StaffMemberFactory(team=team)
    AssignmentFactory(
        staff_member=staff, team=team, fte=Decimal(fte), contract_type=contract, starts_on=date(2024, 1, 1),
        org_role="6",
    )  # fmt: skip
    return staff


@pytest.fixture
def teams(north_team, south_team):
    """North: funded 5.0; employed 1.0 + 1.0; an agency assignment 0.5 (Bo, also engaged, 0.5);
    engaged: Ola 1.0 (no staff record), Eli 0.4 (last day 30 September), Cy 0.8 (ended 29
    September), Di 0.6 (starts 1 October). South: funded 1.0, employed 1.0, engaged Fay 0.5."""
    north, south = north_team, south_team
    EstablishmentFactory(team=north, funded_fte=Decimal("5"), starts_on=date(2024, 4, 1))
    EstablishmentFactory(team=south, funded_fte=Decimal("1"), starts_on=date(2024, 4, 1))
    assign(north, "1")
    assign(north, "1")
    bo = assign(north, "0.5", "agency")
    EngagementFactory(team=north, staff_member=bo, fte=Decimal("0.5"), worker_name="Bo")
    EngagementFactory(team=north, fte=Decimal("1"), worker_name="Ola")
    for name, fte, starts_on, ends_on in [
        ("Eli", "0.4", date(2026, 1, 5), ON),
        ("Cy", "0.8", date(2026, 1, 5), date(2026, 9, 29)),
        ("Di", "0.6", date(2026, 10, 1), None),
    ]:
        EngagementFactory(
            team=north, staff_member=StaffMemberFactory(team=north), worker_name=name, fte=Decimal(fte),
            starts_on=starts_on, ends_on=ends_on,
        )  # fmt: skip
    assign(south, "1")
    EngagementFactory(team=south, staff_member=StaffMemberFactory(team=south), worker_name="Fay", fte=Decimal("0.5"))
    return north, south


def test_engagements_in_force_count_as_agency_fte_in_their_team(teams):
    lines, total = establishment_on(ON, teams=list(teams))
    north, south = lines
    # North: agency 0.5 (Bo's assignment; his engagement is the same post) + 1.0 (Ola) + 0.4 (Eli,
    # on her last day) = 1.9; vacancy 5 - 2 = 3, so all 1.9 covers it.
    assert (north.funded_fte, north.filled_fte, north.vacancy_fte) == (Decimal("5"), Decimal("2"), Decimal("3"))
    assert (north.agency_fte, north.agency_cover_fte) == (Decimal("1.9"), Decimal("1.9"))
    # South: no vacancy (1 funded, 1 filled), so Fay's 0.5 covers none.
    assert (south.vacancy_fte, south.agency_fte, south.agency_cover_fte) == (Decimal("0"), Decimal("0.5"), Decimal("0"))
    assert (total.vacancy_fte, total.agency_fte, total.agency_cover_fte) == (
        Decimal("3"), Decimal("2.4"), Decimal("1.9"),
    )  # fmt: skip


def test_the_figures_at_a_date_take_the_same_agency_cover(teams):
    figures = workforce_figures_on(on=ON)
    # The establishment's totals for the service's active teams: vacancy 3, cover 1.9; vacancies
    # covered 1.9 / 3 = 63.33...% -> 63.3.
    assert (figures["vacancy_fte"], figures["agency_cover_fte"]) == (Decimal("3.00"), Decimal("1.90"))
    # To 2 places, as every FTE figure (the establishment adds up FTEs held to 6).
    assert (str(figures["vacancy_fte"]), str(figures["agency_cover_fte"])) == ("3.00", "1.90")
    assert figures["vacancies_covered_rate"] == Decimal("63.3")


def test_with_no_engagement_reader_only_agency_assignments_count(teams):
    agency_engagements.register(None)
    try:
        _lines, total = establishment_on(ON, teams=Team.objects.filter(pk__in=[team.pk for team in teams]))
    finally:
        agency_engagements.register(engagements_for_core)
    assert (total.agency_fte, total.agency_cover_fte) == (Decimal("0.5"), Decimal("0.5"))
