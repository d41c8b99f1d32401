"""Pages for editing audit tools (PSW and QA officers): new tools, draft versions, their sections
and questions, and publishing."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from pswhub.core.views import require

from . import selectors, tool_editing
from .forms import AuditToolForm, QuestionForm, SectionForm
from .models import AuditTool, Question, Section

NO_SUCH_VERSION = "There is no audit tool version {pk}"


def _form(request, form_class, **kwargs):
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def _form_page(request, form, *, title, button, back, caption=""):
    context = {"form": form, "title": title, "button": button, "back": back, "caption": caption}
    return render(request, "form_page.html", context, status=400 if form.errors else 200)


def tool_list(request):
    require(request, "audits.edit_audit_tools")
    return render(request, "audits/tool_list.html", {"tools": selectors.audit_tools_for_editing()})


def tool_create(request):
    require(request, "audits.edit_audit_tools")
    form = _form(request, AuditToolForm)
    if request.method == "POST" and form.is_valid():
        try:
            tool = tool_editing.audit_tool_create(created_by=request.user, **form.cleaned_data)
        except ValueError as problem:
            form.add_error("name", str(problem))
        else:
            messages.success(request, f"{tool.name} has been created. Add its sections and questions, then publish it")
            return redirect("audits:tool_version", pk=tool.draft_version().pk)
    return _form_page(
        request,
        form,
        title="Create an audit tool",
        button="Create the tool",
        back=reverse("audits:tool_list"),
        caption="Audit tools",
    )


@require_POST
def tool_draft_create(request, pk):
    require(request, "audits.edit_audit_tools")
    tool = get_object_or_404(AuditTool, pk=pk)
    try:
        draft = tool_editing.tool_version_draft_create(tool=tool, created_by=request.user)
    except ValueError as problem:
        messages.info(request, str(problem))
        draft = tool.draft_version()
    else:
        messages.success(request, f"Version {draft.number} of {tool.name} has been created as a draft")
    return redirect("audits:tool_version", pk=draft.pk)


def _version(request, pk):
    require(request, "audits.edit_audit_tools")
    version = selectors.audit_tool_version_get(pk)
    if version is None:
        raise Http404(NO_SUCH_VERSION.format(pk=pk))
    return version


def tool_version(request, pk, error=None):
    version = _version(request, pk)
    return render(
        request,
        "audits/tool_version.html",
        {"version": version, "tool": version.tool, "error": error, "kinds": dict(Question.KIND_CHOICES)},
        status=400 if error else 200,
    )


@require_POST
def tool_version_publish(request, pk):
    version = _version(request, pk)
    try:
        tool_editing.tool_version_publish(version=version, published_by=request.user)
    except ValueError as problem:
        return tool_version(request, pk, error=str(problem))
    messages.success(request, f"Version {version.number} of {version.tool.name} has been published")
    return redirect("audits:tool_list")


def _draft_section(request, pk):
    require(request, "audits.edit_audit_tools")
    return get_object_or_404(Section.objects.select_related("version__tool"), pk=pk, version__is_draft=True)


def _draft_question(request, pk):
    require(request, "audits.edit_audit_tools")
    return get_object_or_404(
        Question.objects.select_related("section__version__tool"), pk=pk, section__version__is_draft=True
    )


def _back_to(version):
    return redirect("audits:tool_version", pk=version.pk)


def _caption(version):
    return f"{version.tool.name}, version {version.number} (draft)"


def section_add(request, pk):
    version = _version(request, pk)
    if not version.is_draft:
        raise Http404(NO_SUCH_VERSION.format(pk=pk))
    form = _form(request, SectionForm)
    if request.method == "POST" and form.is_valid():
        tool_editing.section_add(version=version, changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"The section {form.cleaned_data['title']} has been added")
        return _back_to(version)
    back = _back_to(version).url
    return _form_page(
        request, form, title="Add a section", button="Add the section", back=back, caption=_caption(version)
    )


def section_edit(request, pk):
    section = _draft_section(request, pk)
    initial = {"title": section.title, "guidance": section.guidance, "is_graded": section.is_graded}
    form = _form(request, SectionForm, initial=initial)
    if request.method == "POST" and form.is_valid():
        tool_editing.section_update(section=section, changed_by=request.user, **form.cleaned_data)
        messages.success(request, "The section has been saved")
        return _back_to(section.version)
    back = _back_to(section.version).url
    return _form_page(
        request,
        form,
        title="Change the section",
        button="Save the section",
        back=back,
        caption=_caption(section.version),
    )


@require_POST
def section_move(request, pk):
    section = _draft_section(request, pk)
    tool_editing.section_move(section=section, direction=_direction(request), changed_by=request.user)
    return _back_to(section.version)


@require_POST
def section_remove(request, pk):
    section = _draft_section(request, pk)
    tool_editing.section_remove(section=section, changed_by=request.user)
    messages.success(request, f"The section {section.title} has been removed")
    return _back_to(section.version)


def question_add(request, pk):
    section = _draft_section(request, pk)
    form = _form(request, QuestionForm)
    if request.method == "POST" and form.is_valid():
        tool_editing.question_add(section=section, changed_by=request.user, **form.cleaned_data)
        messages.success(request, f"The question has been added to {section.title}")
        return _back_to(section.version)
    back = _back_to(section.version).url
    return _form_page(
        request,
        form,
        title=f"Add a question to {section.title}",
        button="Add the question",
        back=back,
        caption=_caption(section.version),
    )


def question_edit(request, pk):
    question = _draft_question(request, pk)
    version = question.section.version
    form = _form(request, QuestionForm, initial={"text": question.text, "kind": question.kind})
    if request.method == "POST" and form.is_valid():
        tool_editing.question_update(question=question, changed_by=request.user, **form.cleaned_data)
        messages.success(request, "The question has been saved")
        return _back_to(version)
    back = _back_to(version).url
    return _form_page(
        request, form, title="Change the question", button="Save the question", back=back, caption=_caption(version)
    )


@require_POST
def question_move(request, pk):
    question = _draft_question(request, pk)
    tool_editing.question_move(question=question, direction=_direction(request), changed_by=request.user)
    return _back_to(question.section.version)


@require_POST
def question_remove(request, pk):
    question = _draft_question(request, pk)
    tool_editing.question_remove(question=question, changed_by=request.user)
    messages.success(request, "The question has been removed")
    return _back_to(question.section.version)


def _direction(request):
    return -1 if request.POST.get("direction") == "up" else 1
