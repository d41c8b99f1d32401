"""Writes for editing audit tools: a new tool, a draft version copied from the latest published
one, its sections and questions, and publishing it.

A draft is never used for an audit (`AuditTool.current_version` reads published versions only),
and a published version is never changed, so an audit keeps the questions it was done with."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .models import AuditTool, AuditToolVersion, Question, Section
from .services.saving import _delete, _save

NOT_A_DRAFT_VERSION = "This version has been published and can no longer be changed: create a new draft"
ALREADY_A_DRAFT = "This tool already has a draft version: edit it or publish it first"
NEEDS_A_SECTION = "Add at least one section before you publish this version"
SECTION_NEEDS_A_QUESTION = "Add a question to the section {title}, or remove the section, before you publish"
TOOL_NAME_TAKEN = "There is already an audit tool called {name}"


def _unique_code(text, taken, limit=60):
    base = (slugify(text) or "item")[: limit - 4]
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


def _check_draft(version):
    if not version.is_draft:
        raise ValueError(NOT_A_DRAFT_VERSION)


@transaction.atomic
def audit_tool_create(*, name, audit_type, scale, created_by, service_kind="", description=""):
    """A new tool with an empty draft version 1, to be given sections and published."""
    name = name.strip()
    if AuditTool.objects.filter(name__iexact=name).exists():
        raise ValueError(TOOL_NAME_TAKEN.format(name=name))
    code = _unique_code(name, set(AuditTool.objects.values_list("code", flat=True)))
    tool = _save(
        AuditTool(
            code=code,
            name=name,
            audit_type=audit_type,
            scale=scale,
            service_kind=service_kind,
            description=description,
        ),
        created_by,
    )
    _save(AuditToolVersion(tool=tool, number=1, is_draft=True), created_by)
    return tool


@transaction.atomic
def tool_version_draft_create(*, tool, created_by):
    """A draft with the next number, holding a copy of the latest published version's sections
    and questions (same codes, so section grades can be compared across versions)."""
    tool = AuditTool.objects.select_for_update().get(pk=tool.pk)
    if tool.draft_version() is not None:
        raise ValueError(ALREADY_A_DRAFT)
    latest = tool.versions.order_by("-number").first()
    draft = _save(AuditToolVersion(tool=tool, number=(latest.number + 1) if latest else 1, is_draft=True), created_by)
    source = tool.current_version()
    if source is not None:
        for section in source.sections.prefetch_related("questions"):
            copy = _save(
                Section(
                    version=draft,
                    code=section.code,
                    title=section.title,
                    guidance=section.guidance,
                    order=section.order,
                    is_graded=section.is_graded,
                ),
                created_by,
            )
            for question in section.questions.all():
                _save(
                    Question(
                        section=copy, code=question.code, text=question.text, kind=question.kind, order=question.order
                    ),
                    created_by,
                )
    return draft


@transaction.atomic
def tool_version_publish(*, version, published_by):
    """Publishes a draft: new audits are done with it from now on; audits already started keep
    the version they were started with."""
    _check_draft(version)
    sections = list(version.sections.prefetch_related("questions"))
    if not sections:
        raise ValueError(NEEDS_A_SECTION)
    for section in sections:
        if not section.questions.all():
            raise ValueError(SECTION_NEEDS_A_QUESTION.format(title=section.title))
    version.is_draft = False
    version.published_at = timezone.now()
    return _save(version, published_by)


def _next_order(items):
    return max((item.order for item in items), default=-1) + 1


def _move(item, siblings, direction, user):
    """Moves an item one place up (-1) or down (+1) among its siblings, renumbering them 0, 1, 2…"""
    ordered = sorted(siblings, key=lambda other: (other.order, other.pk))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = index + direction
    if 0 <= target < len(ordered):
        ordered[index], ordered[target] = ordered[target], ordered[index]
    for order, other in enumerate(ordered):
        if other.order != order:
            other.order = order
            _save(other, user, ["order"])
    return next(other for other in ordered if other.pk == item.pk)


@transaction.atomic
def section_add(*, version, title, changed_by, guidance="", is_graded=True):
    _check_draft(version)
    siblings = list(version.sections.all())
    code = _unique_code(title, {section.code for section in siblings})
    section = Section(
        version=version,
        code=code,
        title=title.strip(),
        guidance=guidance,
        is_graded=is_graded,
        order=_next_order(siblings),
    )
    return _save(section, changed_by)


@transaction.atomic
def section_update(*, section, title, changed_by, guidance="", is_graded=True):
    """Renames a section; its code stays, so it is still compared with the same section in earlier
    versions."""
    _check_draft(section.version)
    section.title, section.guidance, section.is_graded = title.strip(), guidance, is_graded
    return _save(section, changed_by, ["title", "guidance", "is_graded"])


@transaction.atomic
def section_move(*, section, direction, changed_by):
    _check_draft(section.version)
    return _move(section, section.version.sections.all(), direction, changed_by)


@transaction.atomic
def section_remove(*, section, changed_by):
    _check_draft(section.version)
    for question in section.questions.all():
        _delete(question, changed_by)
    _delete(section, changed_by)


@transaction.atomic
def question_add(*, section, text, kind, changed_by):
    _check_draft(section.version)
    siblings = list(section.questions.all())
    code = _unique_code(text, {question.code for question in siblings})
    question = Question(section=section, code=code, text=text.strip(), kind=kind, order=_next_order(siblings))
    return _save(question, changed_by)


@transaction.atomic
def question_update(*, question, text, kind, changed_by):
    _check_draft(question.section.version)
    question.text, question.kind = text.strip(), kind
    return _save(question, changed_by, ["text", "kind"])


@transaction.atomic
def question_move(*, question, direction, changed_by):
    _check_draft(question.section.version)
    return _move(question, question.section.questions.all(), direction, changed_by)


@transaction.atomic
def question_remove(*, question, changed_by):
    _check_draft(question.section.version)
    _delete(question, changed_by)
