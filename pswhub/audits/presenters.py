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


# The dashboard lists at most this many teams; the rest are a link away (`audits:teams`).
DASHBOARD_TEAMS = 50
TEAMS_PER_PAGE = 50


def teams_for_dashboard(rows, limit=DASHBOARD_TEAMS):
    """The rows of the dashboard's table by team (from `selectors.audit_completed_by_team`, after
    suppression where it applies): every team when there are at most `limit`, else the `limit`
    with most completed audits, grouped by service as the full list is and most first within
    each. A hidden count (`c`) ranks below every count shown, so the order tells nothing of it."""
    if len(rows) <= limit:
        return rows
    service_order = {}
    for row in rows:
        service_order.setdefault(row["service"], len(service_order))

    def shown(row):
        return row["completed"] if isinstance(row["completed"], int) else -1

    top = sorted(rows, key=lambda row: (-shown(row), service_order[row["service"]], row["team"]))[:limit]
    return sorted(top, key=lambda row: (service_order[row["service"]], -shown(row), row["team"]))
