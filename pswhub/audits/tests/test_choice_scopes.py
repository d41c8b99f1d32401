"""Who the audit pages offer as a case's worker and as an action's owner: only the people the user
may see (ADR 0002) and only people who can act on the audit's team's work."""

import pytest
from django.urls import reverse
from markupsafe import escape

from pswhub.audits import forms
from pswhub.audits.models import Audit
from pswhub.audits.tests.factories import draft_audit, tool
from pswhub.core import roles
from pswhub.core.models import StaffMember
from pswhub.core.tests.factories import StaffMemberFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def staff_of(user):
    return StaffMember.objects.get(user=user)


@pytest.fixture
def auditing_manager(north_team):
    """A manager of North who also audits."""
    user = UserFactory(username="auditing-manager", roles=[roles.AUDITOR, roles.TEAM_MANAGER])
    user.managed_teams.set([north_team])
    return user


def test_the_psw_is_offered_every_worker_in_post(psw, north_worker, south_worker):
    left = StaffMemberFactory(left_on="2025-01-31", started_on="2020-01-01")
    choices = set(forms.AuditStartForm(user=psw).fields["worker"].queryset)
    assert {staff_of(north_worker), staff_of(south_worker)} <= choices
    assert left not in choices


def test_a_manager_who_audits_is_offered_their_teams_staff_only(auditing_manager, north_worker, south_worker):
    choices = set(forms.AuditStartForm(user=auditing_manager).fields["worker"].queryset)
    assert staff_of(north_worker) in choices
    assert staff_of(south_worker) not in choices


def test_an_auditor_who_may_see_no_one_elses_record_is_not_offered_a_worker(auditor, north_worker):
    assert "worker" not in forms.AuditStartForm(user=auditor).fields


def test_naming_a_worker_outside_the_managers_scope_says_nothing_about_their_team(
    client, auditing_manager, north_worker, south_team, south_worker
):
    client.force_login(auditing_manager)
    response = client.post(
        reverse("audits:start"),
        {"tool": tool().pk, "case_reference": "CR1", "team": south_team.pk, "worker": staff_of(south_worker).pk},
    )
    page = response.content.decode()
    assert str(escape(forms.WORKER_NOT_IN_TEAM)) in page
    assert "Select a valid choice" not in page
    assert not Audit.objects.exists()


def test_a_worker_in_the_managers_team_is_accepted(client, auditing_manager, north_team, north_worker):
    client.force_login(auditing_manager)
    client.post(
        reverse("audits:start"),
        {"tool": tool().pk, "case_reference": "CR1", "team": north_team.pk, "worker": staff_of(north_worker).pk},
    )
    assert Audit.objects.get(case_reference="CR1").worker == staff_of(north_worker)


@pytest.fixture
def north_audit(north_team, auditor):
    return draft_audit(team=north_team, auditor=auditor)


def test_an_actions_owner_is_one_of_the_people_who_can_act_on_the_audit(
    north_audit, psw, qa_officer, north_manager, north_worker, south_worker, councillor, admin_user, auditor
):
    owners = set(forms.ActionForm(audit=north_audit).fields["owner"].queryset)
    assert {psw, qa_officer, north_manager, north_worker} <= owners
    assert not owners & {councillor, admin_user, south_worker}


def test_the_manager_of_a_team_above_the_audits_team_can_own_its_actions(north_team, auditor):
    locality = TeamFactory(name="North locality", service=north_team.service)
    north_team.parent = locality
    north_team.save()
    above = UserFactory(roles=[roles.TEAM_MANAGER], managed_teams=[locality])
    beneath = UserFactory(roles=[roles.TEAM_MANAGER], managed_teams=[TeamFactory(parent=north_team)])
    owners = set(forms.ActionForm(audit=draft_audit(team=north_team, auditor=auditor)).fields["owner"].queryset)
    assert above in owners
    assert beneath not in owners


def test_a_leaver_and_a_deactivated_account_cannot_own_an_action(north_audit, north_team):
    leaver = UserFactory()
    StaffMemberFactory(user=leaver, team=north_team, started_on="2020-01-01", left_on="2025-01-31")
    inactive = UserFactory(roles=[roles.PSW], is_active=False)
    owners = set(forms.ActionForm(audit=north_audit).fields["owner"].queryset)
    assert leaver not in owners and inactive not in owners


def test_an_action_given_to_a_councillor_is_refused(client, psw, north_audit, councillor):
    client.force_login(psw)
    response = client.post(
        reverse("audits:action_add", args=[north_audit.pk]),
        {
            "action-description": "Update the plan",
            "action-owner": councillor.pk,
            "action-due_on-day": "1",
            "action-due_on-month": "9",
            "action-due_on-year": "2026",
        },
    )
    assert response.status_code == 400
    assert not north_audit.actions.exists()


def test_an_action_given_to_the_teams_worker_is_added(client, psw, north_audit, north_worker):
    client.force_login(psw)
    client.post(
        reverse("audits:action_add", args=[north_audit.pk]),
        {
            "action-description": "Update the plan",
            "action-owner": north_worker.pk,
            "action-due_on-day": "1",
            "action-due_on-month": "9",
            "action-due_on-year": "2026",
        },
    )
    assert north_audit.actions.get().owner == north_worker
