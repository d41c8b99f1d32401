"""Versions of audit tools."""

from django.db import transaction

from ..models import AuditToolVersion, Question, Section
from .saving import _save


@transaction.atomic
def audit_tool_version_create(*, tool, sections, created_by=None):
    """A new version of a tool, with `sections` as [(code, title, [(code, text, kind), ...])].
    Audits keep pointing at the version they were done with, so they never change."""
    latest = tool.versions.order_by("-number").first()
    version = _save(AuditToolVersion(tool=tool, number=(latest.number + 1) if latest else 1), created_by)
    for section_order, (code, title, questions) in enumerate(sections):
        section = Section.objects.create(version=version, code=code, title=title, order=section_order)
        Question.objects.bulk_create(
            Question(section=section, code=q_code, text=text, kind=kind, order=order)
            for order, (q_code, text, kind) in enumerate(questions)
        )
    return version
