"""The audit programme's pages beyond drawing a sample: changing a plan, assigning many cases at
once, and taking a case out of a plan."""

import re
from datetime import date

import pytest
from django.urls import reverse

from pswhub.audits import forms, services
from pswhub.audits.models import PlannedAudit
from pswhub.audits.tests.factories import PEOPLE, AuditPlanFactory, CaseFactory, tool

pytestmark = pytest.mark.django_db

MANAGERS = {"psw", "qa_officer"}


@pytest.fixture
def plan(north_team):
    plan = AuditPlanFactory(team=north_team, sample_size=4)
    for _ in range(3):
        PlannedAudit.objects.create(plan=plan, case=CaseFactory(team=north_team))
    return plan


def plan_form(plan, **changes):
    data = {
        "period_start-day": "1",
        "period_start-month": "7",
        "period_start-year": "2026",
        "period_end-day": "30",
        "period_end-month": "9",
        "period_end-year": "2026",
        "service": plan.service.pk,
        "team": plan.team.pk,
        "tool": tool("dip-sample").pk,
        "sample_size": "5",
        "skip_months": "3",
        "due_on-day": "15",
        "due_on-month": "10",
        "due_on-year": "2026",
    }
    return {**data, **changes}


def assign_form(planned, auditor, day="20"):
    return {
        "planned": [p.pk for p in planned],
        "auditor": auditor.pk,
        "due_on-day": day,
        "due_on-month": "5",
        "due_on-year": "2026",
    }


# Services


def test_assigning_many_cases_gives_each_the_auditor_and_due_date(plan, psw, auditor):
    planned = list(plan.planned_audits.all())
    services.planned_audits_assign(
        planned_audits=planned[:2], auditor=auditor, due_on=date(2026, 5, 20), assigned_by=psw
    )
    assigned = {p.pk: (p.auditor, p.due_on) for p in plan.planned_audits.all()}
    assert assigned[planned[0].pk] == assigned[planned[1].pk] == (auditor, date(2026, 5, 20))
    assert assigned[planned[2].pk] == (None, None)
    assert planned[0].history.first().history_user == psw


def test_assigning_many_cases_is_all_or_nothing(plan, psw, auditor, qa_officer):
    first, second, _ = plan.planned_audits.all()
    services.planned_audit_assign(planned_audit=first, auditor=auditor, due_on=date(2026, 5, 1), assigned_by=psw)
    services.planned_audit_start(planned_audit=first, started_by=auditor)
    with pytest.raises(ValueError, match=services.ALREADY_STARTED):
        services.planned_audits_assign(
            planned_audits=[first, second], auditor=qa_officer, due_on=date(2026, 5, 9), assigned_by=psw
        )
    second.refresh_from_db()
    assert second.auditor is None


def test_a_plan_cannot_be_made_smaller_than_the_cases_it_holds(plan, psw):
    fields = {
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "service": plan.service,
        "team": plan.team,
        "tool": plan.tool,
        "skip_months": 6,
    }
    with pytest.raises(ValueError, match="already holds 3 cases"):
        services.audit_plan_update(plan=plan, sample_size=2, changed_by=psw, **fields)
    services.audit_plan_update(plan=plan, sample_size=3, changed_by=psw, due_on=date(2026, 4, 25), **fields)
    plan.refresh_from_db()
    assert (plan.sample_size, plan.due_on) == (3, date(2026, 4, 25))


def test_a_started_case_cannot_be_taken_out_of_a_plan(plan, psw, auditor):
    first = plan.planned_audits.first()
    services.planned_audit_assign(planned_audit=first, auditor=auditor, due_on=date(2026, 5, 1), assigned_by=psw)
    services.planned_audit_start(planned_audit=first, started_by=auditor)
    with pytest.raises(ValueError, match=services.ALREADY_STARTED):
        services.planned_audit_remove(planned_audit=first, removed_by=psw)


# Pages


def test_the_psw_changes_a_plan(client, psw, plan):
    client.force_login(psw)
    assert client.get(reverse("audits:plan_edit", args=[plan.pk])).status_code == 200
    response = client.post(reverse("audits:plan_edit", args=[plan.pk]), plan_form(plan))
    assert response.url == reverse("audits:plan_detail", args=[plan.pk])
    plan.refresh_from_db()
    assert (plan.period_start, plan.period_end, plan.tool.code, plan.sample_size, plan.skip_months, plan.due_on) == (
        date(2026, 7, 1),
        date(2026, 9, 30),
        "dip-sample",
        5,
        3,
        date(2026, 10, 15),
    )
    assert plan.history.first().history_user == psw
    page = client.get(reverse("audits:plan_detail", args=[plan.pk])).content.decode()
    assert "15 October 2026" in page


def test_a_plan_change_with_a_problem_is_shown_and_saves_nothing(client, psw, plan):
    client.force_login(psw)
    response = client.post(reverse("audits:plan_edit", args=[plan.pk]), plan_form(plan, sample_size="1"))
    assert response.status_code == 400
    assert "already holds 3 cases" in response.content.decode()
    response = client.post(reverse("audits:plan_edit", args=[plan.pk]), plan_form(plan, **{"period_end-month": "6"}))
    assert response.status_code == 400
    assert forms.PERIOD_END_BEFORE_START in response.content.decode()
    plan.refresh_from_db()
    assert plan.sample_size == 4


def test_the_psw_assigns_several_cases_at_once(client, psw, auditor, plan):
    planned = list(plan.planned_audits.all())
    client.force_login(psw)
    page = client.get(reverse("audits:plan_detail", args=[plan.pk])).content.decode()
    assert "Assign cases to an auditor" in page and planned[0].case.case_reference in page
    response = client.post(reverse("audits:plan_assign", args=[plan.pk]), assign_form(planned[:2], auditor))
    assert response.url == reverse("audits:plan_detail", args=[plan.pk])
    assert plan.planned_audits.filter(auditor=auditor, due_on=date(2026, 5, 20)).count() == 2
    page = client.get(response.url).content.decode()
    assert "2 cases have been assigned to Ada Umber" in page


def test_assigning_without_cases_or_auditor_says_what_is_missing(client, psw, plan):
    client.force_login(psw)
    response = client.post(reverse("audits:plan_assign", args=[plan.pk]), {"due_on-day": "1"})
    page = response.content.decode()
    assert response.status_code == 400
    assert forms.CHOOSE_CASES in page and forms.CHOOSE_AUDITOR in page
    assert not plan.planned_audits.filter(auditor__isnull=False).exists()


def test_a_started_case_is_not_offered_for_assignment(client, psw, auditor, qa_officer, plan):
    first = plan.planned_audits.first()
    services.planned_audit_assign(planned_audit=first, auditor=auditor, due_on=date(2026, 5, 1), assigned_by=psw)
    services.planned_audit_start(planned_audit=first, started_by=auditor)
    client.force_login(psw)
    response = client.post(reverse("audits:plan_assign", args=[plan.pk]), assign_form([first], qa_officer))
    assert response.status_code == 400
    first.refresh_from_db()
    assert first.auditor == auditor


def test_the_psw_takes_a_case_out_of_a_plan(client, psw, plan):
    first = plan.planned_audits.first()
    client.force_login(psw)
    response = client.post(reverse("audits:planned_audit_remove", args=[plan.pk, first.pk]))
    assert response.status_code == 302
    assert plan.planned_audits.count() == 2


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_qa_change_plans_and_assign_in_bulk(client, everyone, plan, person):
    allowed = person in MANAGERS
    planned = list(plan.planned_audits.all())
    client.force_login(everyone[person])
    assert client.get(reverse("audits:plan_edit", args=[plan.pk])).status_code == (200 if allowed else 403)
    response = client.post(reverse("audits:plan_edit", args=[plan.pk]), plan_form(plan))
    assert response.status_code == (302 if allowed else 403)
    response = client.post(reverse("audits:plan_assign", args=[plan.pk]), assign_form(planned, everyone["auditor"]))
    assert response.status_code == (302 if allowed else 403)
    response = client.post(reverse("audits:planned_audit_remove", args=[plan.pk, planned[0].pk]))
    assert response.status_code == (302 if allowed else 403)
    plan.refresh_from_db()
    assert plan.sample_size == (5 if allowed else 4)
    assert plan.planned_audits.filter(auditor__isnull=False).count() == (2 if allowed else 0)


def test_the_plan_list_shows_each_plans_status_at_a_glance(client, psw, auditor, plan):
    first = plan.planned_audits.first()
    services.planned_audit_assign(planned_audit=first, auditor=auditor, due_on=date(2020, 1, 1), assigned_by=psw)
    client.force_login(psw)
    page = client.get(reverse("audits:plan_list")).content.decode()
    cells = re.findall(r'govuk-table__cell--numeric">\s*(\d+)\s*<', page)
    assert cells == ["4", "2", "1", "0", "1"]  # to sample, not assigned, assigned, submitted, overdue
