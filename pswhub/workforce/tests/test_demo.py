"""The demo council's ten census years tell the story the dashboard is meant to show."""

from datetime import date

from django.db.models import Count

from pswhub.core import demo
from pswhub.core.models import Team
from pswhub.workforce import selectors
from pswhub.workforce.checks import census_year_check
from pswhub.workforce.establishment import establishment_on
from pswhub.workforce.models import AbsenceEpisode, Assignment, CensusWorker, StaffProfile


def test_the_demo_council_has_ten_census_years_with_a_2022_peak_and_a_recovery(db):
    authority = demo.demo_data_load(create_accounts=False)
    years = selectors.census_years(authority=authority)
    trend = {figures["year"]: figures for figures in selectors.workforce_figures_by_year(census_years=years).values()}
    assert sorted(trend) == list(range(2016, 2026))
    assert trend[2022]["turnover_rate"] > trend[2025]["turnover_rate"]
    assert trend[2022]["agency_rate"] > trend[2025]["agency_rate"]
    assert trend[2025]["fte_in_post"] > trend[2022]["fte_in_post"]
    # Every year's return passes PSW Hub's own checks.
    for census_year in selectors.census_years(authority=authority):
        assert census_year_check(census_year=census_year) == [], census_year.year
    # The people in post in 2025 were the council's children's social work staff then: each is still
    # in post or left after that return.
    in_post = CensusWorker.objects.in_post(selectors.census_year_get(authority=authority, year=2025)).filter(
        census_year__year=2025, agency=False
    )
    assert all(line.staff_member.left_on is None or line.staff_member.left_on > date(2025, 9, 30) for line in in_post)
    # The records go on past that return to the demo's today, with leavers and starters since.
    since = selectors.workforce_figures_on(on=demo.TODAY)
    assert since["leavers_headcount"] > 0 and since["starters_headcount"] > 0


def test_the_demo_council_has_employment_history_establishment_and_absence(db):
    demo.demo_data_load(create_accounts=False)
    people_with_changes = Assignment.objects.values("staff_member").annotate(n=Count("pk")).filter(n__gt=1)
    assert people_with_changes.count() > 10
    _lines, total = establishment_on(date(2026, 11, 1), teams=Team.objects.filter(service__kind="children"))
    assert total.vacancy_fte > 0 and total.agency_cover_fte > 0 and total.vacancy_rate < 30
    assert AbsenceEpisode.objects.count() > 20
    assert StaffProfile.objects.exclude(ethnicity="").count() > 50
