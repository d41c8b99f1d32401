"""Who may do what with agency engagements: the PSW and HR officers keep them and the price cap;
a head of service reads them all; a team manager sees their own teams' only; councillors see the
figures only, suppressed; nobody else sees anything. Each "can" has its "cannot"."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from markupsafe import escape

from pswhub.agency.models import Engagement, PriceCap
from pswhub.core.tests.factories import PEOPLE

from .factories import EngagementFactory

LIST = {"psw", "hr_officer", "head_of_service", "north_manager"}
KEEP = {"psw", "hr_officer"}
FIGURES = {"psw", "hr_officer", "head_of_service", "councillor"}


@pytest.fixture
def engagements(north_team, south_team):
    return (
        EngagementFactory(team=north_team, worker_name="Nadia North", agency="Meridian Locums"),
        EngagementFactory(team=south_team, worker_name="Sam South", agency="Castle Careers"),
    )


@pytest.mark.parametrize("person", PEOPLE)
def test_who_opens_each_page(client, everyone, engagements, person):
    client.force_login(everyone[person])
    north = engagements[0]
    statuses = {
        "list": client.get(reverse("agency:list")).status_code,
        "figures": client.get(reverse("agency:figures")).status_code,
        "create": client.get(reverse("agency:create")).status_code,
        "edit": client.get(reverse("agency:edit", args=[north.pk])).status_code,
        "end": client.get(reverse("agency:end", args=[north.pk])).status_code,
        "price_cap": client.get(reverse("agency:price_cap")).status_code,
    }
    assert statuses == {
        "list": 200 if person in LIST else 403,
        "figures": 200 if person in FIGURES else 403,
        "create": 200 if person in KEEP else 403,
        "edit": 200 if person in KEEP else 403,
        "end": 200 if person in KEEP else 403,
        "price_cap": 200 if person in KEEP else 403,
    }, person


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_keepers_can_add_end_or_set_the_cap(client, everyone, engagements, north_team, person):
    client.force_login(everyone[person])
    client.post(reverse("agency:create"), engagement_data(north_team))
    client.post(reverse("agency:end", args=[engagements[0].pk]), date_data("ends_on", date(2026, 6, 30)))
    client.post(reverse("agency:price_cap"), {"hourly_rate": "45.00", **date_data("starts_on", date(2026, 4, 1))})
    may = person in KEEP
    assert Engagement.objects.filter(agency="Brightpath Social Work").exists() == may, person
    assert Engagement.objects.get(pk=engagements[0].pk).ends_on == (date(2026, 6, 30) if may else None), person
    assert PriceCap.objects.exists() == may, person


def test_a_team_manager_sees_their_own_teams_engagements_only(client, north_manager, engagements):
    client.force_login(north_manager)
    page = client.get(reverse("agency:list")).content.decode()
    assert "Nadia North" in page and "Sam South" not in page
    assert "Add an engagement" not in page and "Change<" not in page


def test_a_head_of_service_reads_every_engagement_but_changes_none(client, head_of_service, engagements):
    client.force_login(head_of_service)
    page = client.get(reverse("agency:list")).content.decode()
    assert "Nadia North" in page and "Sam South" in page and "Add an engagement" not in page


def test_a_councillor_sees_suppressed_figures_and_no_one_by_name(client, councillor, engagements):
    client.force_login(councillor)
    page = client.get(reverse("agency:figures")).content.decode()
    assert ">c<" in page and "Nadia North" not in page
    assert client.get(reverse("agency:list")).status_code == 403


def test_the_psw_sees_the_figures_unsuppressed(client, psw, engagements):
    client.force_login(psw)
    page = client.get(reverse("agency:figures")).content.decode()
    assert ">c<" not in page


def test_the_team_choice_lists_only_the_teams_a_page_user_may_see(client, psw, north_team, south_team):
    from pswhub.agency.forms import EngagementForm

    assert set(EngagementForm(user=psw).fields["team"].queryset) == {north_team, south_team}


def engagement_data(team, **values):
    data = {
        "agency": "Brightpath Social Work",
        "worker_name": "Ola Okafor",
        "team": team.pk,
        "cover_reason": "vacancy",
        "fte": "1",
        "hourly_rate": "44.50",
        "years_qualified": "3",
        "org_role": "5",
        **date_data("starts_on", date(2026, 5, 1)),
    }
    return data | values


def date_data(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def test_the_psw_adds_changes_and_ends_an_engagement(client, psw, north_team):
    client.force_login(psw)
    response = client.post(reverse("agency:create"), engagement_data(north_team))
    assert response.status_code == 302
    engagement = Engagement.objects.get()
    assert (engagement.worker, engagement.hourly_rate, engagement.ends_on) == ("Ola Okafor", Decimal("44.50"), None)
    assert engagement.org_role == "5"  # a case holder
    edit_page = client.get(reverse("agency:edit", args=[engagement.pk])).content.decode()
    assert "Census role" in edit_page and "Senior practitioner" in edit_page
    client.post(
        reverse("agency:edit", args=[engagement.pk]), engagement_data(north_team, hourly_rate="46", org_role="4")
    )
    engagement.refresh_from_db()
    assert (engagement.hourly_rate, engagement.org_role) == (Decimal("46.00"), "4")
    assert "Senior practitioner" in client.get(reverse("agency:list")).content.decode()
    client.post(reverse("agency:end", args=[engagement.pk]), date_data("ends_on", date(2026, 7, 31)))
    engagement.refresh_from_db()
    assert engagement.ends_on == date(2026, 7, 31)
    assert engagement.history.count() == 3
    assert client.get(reverse("agency:end", args=[engagement.pk])).status_code == 403, "an ended one is not ended again"


def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, psw, north_team):
    from pswhub.agency import forms

    client.force_login(psw)
    data = engagement_data(north_team, agency="", worker_name="", hourly_rate="lots", fte="1.5", org_role="9")
    data |= date_data("ends_on", date(2026, 4, 1))
    page = client.post(reverse("agency:create"), data)
    assert page.status_code == 400 and not Engagement.objects.exists()
    text = page.content.decode()
    for message in (
        forms.ENTER_AGENCY,
        forms.NAME_OR_RECORD,
        forms.ENTER_RATE,
        forms.ENTER_FTE,
        forms.END_BEFORE_START,
        forms.CHOOSE_ROLE,
    ):
        assert str(escape(message)) in text, message


def test_an_engagement_cannot_end_before_it_starts(client, psw, engagements):
    from pswhub.agency.forms import END_BEFORE_START

    client.force_login(psw)
    page = client.post(reverse("agency:end", args=[engagements[0].pk]), date_data("ends_on", date(2025, 12, 31)))
    assert page.status_code == 400 and END_BEFORE_START in page.content.decode()
    assert Engagement.objects.get(pk=engagements[0].pk).ends_on is None


def test_an_engagement_above_the_cap_is_marked_on_the_list(client, psw, north_team):
    from .factories import PriceCapFactory

    PriceCapFactory(starts_on=date(2020, 1, 1), hourly_rate=Decimal("45"))
    EngagementFactory(team=north_team, worker_name="Over Cap", hourly_rate=Decimal("52"), starts_on=date(2020, 2, 1))
    client.force_login(psw)
    page = client.get(reverse("agency:list")).content.decode()
    assert page.count("Over the cap") == 1 and "£52.00" in page
    # One that ended before any cap was agreed is not set against a later cap.
    EngagementFactory(
        team=north_team, hourly_rate=Decimal("60"), starts_on=date(2019, 1, 1), ends_on=date(2019, 12, 31)
    )
    page = client.get(reverse("agency:list")).content.decode()
    assert page.count("Over the cap") == 1 and "£60.00" in page
