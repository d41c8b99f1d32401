"""The PSW keeps a work plan: priorities for a year, progress with a RAG status, carried on."""

import re
from datetime import date

import time_machine
from django.urls import reverse

from pswhub.governance import selectors
from pswhub.governance.forms import CHOOSE_RAG, ENTER_NARRATIVE, PRIORITY_TITLE_TAKEN, UPDATE_IN_FUTURE
from pswhub.governance.models import Priority, Rag
from pswhub.governance.services import ALREADY_CARRIED
from pswhub.governance.tests.factories import PriorityFactory, PriorityUpdateFactory


def test_the_psw_adds_a_priority_for_a_year(client, psw):
    client.force_login(psw)
    response = client.post(
        reverse("governance:priority_create"),
        {
            "year_start": "2025",
            "title": "Recruit and retain social workers",
            "measures": "Turnover below 12%",
            "service": "all",
            "owner": psw.pk,
        },
    )
    priority = Priority.objects.get()
    assert response.url == reverse("governance:priority_detail", args=[priority.pk])
    assert (priority.year_label, priority.owner) == ("2025/26", psw)
    assert priority.history.first().history_user == psw


def test_a_year_cannot_have_two_priorities_with_one_title(client, psw):
    PriorityFactory(year_start=2025, title="Recruit and retain social workers")
    client.force_login(psw)
    page = client.post(
        reverse("governance:priority_create"),
        {"year_start": "2025", "title": "recruit and retain social workers", "service": "all"},
    ).content.decode()
    assert PRIORITY_TITLE_TAKEN in page
    assert Priority.objects.count() == 1


@time_machine.travel(date(2025, 10, 1))
def test_the_psw_records_progress_with_a_rag_status(client, psw):
    priority = PriorityFactory()
    client.force_login(psw)
    client.post(
        reverse("governance:priority_detail", args=[priority.pk]),
        {
            "as_at-day": "30",
            "as_at-month": "9",
            "as_at-year": "2025",
            "rag": "amber",
            "narrative": "Two vacancies filled.",
        },
    )
    update = priority.updates.get()
    assert (update.rag, update.as_at, update.created_by) == (Rag.AMBER, date(2025, 9, 30), psw)
    page = client.get(reverse("governance:priority_detail", args=[priority.pk])).content.decode()
    assert "Amber: at risk" in page and "Two vacancies filled." in page


@time_machine.travel(date(2025, 10, 1))
def test_an_update_needs_a_status_a_narrative_and_a_date_not_in_the_future(client, psw):
    priority = PriorityFactory()
    client.force_login(psw)
    page = client.post(
        reverse("governance:priority_detail", args=[priority.pk]),
        {"as_at-day": "1", "as_at-month": "1", "as_at-year": "2026"},
    ).content.decode()
    assert CHOOSE_RAG in page and ENTER_NARRATIVE in page and UPDATE_IN_FUTURE in page
    assert not priority.updates.exists()


def test_a_priority_is_carried_into_the_next_year_once(client, psw):
    priority = PriorityFactory(year_start=2025, title="Embed strengths-based practice")
    client.force_login(psw)
    client.post(reverse("governance:priority_carry_forward", args=[priority.pk]))
    carried = Priority.objects.get(year_start=2026)
    assert (carried.title, carried.carried_from) == ("Embed strengths-based practice", priority)
    page = client.get(reverse("governance:priority_detail", args=[carried.pk])).content.decode()
    assert (
        f'<a class="govuk-link" href="{reverse("governance:priority_detail", args=[priority.pk])}">2025/26</a>' in page
    )
    response = client.post(reverse("governance:priority_carry_forward", args=[priority.pk]), follow=True)
    assert ALREADY_CARRIED in response.content.decode()
    assert Priority.objects.count() == 2


def test_rag_counts_are_as_at_the_date_asked(db):
    # Hand count on 31 March 2026: A green (its red came later), B amber, C no update.
    a, b, _ = PriorityFactory(title="A"), PriorityFactory(title="B"), PriorityFactory(title="C")
    PriorityUpdateFactory(priority=a, as_at=date(2025, 12, 31), rag=Rag.GREEN)
    PriorityUpdateFactory(priority=a, as_at=date(2026, 5, 1), rag=Rag.RED)
    PriorityUpdateFactory(priority=b, as_at=date(2025, 6, 30), rag=Rag.RED)
    PriorityUpdateFactory(priority=b, as_at=date(2026, 3, 31), rag=Rag.AMBER)
    PriorityFactory(title="Next year", year_start=2026)
    counts = selectors.priority_rag_counts(year_start=2025, on=date(2026, 3, 31))
    assert counts == {"green": 1, "amber": 1, "red": 0, "none": 1, "total": 3}


def test_a_services_work_plan_includes_priorities_for_both_services(db):
    PriorityFactory(title="Children", service="children")
    PriorityFactory(title="Adults", service="adults")
    PriorityFactory(title="Both", service="all")
    titles = {p.title for p in selectors.priority_list(year_start=2025, services="children")}
    assert titles == {"Children", "Both"}


def test_the_dashboard_shows_the_years_priorities_with_their_status_in_words(client, head_of_service):
    PriorityUpdateFactory(
        priority=PriorityFactory(title="Raise quality", year_start=2024), rag=Rag.RED, as_at=date(2024, 9, 30)
    )
    client.force_login(head_of_service)
    page = client.get(reverse("governance:dashboard"), {"year": "2024"}).content.decode()
    assert "Work plan 2024/25" in page and "Raise quality" in page and "Red: off track" in page
    assert "30 September 2024" in page, "the date of the latest update"
    assert "Add a priority" not in page


@time_machine.travel(date(2025, 10, 1))
def test_every_error_summary_link_points_at_a_field_on_the_page(client, psw):
    # A link to "#" moves focus nowhere: each must name an element the page has, the first radio
    # of a radio group included.
    priority = PriorityFactory()
    client.force_login(psw)
    page = client.post(reverse("governance:priority_detail", args=[priority.pk]), {}).content.decode()
    targets = re.findall(r'<a href="#([^"]*)">', page.split('govuk-error-summary__list">')[1].split("</ul>")[0])
    assert len(targets) == 3
    for target in targets:
        assert target and f'id="{target}"' in page
    assert f'<a href="#id_rag">{CHOOSE_RAG}</a>' in page


def test_measures_typed_on_separate_lines_stay_on_separate_lines(client, psw):
    priority = PriorityFactory(measures="Turnover below 12%\nAgency rate below 10%")
    client.force_login(psw)
    page = client.get(reverse("governance:priority_detail", args=[priority.pk])).content.decode()
    assert "Turnover below 12%<br>Agency rate below 10%" in page
