from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pswhub.core.report_sections import build_section
from pswhub.core.views import require

from . import frame as parts
from . import outputs, selectors, services
from .forms import ExportForm, NarrativeForm, ReportChoicesForm, ReportCreateForm, ReportTextForm, TemplateUploadForm
from .models import AnnualReport, PublishedReport, ReportExport
from .tasks import filename_for


def _post(request):
    return request.POST if request.method == "POST" else None


def _draft(request, pk):
    return get_object_or_404(AnnualReport.objects.visible_to(request.user), pk=pk)


def report_list(request):
    require(request, "reporting.view_reports")
    drafts = selectors.report_list(user=request.user) if request.user.has_perm("reporting.view_drafts") else []
    return render(
        request,
        "reporting/report_list.html",
        {"drafts": drafts, "published": selectors.published_list(user=request.user)},
    )


def report_create(request):
    require(request, "reporting.change_report")
    form = ReportCreateForm(_post(request))
    if request.method == "POST" and form.is_valid():
        report = services.report_create(user=request.user, **form.cleaned_data)
        messages.success(
            request, "The draft report has been made from the data. Check each section and write its narrative"
        )
        return redirect("reporting:report_detail", pk=report.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Start an annual report",
            "button": "Make the draft",
            "back": reverse("reporting:report_list"),
        },
    )


def _writable_parts(report):
    """Every part the PSW writes, in the report's order, with whether it is written, left out, or
    written from the data."""
    titles = parts.section_titles()
    rows = []
    for key in parts.part_keys():
        title = "Priorities for the year ahead" if key == parts.PRIORITIES_AHEAD else titles[key]
        written = bool(report.narratives.get(key, "").strip())
        if key in report.left_out:
            state = parts.LEFT_OUT_NOTE
        elif written:
            state = "written"
        elif key in parts.NARRATIVE_ONLY:
            state = "not written, so left out"
        else:
            state = "written from the data"
        rows.append({"key": key, "title": title, "state": state})
    return rows


def report_detail(request, pk):
    require(request, "reporting.view_drafts")
    report = _draft(request, pk)
    snapshot = services.report_snapshot(report)
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "doc": outputs.with_svg(services.document_from_snapshot(snapshot, status="draft")),
            "parts": _writable_parts(report),
            "disagreements": parts.disagreement_sentences(snapshot["sections"]),
            "versions": selectors.report_versions(report),
            "exports": selectors.exports_for(report=report),
            "export_form": ExportForm(),
        },
    )


def report_edit(request, pk):
    require(request, "reporting.change_report")
    report = _draft(request, pk)
    form = ReportTextForm(
        _post(request), instance=report, meetings=selectors.committee_meetings(services=report.services)
    )
    if request.method == "POST" and form.is_valid():
        services.report_update(user=request.user, report=report, **form.text_fields())
        messages.success(request, "The report’s text has been saved")
        return redirect("reporting:report_detail", pk=report.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Change the report’s text",
            "button": "Save",
            "back": reverse("reporting:report_detail", args=[report.pk]),
        },
    )


def report_choices(request, pk):
    require(request, "reporting.change_report")
    report = _draft(request, pk)
    titles = parts.section_titles()
    form = ReportChoicesForm(
        _post(request),
        sections=[(key, titles[key]) for key in parts.part_keys() if key in titles],
        initial={"left_out": report.left_out, "audits_pooled": report.options.get("audits_pooled", False)},
    )
    if request.method == "POST" and form.is_valid():
        services.report_choices_save(user=request.user, report=report, **form.cleaned_data)
        messages.success(request, "The report’s sections have been chosen")
        return redirect("reporting:report_detail", pk=report.pk)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Choose the report’s sections",
            "caption": report.title,
            "button": "Save",
            "back": reverse("reporting:report_detail", args=[report.pk]),
        },
    )


def narrative_edit(request, pk, key):
    require(request, "reporting.change_report")
    report = _draft(request, pk)
    section = next((section for section in parts.ordered_sections() if section.key == key), None)
    if section is not None:
        title = section.title
        default = build_section(section, report.period, report.services, report.options).narrative
    elif key in parts.NARRATIVE_ONLY:
        title, default = parts.NARRATIVE_ONLY[key][0], ""
    elif key == parts.PRIORITIES_AHEAD:
        title, default = "Priorities for the year ahead", ""
    else:
        raise Http404
    form = NarrativeForm(_post(request), initial={"narrative": report.narratives.get(key) or default})
    if key in parts.NARRATIVE_ONLY:
        form.fields["narrative"].help_text = (
            f"{parts.NARRATIVE_ONLY[key][1]} Leave a blank line between paragraphs. Left empty, the section "
            "is left out of the report"
        )
    elif key == parts.PRIORITIES_AHEAD:
        form.fields["narrative"].help_text = (
            "Paragraphs before the list of next year’s priorities from the work plan. Leave a blank line "
            "between paragraphs"
        )
    if request.method == "POST" and form.is_valid():
        services.narrative_save(user=request.user, report=report, key=key, narrative=form.cleaned_data["narrative"])
        messages.success(request, f"The narrative of “{title}” has been saved")
        return redirect(reverse("reporting:report_detail", args=[report.pk]) + "#narratives")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": title,
            "caption": report.title,
            "button": "Save narrative",
            "back": reverse("reporting:report_detail", args=[report.pk]),
        },
    )


def report_publish(request, pk):
    require(request, "reporting.publish_report")
    report = _draft(request, pk)
    if request.method == "POST":
        version = services.report_publish(user=request.user, report=report)
        messages.success(request, f"Version {version.number} has been published. Councillors can now read it")
        return redirect("reporting:version_detail", pk=version.pk)
    snapshot = services.report_snapshot(report)
    return render(
        request,
        "reporting/publish.html",
        {
            "report": report,
            "versions": selectors.report_versions(report),
            "disagreements": parts.disagreement_sentences(snapshot["sections"]),
        },
    )


def version_detail(request, pk):
    require(request, "reporting.view_reports")
    version = get_object_or_404(PublishedReport.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "reporting/version_detail.html",
        {
            "version": version,
            "doc": outputs.with_svg(services.version_document(version)),
            "exports": selectors.exports_for(version=version),
            "export_form": ExportForm(),
        },
    )


def version_html(request, pk):
    """The published report as one standalone HTML file, made at once from its snapshot."""
    require(request, "reporting.download_published")
    version = get_object_or_404(PublishedReport.objects.visible_to(request.user), pk=pk)
    document = services.version_document(version)
    response = HttpResponse(outputs.render_html(document), content_type=outputs.CONTENT_TYPES["html"])
    response["Content-Disposition"] = f'attachment; filename="{filename_for(document, "html")}"'
    return response


@require_POST
def export_create(request, pk, published=False):
    form = ExportForm(request.POST)
    if not form.is_valid():
        raise Http404
    if published:
        require(request, "reporting.download_published")
        target = {"version": get_object_or_404(PublishedReport.objects.visible_to(request.user), pk=pk)}
    else:
        require(request, "reporting.download_draft")
        target = {"report": _draft(request, pk)}
    export = services.export_request(user=request.user, fmt=form.cleaned_data["format"], **target)
    return redirect("reporting:export_detail", pk=export.pk)


def _export(request, pk):
    export = get_object_or_404(ReportExport.objects.select_related("report", "version").defer("content"), pk=pk)
    if export.version_id:
        require(request, "reporting.download_published")
        get_object_or_404(PublishedReport.objects.visible_to(request.user), pk=export.version_id)
    else:
        require(request, "reporting.download_draft")
        _draft(request, export.report_id)
    return export


def export_detail(request, pk):
    return render(request, "reporting/export_detail.html", {"export": _export(request, pk)})


def export_download(request, pk):
    export = _export(request, pk)
    if not export.status == "done":
        raise Http404
    content = ReportExport.objects.values_list("content", flat=True).get(pk=export.pk)
    response = HttpResponse(bytes(content), content_type=outputs.CONTENT_TYPES[export.format])
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


def template_manage(request):
    require(request, "reporting.manage_template")
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("action") == "reset":
        services.template_reset(user=request.user)
        messages.success(request, "Reports will use the template PSW Hub ships")
        return redirect("reporting:template_manage")
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.template_upload(user=request.user, name=upload.name, content=upload.read())
        except ValueError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, f"Reports will use {upload.name}")
            return redirect("reporting:template_manage")
    return render(request, "reporting/template.html", {"form": form, "template": selectors.current_template()})


def template_default_download(request):
    require(request, "reporting.manage_template")
    response = HttpResponse(outputs.default_template(), content_type=outputs.CONTENT_TYPES["docx"])
    response["Content-Disposition"] = 'attachment; filename="PSW Hub report template.docx"'
    return response
