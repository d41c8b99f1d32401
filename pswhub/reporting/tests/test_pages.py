"""Building, editing, publishing and downloading a report, and who may do each."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from pswhub.governance.models import Rag
from pswhub.governance.tests.factories import MeetingFactory, PriorityFactory, PriorityUpdateFactory
from pswhub.reporting.models import AnnualReport, AppendOnlyError, PublishedReport, ReportExport
from pswhub.reporting.outputs import default_template
from pswhub.reporting.services import NO_BODY_TAG, NOT_A_WORD_FILE, report_create

NEW_REPORT = {
    "period_start-day": "1",
    "period_start-month": "4",
    "period_start-year": "2025",
    "period_end-day": "31",
    "period_end-month": "3",
    "period_end-year": "2026",
    "services": "all",
}


PLAN_SENTENCE = (
    "2 of the 3 priorities of the 2025/26 work plan were rated green on 31 March 2026, compared with 1 of 2 in 2024/25."
)


@pytest.fixture
def draft(council, psw):
    return report_create(user=psw, period_start=council.start, period_end=council.end, services="all")


def test_the_psw_builds_a_draft_from_the_data(client, psw, council):
    client.force_login(psw)
    response = client.post(reverse("reporting:report_create"), NEW_REPORT)
    report = AnnualReport.objects.get()
    assert response.url == reverse("reporting:report_detail", args=[report.pk])
    page = client.get(response.url).content.decode()
    assert "Principal Social Worker annual report 2025/26" in page
    assert PLAN_SENTENCE in page
    assert "Purpose of the report" in page and "Background papers" in page


def test_the_psw_writes_a_sections_narrative_and_the_reports_text(client, psw, draft):
    meeting = MeetingFactory(committee="Children and Young People's Committee", held_on=date(2026, 3, 7))
    client.force_login(psw)
    client.post(
        reverse("reporting:narrative_edit", args=[draft.pk, "work_plan"]),
        {"narrative": "Recruitment went well.\n\nThree new starters."},
    )
    response = client.post(
        reverse("reporting:report_edit", args=[draft.pk]),
        {
            "title": draft.title,
            "meeting": str(meeting.pk),
            "recommendations": "That the Committee notes the report.",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("reporting:report_detail", args=[draft.pk])).content.decode()
    assert "Recruitment went well." in page and "Three new starters." in page
    assert "Report to Children and Young People&#39;s Committee, 7 March 2026" in page
    assert "That the Committee notes the report." in page


def test_the_committee_is_chosen_from_the_recorded_meetings_only(client, psw, draft):
    recorded = MeetingFactory(committee="Adult Social Care Scrutiny Panel", held_on=date(2026, 2, 4))
    client.force_login(psw)
    form = client.get(reverse("reporting:report_edit", args=[draft.pk])).content.decode()
    assert "Adult Social Care Scrutiny Panel, 4 February 2026" in form
    assert "Children and Adults Select Committee" not in form
    response = client.post(reverse("reporting:report_edit", args=[draft.pk]), {"title": draft.title, "meeting": "9999"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode() or "Select a committee meeting" in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.committee == "" and draft.meeting_date is None
    client.post(reverse("reporting:report_edit", args=[draft.pk]), {"title": draft.title, "meeting": recorded.pk})
    draft.refresh_from_db()
    assert (draft.committee, draft.meeting_date) == ("Adult Social Care Scrutiny Panel", date(2026, 2, 4))


def test_a_published_report_keeps_its_figures_when_the_data_changes(client, psw, councillor, draft):
    client.force_login(psw)
    client.post(reverse("reporting:report_publish", args=[draft.pk]))
    version = PublishedReport.objects.get()
    PriorityUpdateFactory(
        priority=PriorityFactory(year_start=2025, title="Late"), rag=Rag.GREEN, as_at=date(2026, 3, 2)
    )
    client.force_login(councillor)
    published = client.get(reverse("reporting:version_detail", args=[version.pk])).content.decode()
    assert PLAN_SENTENCE in published
    client.force_login(psw)
    assert (
        "3 of the 4 priorities of the 2025/26 work plan were rated green"
        in client.get(reverse("reporting:report_detail", args=[draft.pk])).content.decode()
    )


def test_a_published_version_never_changes_and_a_correction_is_a_new_version(client, psw, draft):
    client.force_login(psw)
    client.post(reverse("reporting:report_publish", args=[draft.pk]))
    version = PublishedReport.objects.get()
    version.title = "Changed"
    with pytest.raises(AppendOnlyError):
        version.save()
    with pytest.raises(AppendOnlyError):
        PublishedReport.objects.filter(pk=version.pk).update(title="Changed")
    with pytest.raises(AppendOnlyError):
        version.delete()
    client.post(reverse("reporting:report_publish", args=[draft.pk]))
    page = client.get(reverse("reporting:report_detail", args=[draft.pk])).content.decode()
    assert "Version 2 was published" in page and '">Read the published report</a>' in page
    assert list(draft.versions.order_by("number").values_list("number", flat=True)) == [1, 2]


def test_a_councillor_reads_published_reports_but_never_a_draft(client, psw, councillor, draft):
    client.force_login(councillor)
    listing = client.get(reverse("reporting:report_list")).content.decode()
    assert draft.title not in listing and "Drafts" not in listing
    assert client.get(reverse("reporting:report_detail", args=[draft.pk])).status_code == 403
    assert client.get(reverse("reporting:report_create")).status_code == 403
    assert client.post(reverse("reporting:export_create", args=[draft.pk]), {"format": "html"}).status_code == 403
    client.force_login(psw)
    client.post(reverse("reporting:report_publish", args=[draft.pk]))
    client.force_login(councillor)
    version = PublishedReport.objects.get()
    link = f'<a class="govuk-link" href="{reverse("reporting:version_detail", args=[version.pk])}">{draft.title}</a>'
    assert link in client.get(reverse("reporting:report_list")).content.decode()
    assert client.get(reverse("reporting:version_detail", args=[version.pk])).status_code == 200
    download = client.get(reverse("reporting:version_html", args=[version.pk]))
    assert download["Content-Disposition"].startswith("attachment") and PLAN_SENTENCE.encode() in download.content


@pytest.mark.parametrize(
    "page", ["reporting:report_detail", "reporting:report_edit", "reporting:report_publish", "reporting:report_choices"]
)
def test_only_those_who_write_or_read_drafts_open_them(client, everyone, draft, page):
    can_open = {"psw", "qa_officer"} | ({"head_of_service"} if page == "reporting:report_detail" else set())
    for name, user in everyone.items():
        client.force_login(user)
        assert client.get(reverse(page, args=[draft.pk])).status_code == (200 if name in can_open else 403), name


def test_the_psw_leaves_out_a_section_and_pools_the_audits_and_the_report_says_so(client, psw, draft):
    client.force_login(psw)
    response = client.post(
        reverse("reporting:report_choices", args=[draft.pk]), {"left_out": ["work_plan"], "audits_pooled": "on"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.left_out, draft.options) == (["work_plan"], {"audits_pooled": True})
    page = client.get(reverse("reporting:report_detail", args=[draft.pk])).content.decode()
    assert PLAN_SENTENCE not in page
    assert "Write the narrative for Progress against the work plan</a> (left out of the report by the PSW)" in page
    # A section that does not exist is refused with the form's message, and nothing changes.
    refused = client.post(reverse("reporting:report_choices", args=[draft.pk]), {"left_out": ["nonsense"]})
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.left_out == ["work_plan"]


def test_the_psw_writes_a_section_with_no_figures_and_no_other_key_is_accepted(client, psw, draft):
    client.force_login(psw)
    client.post(
        reverse("reporting:narrative_edit", args=[draft.pk, "networks"]),
        {"narrative": "The PSW chairs the regional network."},
    )
    page = client.get(reverse("reporting:report_detail", args=[draft.pk])).content.decode()
    assert '<h3 class="govuk-heading-m" id="section-networks">Regional and national networks</h3>' in page
    assert "The PSW chairs the regional network." in page
    assert client.get(reverse("reporting:narrative_edit", args=[draft.pk, "nonsense"])).status_code == 404


def test_social_workers_and_managers_cannot_see_reports(client, north_worker, north_manager, hr_officer):
    for user in (north_worker, north_manager, hr_officer):
        client.force_login(user)
        assert client.get(reverse("reporting:report_list")).status_code == 403


def test_a_word_file_is_made_in_the_background_and_downloaded(client, psw, draft, django_capture_on_commit_callbacks):
    client.force_login(psw)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:export_create", args=[draft.pk]), {"format": "docx"})
    export = ReportExport.objects.get()
    assert response.url == reverse("reporting:export_detail", args=[export.pk])
    page = client.get(response.url).content.decode()
    assert "Ready" in page and '<progress max="100" value="100"' in page
    download = client.get(reverse("reporting:export_download", args=[export.pk]))
    assert (
        download["Content-Disposition"]
        == 'attachment; filename="Principal Social Worker annual report 2025-26 DRAFT.docx"'
    )
    doc = Document(io.BytesIO(download.content))
    assert any(p.text == "Progress against the work plan" for p in doc.paragraphs)


def test_a_file_that_is_not_ready_cannot_be_downloaded(client, psw, draft):
    client.force_login(psw)
    export = ReportExport.objects.create(report=draft, format="pdf", requested_by=psw)
    page = client.get(reverse("reporting:export_detail", args=[export.pk])).content.decode()
    assert "Waiting to start" in page and "Check progress" in page
    assert client.get(reverse("reporting:export_download", args=[export.pk])).status_code == 404


def test_a_councillor_cannot_download_a_file_of_a_draft(client, psw, councillor, draft):
    export = ReportExport.objects.create(report=draft, format="pdf", requested_by=psw)
    client.force_login(councillor)
    assert client.get(reverse("reporting:export_detail", args=[export.pk])).status_code == 403


def _template_with(text):
    from docx import Document as NewDocument

    doc = NewDocument()
    doc.add_paragraph("Westshire Council branded template")
    doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.name = "westshire.docx"
    buffer.seek(0)
    return buffer


def test_a_council_uploads_its_own_word_template(client, psw, council, tmp_path):
    client.force_login(psw)
    client.post(reverse("reporting:template_manage"), {"file": _template_with("{{p body }}")})
    path = tmp_path / "r.docx"
    call_command(
        "annual_report",
        "--from",
        "2025-04-01",
        "--to",
        "2026-03-31",
        "--format",
        "docx",
        "--output",
        str(path),
        stdout=io.StringIO(),
    )
    doc = Document(str(path))
    assert doc.paragraphs[0].text == "Westshire Council branded template"
    assert "Purpose of the report" in [p.text for p in doc.paragraphs]


def test_a_template_without_a_place_for_the_body_or_not_word_is_refused(client, psw):
    client.force_login(psw)
    page = client.post(reverse("reporting:template_manage"), {"file": _template_with("No body here")}).content.decode()
    assert NO_BODY_TAG.replace("{", "").replace("}", "")[:20] in page.replace("{", "").replace("}", "")
    not_word = io.BytesIO(b"plain text")
    not_word.name = "notes.docx"
    assert NOT_A_WORD_FILE in client.post(reverse("reporting:template_manage"), {"file": not_word}).content.decode()


def test_the_default_template_has_a_place_for_the_body():
    from pswhub.reporting.services import template_check

    template_check(default_template())


def test_only_the_psw_and_qa_manage_the_template(client, everyone):
    for name, user in everyone.items():
        client.force_login(user)
        expected = 200 if name in {"psw", "qa_officer"} else 403
        assert client.get(reverse("reporting:template_manage")).status_code == expected, name
