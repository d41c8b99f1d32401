"""Display rules for audits: status tags and grade tags, so templates stay dumb."""

from .models import Audit, PlannedAudit
from .reference import GOOD, INADEQUATE, OUTSTANDING, REQUIRES_IMPROVEMENT

STATUS_CLASSES = {
    Audit.Status.DRAFT: "govuk-tag--grey",
    Audit.Status.SUBMITTED: "govuk-tag--yellow",
    Audit.Status.COMPLETED: "govuk-tag--green",
}
GRADE_CLASSES = {
    OUTSTANDING: "govuk-tag--turquoise",
    GOOD: "govuk-tag--green",
    REQUIRES_IMPROVEMENT: "govuk-tag--orange",
    INADEQUATE: "govuk-tag--red",
}


def status_tag(audit):
    """Parameters for govukTag."""
    return {"text": audit.get_status_display(), "classes": STATUS_CLASSES[audit.status]}


def grade_tag(grade):
    if grade is None:
        return {"text": "Not graded", "classes": "govuk-tag--grey"}
    return {"text": grade.name, "classes": GRADE_CLASSES.get(grade.code, "govuk-tag--blue")}


PLANNED_CLASSES = {
    PlannedAudit.Status.UNASSIGNED: "govuk-tag--grey",
    PlannedAudit.Status.ASSIGNED: "govuk-tag--blue",
    PlannedAudit.Status.IN_PROGRESS: "govuk-tag--yellow",
    PlannedAudit.Status.SUBMITTED: "govuk-tag--green",
}


def planned_status_tag(planned, today):
    """A planned audit's status; past its due date and not submitted, it reads "Overdue"."""
    if planned.is_overdue(today):
        return {"text": "Overdue", "classes": "govuk-tag--red"}
    return {"text": PlannedAudit.Status(planned.status).label, "classes": PLANNED_CLASSES[planned.status]}


IMPORT_PROBLEM_HEAD = ["Row", "Field", "Problem"]


HELPERS = {"status_tag": status_tag, "grade_tag": grade_tag, "planned_status_tag": planned_status_tag}
