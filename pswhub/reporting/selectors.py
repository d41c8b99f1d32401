"""Reads for the annual report pages. The figures a report shows come from each capability's
own selectors (staff in post from pswhub.core.selectors)."""

from .models import AnnualReport, PublishedReport, ReportExport, ReportTemplate


def report_list(*, user):
    return AnnualReport.objects.visible_to(user).order_by("-period_end", "-pk")


def published_list(*, user):
    return PublishedReport.objects.visible_to(user).select_related("report", "published_by").order_by("-published_at")


def report_versions(report):
    return report.versions.select_related("published_by").order_by("-number")


def exports_for(*, report=None, version=None, limit=10):
    exports = ReportExport.objects.filter(report=report) if report else ReportExport.objects.filter(version=version)
    return exports.select_related("requested_by").order_by("-requested_at")[:limit]


def current_template():
    return ReportTemplate.objects.filter(is_active=True).order_by("-uploaded_at").first()


def principal_social_worker():
    """The council's Principal Social Worker: the first active user holding the role."""
    from pswhub.core import roles
    from pswhub.core.models import User

    return User.objects.filter(is_active=True, roles__code=roles.PSW).order_by("pk").first()


def committee_meetings(*, services="all"):
    """The committee meetings recorded in the work plan (offered by the governance app through
    core's frame sources), newest first: where the report may go.
    A report for one service may go to that service's committees or to those of both."""
    from pswhub.core.report_sections import frame_source

    meetings = frame_source("committee_meetings")()
    return [meeting for meeting in meetings if services == "all" or meeting.service in (services, "all")]
