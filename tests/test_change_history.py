"""The change history page: "every change to the records you can see", across core's records,
audits and annual reports, each row naming its record and linking to it where the viewer may open
it, paged 50 at a time; and no one sees a change to a record they cannot see."""

import re
from datetime import date

from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from pswhub.audits.models import Audit, AuditAction
from pswhub.audits.tests.factories import AuditFactory
from pswhub.core import history, services
from pswhub.core.models import StaffMember
from pswhub.core.tests.factories import StaffMemberFactory
from pswhub.reporting.models import AnnualReport


def _page(client, number=None):
    address = reverse("core:history") + (f"?page={number}" if number else "")
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def _rows(html):
    """The table's rows, as text without tags."""
    body = html.split("<tbody", 1)[1].split(">", 1)[1].split("</tbody>", 1)[0] if "<tbody" in html else ""
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("</tr>")[:-1]]


def test_changes_are_paged_fifty_at_a_time_past_the_first_hundred(client, hr_officer, north_team):
    # The HR officer sees staff records and teams. History so far: the North team created (1).
    # 120 staff records created in bulk make 121 changes: pages of 50, 50 and 21.
    staff = [
        StaffMember(employee_number=f"P{n:03d}", first_name="Paged", last_name=f"Person{n:03d}", team=north_team)
        for n in range(120)
    ]
    bulk_create_with_history(staff, StaffMember, default_user=hr_officer)
    client.force_login(hr_officer)

    first = _page(client)
    assert "Changes 1 to 50 of 121." in first
    assert len(_rows(first)) == 50
    assert 'href="?page=2"' in first

    last = _page(client, 3)
    assert "Changes 101 to 121 of 121." in last
    rows = _rows(last)
    assert len(rows) == 21
    # the oldest change, the team's creation, is the last row of the last page
    assert rows[-1].endswith(f"Created: {north_team.name} (team)")
    assert 'href="?page=2"' in last and 'href="?page=4"' not in last

    # every change appears once across the pages
    seen = _rows(first) + _rows(_page(client, 2)) + rows
    assert len(seen) == 121 and len(set(seen)) == 121


def test_a_row_names_its_record_and_links_to_it_while_it_can_be_opened(client, hr_officer, north_team):
    priya = StaffMemberFactory(first_name="Priya", last_name="Shah", team=north_team)
    gone = StaffMemberFactory(first_name="Gail", last_name="Gone", team=north_team)
    gone_pk, gone._history_user = gone.pk, hr_officer
    gone.delete()
    services.staff_member_update(staff_member=priya, changed_by=hr_officer, job_title="Advanced Practitioner")
    client.force_login(hr_officer)

    page = _page(client)
    rows = _rows(page)
    # newest first: Priya's change, Gail's deletion, Gail's and Priya's creation, the team
    assert "Changed: Priya Shah (staff record) Job title: Social Worker to Advanced Practitioner" in rows[0]
    assert "Deleted: Gail Gone (staff record)" in rows[1]
    link = reverse("core:staff_detail", args=[priya.pk])
    assert f'<a class="govuk-link" href="{link}">Priya Shah</a> (staff record)' in page
    # a deleted record has nothing to open
    assert reverse("core:staff_detail", args=[gone_pk]) not in page
    assert "Staff member" not in page


def test_the_psw_sees_their_own_audit_and_annual_report_changes_with_links(client, psw, north_team):
    audit = AuditFactory(team=north_team, case_reference="C-1042", status=Audit.Status.DRAFT, overall_grade=None)
    audit._history_user = psw
    audit.strengths = "Clear plan"
    audit.save()
    report = AnnualReport.objects.create(
        title="PSW annual report 2025/26", period_start=date(2025, 4, 1), period_end=date(2026, 3, 31), created_by=psw
    )
    client.force_login(psw)

    page = _page(client)
    audit_link = reverse("audits:detail", args=[audit.pk])
    report_link = reverse("reporting:report_detail", args=[report.pk])
    assert f'<a class="govuk-link" href="{audit_link}">Full case audit of case C-1042</a> (audit)' in page
    assert "Strengths: blank to Clear plan" in page
    # an audit action opens its audit
    AuditAction.objects.create(audit=audit, description="Update the chronology", due_on=date(2026, 1, 31))
    page = _page(client)
    assert f'<a class="govuk-link" href="{audit_link}">Update the chronology</a> (audit action)' in page
    assert f'<a class="govuk-link" href="{report_link}">PSW annual report 2025/26</a> (annual report)' in page


def test_no_one_sees_changes_to_records_they_cannot_see(
    client, psw, hr_officer, head_of_service, north_manager, north_team, south_team
):
    north_audit = AuditFactory(team=north_team, case_reference="N-0001")
    south_audit = AuditFactory(team=south_team, case_reference="S-0002")
    south_person = StaffMemberFactory(first_name="Sunita", last_name="South", team=south_team)
    AnnualReport.objects.create(
        title="Draft annual report", period_start=date(2025, 4, 1), period_end=date(2026, 3, 31), created_by=psw
    )

    # a manager sees their own team's audit, but not the other team's, nor its staff, nor drafts
    client.force_login(north_manager)
    page = _page(client)
    assert "case N-0001" in page
    assert "case S-0002" not in page and "Sunita South" not in page and "Draft annual report" not in page
    assert reverse("audits:detail", args=[south_audit.pk]) not in page

    # HR sees every staff record but no audit one by one, and no draft report
    client.force_login(hr_officer)
    page = _page(client)
    assert "Sunita South" in page
    assert "case N-0001" not in page and "case S-0002" not in page and "Draft annual report" not in page

    # a head of service reads drafts but opens no audit one by one
    client.force_login(head_of_service)
    page = _page(client)
    assert "Draft annual report" in page and "case N-0001" not in page

    # and the counts behind the pages are scoped the same way
    reports = [source for source in history.sources_for(north_manager) if source.label == "Annual report"]
    assert all(not source.histories.exists() for source in reports)
    assert history.ChangeList(north_manager).count() == sum(
        1 for change in history.changes_visible_to(north_manager, limit=1000)
    )
    assert north_audit.pk and south_person.pk


def test_a_councillor_and_a_worker_cannot_open_the_change_history(client, councillor, north_worker):
    for person in (councillor, north_worker):
        client.force_login(person)
        assert client.get(reverse("core:history")).status_code == 403


def test_a_staff_record_lists_only_that_record_s_changes(client, psw, hr_officer, north_team, south_team):
    priya = StaffMemberFactory(first_name="Priya", last_name="Shah", team=north_team)
    other = StaffMemberFactory(first_name="Omar", last_name="Other", team=north_team)
    services.staff_member_update(staff_member=other, changed_by=hr_officer, job_title="Team Manager")
    AuditFactory(team=north_team, case_reference="C-7", worker=priya)
    changes = history.changes_visible_to(psw, staff_member=priya)
    assert [(change.kind, change.record) for change in changes] == [("Created", "Priya Shah")]
