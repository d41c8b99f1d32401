"""Employment history at a date and the establishment by team, against values worked out by hand
from the definitions in docs/figures.md ("Establishment and vacancies at a date")."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pswhub.core.tests.factories import PEOPLE, StaffMemberFactory, TeamFactory
from pswhub.workforce import employment
from pswhub.workforce.establishment import ESTABLISHMENT_EXISTS, establishment_on, establishment_teams
from pswhub.workforce.models import Establishment

from .factories import AbsenceEpisodeFactory, AssignmentFactory, EstablishmentFactory

D = date(2025, 3, 31)


def assign(team, fte, contract="permanent", starts_on=date(2020, 1, 6), ends_on=None):
    staff = StaffMemberFactory(team=team)
    return AssignmentFactory(
        staff_member=staff, team=team, fte=Decimal(fte), contract_type=contract, starts_on=starts_on, ends_on=ends_on
    )


@pytest.fixture
def teams(north_team, south_team):
    """North: funded 4.0 from 1 April 2024 and 6.0 from 1 April 2025; on 31 March 2025 employed
    1.0 + 0.6 (fixed term) + 0.4 (bank, last day) = 2.0 filled, one leaver the day before, agency 1.0,
    and an agency worker starting the next day. South: funded by role, case holders 2.0 then 1.5
    from 1 June 2024, first line managers 1.0, so 2.5; employed 2.8 and agency 0.5."""
    EstablishmentFactory(team=north_team, funded_fte=Decimal("4"), starts_on=date(2024, 4, 1))
    EstablishmentFactory(team=north_team, funded_fte=Decimal("6"), starts_on=date(2025, 4, 1))
    assign(north_team, "1")
    assign(north_team, "0.6", "fixed_term", starts_on=date(2024, 1, 1))
    assign(north_team, "0.4", "bank", starts_on=date(2025, 1, 1), ends_on=D)
    assign(north_team, "1", ends_on=date(2025, 3, 30))
    assign(north_team, "1", "agency", starts_on=date(2024, 11, 4))
    assign(north_team, "0.5", "agency", starts_on=date(2025, 4, 1))
    EstablishmentFactory(team=south_team, org_role="5", funded_fte=Decimal("2"), starts_on=date(2023, 1, 1))
    EstablishmentFactory(team=south_team, org_role="5", funded_fte=Decimal("1.5"), starts_on=date(2024, 6, 1))
    EstablishmentFactory(team=south_team, org_role="3", funded_fte=Decimal("1"), starts_on=date(2024, 1, 1))
    for fte in ("1", "1", "0.8"):
        assign(south_team, fte)
    assign(south_team, "0.5", "agency")
    return north_team, south_team


def figures(line):
    return (line.funded_fte, line.filled_fte, line.vacancy_fte, line.agency_fte, line.agency_cover_fte,
            line.vacancy_rate)  # fmt: skip


def test_each_teams_establishment_on_a_date_matches_the_hand_worked_values(teams):
    lines, total = establishment_on(D, teams=teams)
    assert [figures(line) for line in lines] == [
        (Decimal("4"), Decimal("2.0"), Decimal("2.0"), Decimal("1"), Decimal("1"), Decimal("50.0")),
        (Decimal("2.5"), Decimal("2.8"), Decimal("0"), Decimal("0.5"), Decimal("0"), Decimal("0.0")),
    ]
    # Totals add the lines: South's 0.3 FTE over its establishment does not hide North's vacancy.
    assert figures(total) == (Decimal("6.5"), Decimal("4.8"), Decimal("2.0"), Decimal("1.5"), Decimal("1"),
                              Decimal("29.4"))  # fmt: skip


def test_the_next_day_the_new_funding_leavers_and_starters_count(teams):
    lines, _total = establishment_on(date(2025, 4, 1), teams=teams[:1])
    assert figures(lines[0]) == (
        Decimal("6"),
        Decimal("1.6"),
        Decimal("4.4"),
        Decimal("1.5"),
        Decimal("1.5"),
        Decimal("73.3"),
    )


def test_a_team_with_no_posts_or_staff_has_no_vacancy_rate(db):
    lines, total = establishment_on(D, teams=[TeamFactory()])
    assert figures(lines[0]) == (0, 0, 0, 0, 0, None) and total.vacancy_rate is None


def test_fte_on_reads_the_assignment_in_force_on_the_date(north_team):
    first = assign(north_team, "1", ends_on=date(2025, 2, 28))
    AssignmentFactory(staff_member=first.staff_member, fte=Decimal("0.6"), starts_on=date(2025, 3, 1),
                      ends_on=date(2025, 8, 31))  # fmt: skip
    staff = first.staff_member
    assert [employment.fte_on(staff, day) for day in (date(2020, 1, 5), date(2025, 2, 28), date(2025, 3, 1),
                                                       date(2025, 8, 31), date(2025, 9, 1))] == [
        0, Decimal("1"), Decimal("0.6"), Decimal("0.6"), 0
    ]  # fmt: skip


def test_team_fte_on_a_date_splits_employed_and_agency(teams):
    north = teams[0]
    # The establishment page's read: 1.0 + 0.6 (fixed term) + 0.4 (bank) employed; 1.0 agency.
    assert employment.team_fte_by_team_on(D, team_ids=[north.pk]) == {
        north.pk: {"employed": Decimal("2.0"), "agency": Decimal("1")}
    }


def test_working_days_lost_counts_episodes_starting_in_the_period(north_team):
    staff = StaffMemberFactory(team=north_team)
    AbsenceEpisodeFactory(staff_member=staff, starts_on=date(2024, 9, 20), ends_on=date(2024, 9, 26),
                          working_days_lost=Decimal("5"))  # fmt: skip
    AbsenceEpisodeFactory(staff_member=staff, starts_on=date(2024, 10, 1), ends_on=date(2024, 10, 3),
                          working_days_lost=Decimal("3.5"))  # fmt: skip
    AbsenceEpisodeFactory(staff_member=staff, starts_on=date(2025, 9, 30), ends_on=date(2025, 10, 10),
                          reason="MAT", working_days_lost=Decimal("7"))  # fmt: skip
    AbsenceEpisodeFactory(starts_on=date(2025, 10, 1), ends_on=None, reason="TRN", working_days_lost=Decimal("2"))
    year = {"starts_on": date(2024, 10, 1), "ends_on": date(2025, 9, 30)}
    assert employment.working_days_lost(**year) == Decimal("10.5")
    assert employment.working_days_lost(**year, staff_member=staff) == Decimal("10.5")


# The pages ------------------------------------------------------------------------------------

READ_ALL = {"psw", "hr_officer", "head_of_service"}
MAY_RECORD = {"psw", "hr_officer"}


@pytest.mark.parametrize("person", PEOPLE)
def test_the_establishment_page_is_for_the_psw_hr_heads_of_service_and_team_managers(client, everyone, teams, person):
    client.force_login(everyone[person])
    response = client.get(reverse("workforce:establishment"), {"on-day": "31", "on-month": "3", "on-year": "2025"})
    if person in READ_ALL:
        assert response.status_code == 200
        assert "South" in response.content.decode() and "29.4%" in response.content.decode()
    elif person == "north_manager":
        assert response.status_code == 200
        page = response.content.decode()
        assert "50.0%" in page and "South" not in page
    else:
        assert response.status_code == 403, person


def test_a_team_manager_sees_only_the_teams_they_manage(north_manager, teams):
    assert list(establishment_teams(north_manager)) == [teams[0]]


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_hr_officers_record_funded_fte(client, everyone, person):
    client.force_login(everyone[person])
    team = everyone["north_manager"].managed_teams.get()
    data = {"team": team.pk, "org_role": "", "funded_fte": "7.5",
            "starts_on-day": "1", "starts_on-month": "4", "starts_on-year": "2025"}  # fmt: skip
    response = client.post(reverse("workforce:establishment_create"), data)
    assert response.status_code == (302 if person in MAY_RECORD else 403), person
    if person in MAY_RECORD:
        assert response.url == reverse("workforce:establishment") + "?on-day=1&on-month=4&on-year=2025"
        page = client.get(response.url).content.decode()
        assert "Funded FTE as recorded" in page and "7.50" in page
    assert Establishment.objects.filter(team=team, funded_fte=Decimal("7.5")).exists() == (person in MAY_RECORD)


def test_a_second_funded_fte_for_the_same_team_and_date_is_refused_with_a_message(client, hr_officer, north_team):
    EstablishmentFactory(team=north_team, starts_on=date(2025, 4, 1))
    client.force_login(hr_officer)
    data = {"team": north_team.pk, "funded_fte": "7.5", "starts_on-day": "1", "starts_on-month": "4",
            "starts_on-year": "2025"}  # fmt: skip
    response = client.post(reverse("workforce:establishment_create"), data)
    assert ESTABLISHMENT_EXISTS.format(team="North", date=date(2025, 4, 1)) in response.content.decode()
    assert Establishment.objects.count() == 1 and Establishment.history.count() == 1
