"""Reads for the annual report pages, and the organisation figures the organisation section
shows.

`staff_in_post_by_service` belongs with the organisation's other figures in
pswhub.core.selectors; it lives here until it moves there (see docs/reporting.md)."""

from django.db.models import Count, Q

from pswhub.core.models import StaffMember

from .models import AnnualReport, PublishedReport, ReportExport, ReportTemplate

SERVICE_KINDS = {"children": ["children"], "adults": ["adults"], "all": ["children", "adults"]}


def staff_in_post_by_service(*, on, services="all"):
    """Staff members in post on a day, by the service of their team: started on or before the day
    (or start not recorded) and not left by it (a leaver is in post on their last day, `left_on`).
    Staff with no team belong to no service and are not counted."""
    kinds = SERVICE_KINDS[services]
    in_post = StaffMember.objects.filter(
        Q(started_on__isnull=True) | Q(started_on__lte=on),
        Q(left_on__isnull=True) | Q(left_on__gte=on),
        team__service__kind__in=kinds,
    )
    counts = dict(
        in_post.values_list("team__service__kind").annotate(n=Count("pk")).values_list("team__service__kind", "n")
    )
    return {kind: counts.get(kind, 0) for kind in kinds}


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
