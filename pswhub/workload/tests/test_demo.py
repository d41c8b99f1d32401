"""The demo council's workload: a scheme per service, 24 monthly counts, a few workers over."""

from datetime import date

from pswhub.core import demo
from pswhub.core.models import Service, Team, User
from pswhub.workload import selectors
from pswhub.workload.demo import month_ends
from pswhub.workload.models import CaseloadSnapshot, EarlyCareerYear, WeightingScheme


def test_month_ends_are_the_last_days_of_the_months_before():
    ends = month_ends(date(2026, 11, 1), months=3)
    assert ends == [date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31)]


def test_the_demo_council_has_workloads_to_show(db):
    demo.demo_data_load(create_accounts=True)
    assert WeightingScheme.objects.count() == Service.objects.count() == 2
    dates = sorted(set(CaseloadSnapshot.objects.values_list("date", flat=True)))
    assert len(dates) == 24 and dates[-1] == date(2026, 10, 31)
    assert EarlyCareerYear.objects.exists()
    averages, over = [], 0
    for team in Team.objects.all():
        workload = selectors.team_workload(team=team, on=dates[-1])
        over += len(workload.over)
        if workload.average_caseload is not None:
            averages.append(workload.average_caseload)
    assert 15 <= sum(averages) / len(averages) <= 30
    assert 3 <= over <= 30
    manager = User.objects.get(username="demo-manager")
    assert selectors.managed_teams_over_capacity(manager, on=dates[-1])
