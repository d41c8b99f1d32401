"""The audit programme: the case list imported from the case management system, plans, sampling
that leaves out recently audited cases, assignment to auditors and status at a glance."""

import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from markupsafe import escape

from pswhub.audits import forms, importing, selectors, services
from pswhub.audits.models import Audit, AuditPlan, Case, CaseListUpload, PlannedAudit
from pswhub.audits.tests.factories import PEOPLE, AuditFactory, AuditPlanFactory, CaseFactory, tool
from pswhub.core.attention import attention_for
from pswhub.core.imports.reading import MISSING_COLUMN
from pswhub.core.models import StaffMember
from pswhub.core.tests.factories import TeamFactory

pytestmark = pytest.mark.django_db

HEADER = "case_reference,team,worker,case_type,opened_on\n"


def staff_of(user):
    return StaffMember.objects.get(user=user)


def csv_file(text):
    return SimpleUploadedFile("cases.csv", text.encode(), content_type="text/csv")


# The case list


def test_the_psw_imports_a_case_list_and_sees_what_was_added(client, psw, north_team, north_worker):
    number = staff_of(north_worker).employee_number
    text = HEADER + f"CR-1,North,{number},child_protection,2025-03-01\nCR-2,north,,child_in_care,2024-11-20\n"
    client.force_login(psw)
    response = client.post(reverse("audits:case_import"), {"file": csv_file(text)})
    assert response.status_code == 200
    assert "2 added, 0 updated" in response.content.decode()
    first = Case.objects.get(case_reference="CR-1")
    assert (first.team, first.worker, first.case_type, first.opened_on) == (
        north_team,
        staff_of(north_worker),
        "child_protection",
        date(2025, 3, 1),
    )
    assert first.history.first().history_user == psw
    upload = CaseListUpload.objects.get()
    assert (upload.status, upload.rows, upload.added, upload.updated, upload.uploaded_by, upload.confirmed_by) == (
        "imported", 2, 2, 0, psw, psw
    )  # fmt: skip


def test_importing_again_updates_cases_by_reference(psw, north_team, south_team):
    CaseFactory(case_reference="CR-1", team=north_team, case_type="child_in_need")
    plan = importing.cases_import_plan((HEADER + "CR-1,South,,child_protection,2025-01-06\n").encode())
    assert services.cases_import_save(plan=plan, imported_by=psw) == (0, 1)
    case = Case.objects.get(case_reference="CR-1")
    assert (case.team, case.case_type) == (south_team, "child_protection")
    assert Case.objects.count() == 1


def test_a_case_list_with_a_bad_row_imports_nothing_and_names_each_problem(client, qa_officer, north_team):
    text = HEADER + (
        "CR-1,North,,child_in_need,2025-01-01\n"
        "Jane Smith,Nowhere,X999,lodger,01/02/2025\n"
        "CR-1,North,,child_in_need,2025-01-01\n"
    )
    client.force_login(qa_officer)
    response = client.post(reverse("audits:case_import"), {"file": csv_file(text)})
    page = response.content.decode()
    assert response.status_code == 400
    assert "6 problems to put right" in page
    for row, field, message in (
        (3, "case_reference", importing.BAD_CASE_REFERENCE),
        (3, "team", importing.UNKNOWN_CASE_TEAM.format(name="Nowhere")),
        (3, "worker", importing.UNKNOWN_WORKER.format(value="X999")),
        (3, "case_type", importing.BAD_CASE_TYPE),
        (3, "opened_on", importing.BAD_DATE),
        (4, "case_reference", importing.REPEATED_CASE.format(row=2)),
    ):
        cells = rf">\s*{row}\s*</th>\s*<td[^>]*>\s*{field}\s*</td>\s*<td[^>]*>\s*{re.escape(str(escape(message)))}"
        assert re.search(cells, page), (row, field, message)
    assert not Case.objects.exists()


def test_a_case_list_without_a_column_is_refused(db):
    plan = importing.cases_import_plan(b"case_reference,team,case_type\nCR-1,North,child_in_need\n")
    assert plan.errors == ["Row 1, opened_on: " + MISSING_COLUMN.format(column="opened_on")]


def test_a_case_cannot_be_opened_in_the_future(north_team):
    plan = importing.cases_import_plan(
        (HEADER + "CR-1,North,,child_in_need,2026-01-02\n").encode(), today=date(2026, 1, 1)
    )
    assert plan.errors == [f"Row 2, opened_on: {importing.FUTURE_DATE}"]


@pytest.mark.parametrize(
    "person", ["auditor", "north_manager", "north_worker", "head_of_service", "councillor", "hr_officer", "admin"]
)
def test_only_the_psw_and_qa_can_import_the_case_list(client, everyone, north_team, person):
    client.force_login(everyone[person])
    response = client.post(
        reverse("audits:case_import"), {"file": csv_file(HEADER + "CR-1,North,,child_in_need,2025-01-01\n")}
    )
    assert response.status_code == 403
    assert not Case.objects.exists()


# Sampling


def test_cases_audited_within_the_skip_window_are_left_out(north_team):
    plan = AuditPlanFactory(team=north_team, sample_size=10, skip_months=6)  # April 2026: skip from 1 October 2025
    recent, old, drafted, fresh = (CaseFactory(team=north_team) for _ in range(4))
    AuditFactory(case_reference=recent.case_reference, team=north_team, completed_on=date(2025, 10, 1))
    AuditFactory(case_reference=old.case_reference, team=north_team, completed_on=date(2025, 9, 30))
    AuditFactory(
        case_reference=drafted.case_reference, team=north_team, status="draft", completed_on=None, overall_grade=None
    )
    added = services.plan_sample(plan=plan, seed=1)
    assert {planned.case for planned in added} == {old, drafted, fresh}


def test_a_plan_samples_only_its_team_and_the_teams_beneath(north_team, south_team, adults_team):
    beneath = TeamFactory(name="North Assessment", parent=north_team, service=north_team.service)
    mine = {CaseFactory(team=north_team), CaseFactory(team=beneath)}
    CaseFactory(team=south_team)
    CaseFactory(team=adults_team)
    CaseFactory(team=north_team, opened_on=date(2026, 5, 1))  # opened after the plan
    plan = AuditPlanFactory(team=north_team, sample_size=10)
    assert {planned.case for planned in services.plan_sample(plan=plan, seed=1)} == mine


def test_a_service_plan_samples_every_team_in_the_service_only(north_team, south_team, adults_team):
    children = {CaseFactory(team=north_team), CaseFactory(team=south_team)}
    CaseFactory(team=adults_team)
    plan = AuditPlanFactory(service=north_team.service, sample_size=10)
    assert {planned.case for planned in services.plan_sample(plan=plan, seed=1)} == children


def test_the_same_seed_draws_the_same_cases(north_team):
    for _ in range(30):
        CaseFactory(team=north_team)
    first, second = (AuditPlanFactory(team=north_team, sample_size=5) for _ in range(2))
    draw = lambda plan: sorted(p.case.case_reference for p in services.plan_sample(plan=plan, seed=42))  # noqa: E731
    assert draw(first) == draw(second)
    assert len(draw(AuditPlanFactory(team=north_team, sample_size=5))) == 5


def test_sampling_tops_up_to_the_sample_size_and_never_repeats_a_case(north_team):
    for _ in range(10):
        CaseFactory(team=north_team)
    plan = AuditPlanFactory(team=north_team, sample_size=4)
    services.plan_sample(plan=plan, seed=1)
    assert services.plan_sample(plan=plan, seed=2) == []
    plan.sample_size = 6
    plan.save()
    services.plan_sample(plan=plan, seed=1)
    cases = list(plan.planned_audits.values_list("case_id", flat=True))
    assert len(cases) == len(set(cases)) == 6


def test_stratified_sampling_gives_each_team_its_proportional_share(north_team, south_team):
    # 12 North, 6 South, 2 East cases; 10 to sample: shares 6, 3 and 1 exactly.
    east = TeamFactory(name="East", service=north_team.service)
    for team, n in ((north_team, 12), (south_team, 6), (east, 2)):
        for _ in range(n):
            CaseFactory(team=team)
    plan = AuditPlanFactory(service=north_team.service, sample_size=10)
    added = services.plan_sample(plan=plan, seed=3, stratify=True)
    assert Counter(planned.case.team.name for planned in added) == {"North": 6, "South": 3, "East": 1}


def test_stratified_remainders_go_to_the_largest_fractions():
    # 7, 2 and 1 cases, 5 to sample: exact shares 3.5, 1.0 and 0.5; the two halves tie and the
    # first team in order gets the one left over.
    assert services.proportional_allocation({"a": 7, "b": 2, "c": 1}, 5) == {"a": 4, "b": 1, "c": 0}
    assert services.proportional_allocation({"a": 1, "b": 1, "c": 1}, 2) == {"a": 1, "b": 1, "c": 0}
    assert services.proportional_allocation({"a": 5, "b": 3}, 8) == {"a": 5, "b": 3}


def test_sampling_with_nothing_left_says_so(north_team):
    plan = AuditPlanFactory(team=north_team)
    with pytest.raises(ValueError, match=services.NOTHING_TO_SAMPLE):
        services.plan_sample(plan=plan)


def test_the_skip_window_counts_calendar_months():
    assert selectors.months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert selectors.months_before(date(2026, 4, 1), 6) == date(2025, 10, 1)
    assert selectors.months_before(date(2026, 4, 1), 0) == date(2026, 4, 1)


# Plans, assignment and starting an audit through the pages


def test_the_qa_officer_creates_a_plan_draws_a_stratified_sample_and_assigns_a_case(
    client, qa_officer, auditor, north_team
):
    for _ in range(3):
        CaseFactory(team=north_team)
    client.force_login(qa_officer)
    response = client.post(
        reverse("audits:plan_create"),
        {
            "period_start-day": "1", "period_start-month": "4", "period_start-year": "2026",
            "period_end-day": "30", "period_end-month": "6", "period_end-year": "2026",
            "service": north_team.service.pk, "team": north_team.pk, "tool": tool("dip-sample").pk,
            "sample_size": "2", "skip_months": "6",
        },
    )  # fmt: skip
    plan = AuditPlan.objects.get()
    assert response.url == reverse("audits:plan_detail", args=[plan.pk])
    assert (plan.team, plan.sample_size, plan.created_by) == (north_team, 2, qa_officer)

    client.post(reverse("audits:plan_sample", args=[plan.pk]), {"stratify": "on"})
    assert plan.planned_audits.count() == 2

    planned = plan.planned_audits.first()
    response = client.post(
        reverse("audits:planned_audit_assign", args=[plan.pk, planned.pk]),
        {"auditor": auditor.pk, "due_on-day": "15", "due_on-month": "6", "due_on-year": "2026"},
    )
    assert response.url == reverse("audits:plan_detail", args=[plan.pk])
    planned.refresh_from_db()
    assert (planned.auditor, planned.due_on) == (auditor, date(2026, 6, 15))


def test_a_plan_cannot_end_before_it_starts_or_name_a_team_outside_its_service(client, psw, adults_team, north_team):
    client.force_login(psw)
    response = client.post(
        reverse("audits:plan_create"),
        {
            "period_start-day": "1", "period_start-month": "4", "period_start-year": "2026",
            "period_end-day": "31", "period_end-month": "3", "period_end-year": "2026",
            "service": north_team.service.pk, "team": adults_team.pk, "tool": tool().pk,
            "sample_size": "0", "skip_months": "6",
        },
    )  # fmt: skip
    page = response.content.decode()
    for message in (forms.PERIOD_END_BEFORE_START, forms.TEAM_NOT_IN_SERVICE, forms.ENTER_SAMPLE_SIZE):
        assert message.replace("'", "&#39;") in page
    assert not AuditPlan.objects.exists()


def test_the_assigned_auditor_starts_the_audit_with_the_case_filled_in(client, auditor, north_team, north_worker):
    case = CaseFactory(team=north_team, worker=staff_of(north_worker), case_type="child_protection")
    plan = AuditPlanFactory(team=north_team, tool=tool("dip-sample"))
    planned = PlannedAudit.objects.create(plan=plan, case=case, auditor=auditor, due_on=date(2026, 4, 30))
    client.force_login(auditor)
    page = client.get(reverse("audits:assignments")).content.decode()
    assert case.case_reference in page
    response = client.post(reverse("audits:planned_audit_start", args=[planned.pk]))
    audit = Audit.objects.get()
    assert response.url == reverse("audits:edit", args=[audit.pk])
    assert (audit.case_reference, audit.team, audit.worker, audit.tool_version.tool, audit.auditor, audit.due_on) == (
        case.case_reference,
        north_team,
        staff_of(north_worker),
        tool("dip-sample"),
        auditor,
        date(2026, 4, 30),
    )
    assert audit.case_type == "Child protection"
    planned.refresh_from_db()
    assert planned.audit == audit and planned.status == PlannedAudit.Status.IN_PROGRESS


def test_an_audit_cannot_be_started_twice_or_by_someone_else(client, auditor, psw, north_team):
    planned = PlannedAudit.objects.create(
        plan=AuditPlanFactory(team=north_team),
        case=CaseFactory(team=north_team),
        auditor=auditor,
        due_on=date(2026, 4, 30),
    )
    client.force_login(psw)
    assert client.post(reverse("audits:planned_audit_start", args=[planned.pk])).status_code == 404
    client.force_login(auditor)
    client.post(reverse("audits:planned_audit_start", args=[planned.pk]))
    again = client.post(reverse("audits:planned_audit_start", args=[planned.pk]))
    assert again.url == reverse("audits:edit", args=[Audit.objects.get().pk])
    assert Audit.objects.count() == 1
    with pytest.raises(ValueError, match=services.ALREADY_STARTED):
        services.planned_audit_start(planned_audit=planned, started_by=auditor)


def test_a_started_audit_cannot_be_reassigned(client, psw, auditor, qa_officer, north_team):
    planned = PlannedAudit.objects.create(
        plan=AuditPlanFactory(team=north_team),
        case=CaseFactory(team=north_team),
        auditor=auditor,
        due_on=date(2026, 4, 30),
    )
    services.planned_audit_start(planned_audit=planned, started_by=auditor)
    client.force_login(psw)
    assert client.get(reverse("audits:planned_audit_assign", args=[planned.plan.pk, planned.pk])).status_code == 404
    with pytest.raises(ValueError, match=services.ALREADY_STARTED):
        services.planned_audit_assign(
            planned_audit=planned, auditor=qa_officer, due_on=date(2026, 5, 1), assigned_by=psw
        )


def test_the_plan_shows_its_status_at_a_glance(client, psw, auditor, north_team):
    today = date.today()
    plan = AuditPlanFactory(team=north_team, sample_size=6)

    def planned(**kwargs):
        return PlannedAudit.objects.create(plan=plan, case=CaseFactory(team=north_team), **kwargs)

    planned()  # not assigned
    planned(auditor=auditor, due_on=today + timedelta(days=5))  # assigned
    planned(auditor=auditor, due_on=today - timedelta(days=1))  # assigned and overdue
    started = planned(auditor=auditor, due_on=today - timedelta(days=1))  # in progress and overdue
    services.planned_audit_start(planned_audit=started, started_by=auditor)
    done = planned(auditor=auditor, due_on=today - timedelta(days=1))  # submitted late: not overdue
    done.audit = AuditFactory(case_reference=done.case.case_reference, team=north_team)
    done.save()
    counts = selectors.plan_status_counts(plan)
    assert counts == {"unassigned": 1, "assigned": 2, "in_progress": 1, "submitted": 1, "overdue": 2, "total": 5}
    client.force_login(psw)
    page = client.get(reverse("audits:plan_detail", args=[plan.pk])).content.decode()
    assert "Status at a glance" in page and "Overdue" in page
    assert done.case.case_reference in page


def test_an_auditor_sees_their_assignments_on_their_home_page(client, auditor, qa_officer, north_team):
    plan = AuditPlanFactory(team=north_team)
    for due in (date.today() - timedelta(days=1), date.today() + timedelta(days=9)):
        PlannedAudit.objects.create(plan=plan, case=CaseFactory(team=north_team), auditor=auditor, due_on=due)
    items = {item.title: item for item in attention_for(auditor)}
    assert items["Audits assigned to you"].count == 2
    assert items["Audits assigned to you"].hint == "1 past the due date."
    assert "Audits assigned to you" not in {item.title for item in attention_for(qa_officer)}
    client.force_login(auditor)
    assert "Audits assigned to you: 2" in client.get(reverse("core:home")).content.decode()


def test_an_auditor_does_not_see_another_auditors_assignments(client, auditor, qa_officer, north_team):
    case = CaseFactory(team=north_team)
    PlannedAudit.objects.create(
        plan=AuditPlanFactory(team=north_team), case=case, auditor=qa_officer, due_on=date(2026, 4, 30)
    )
    client.force_login(auditor)
    assert case.case_reference not in client.get(reverse("audits:assignments")).content.decode()


# Who may open the programme's pages

PROGRAMME_PAGES = {
    "audits:plan_list": {"psw", "qa_officer"},
    "audits:plan_create": {"psw", "qa_officer"},
    "audits:case_import": {"psw", "qa_officer"},
    "audits:assignments": {"psw", "qa_officer", "auditor"},
}


@pytest.mark.parametrize("page", PROGRAMME_PAGES)
@pytest.mark.parametrize("person", PEOPLE)
def test_each_role_opens_only_its_programme_pages(client, everyone, page, person):
    client.force_login(everyone[person])
    assert client.get(reverse(page)).status_code == (200 if person in PROGRAMME_PAGES[page] else 403)


@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_psw_and_qa_open_a_plan_sample_it_or_assign_its_cases(client, everyone, north_team, person):
    CaseFactory(team=north_team)
    plan = AuditPlanFactory(team=north_team)
    planned = PlannedAudit.objects.create(plan=plan, case=CaseFactory(team=north_team))
    allowed = person in {"psw", "qa_officer"}
    client.force_login(everyone[person])
    assert client.get(reverse("audits:plan_detail", args=[plan.pk])).status_code == (200 if allowed else 403)
    assert client.get(reverse("audits:planned_audit_assign", args=[plan.pk, planned.pk])).status_code == (
        200 if allowed else 403
    )
    response = client.post(reverse("audits:plan_sample", args=[plan.pk]))
    assert response.status_code == (302 if allowed else 403)
    assert plan.planned_audits.count() == (2 if allowed else 1)


@pytest.mark.parametrize("page", [*PROGRAMME_PAGES, "audits:plan_detail"])
def test_signed_out_visitors_cannot_open_the_programme(client, db, page):
    url = reverse(page, args=[1]) if page == "audits:plan_detail" else reverse(page)
    assert client.get(url).status_code == 302
