"""The establishment page's date: an impossible date is refused, never replaced by another."""

from datetime import date

import time_machine
from django.urls import reverse

from pswhub.core.presenters import govuk_date


@time_machine.travel(date(2026, 12, 5))
def test_an_impossible_date_is_refused_and_no_other_days_figures_are_shown(client, hr_officer):
    client.force_login(hr_officer)
    page = client.get(
        reverse("workforce:establishment"), {"on-day": "31", "on-month": "2", "on-year": "2026"}
    ).content.decode()
    assert '<a href="#id_on-day">Enter a real date</a>' in page
    assert "<title>Error:" in page
    assert f"Establishment on {govuk_date(date(2026, 12, 5))}" not in page
    assert "<table" not in page


@time_machine.travel(date(2026, 12, 5))
def test_with_no_date_the_page_shows_today(client, hr_officer):
    client.force_login(hr_officer)
    page = client.get(reverse("workforce:establishment")).content.decode()
    assert "Establishment on 5 December 2026" in page
