"""The service navigation: each entry shows only to users whose role may open it."""

from django.urls import reverse

ENTRIES = [
    # (label, url name, permission that opens it)
    ("Home", "core:home", None),
    ("Organisation", "core:organisation", "core.view_organisation_summary"),
    ("Teams", "core:team_list", "core.view_teams"),
    ("Staff", "core:staff_list", "core.view_staff_list"),
    ("Audits", "audits:dashboard", "audits.view_dashboard"),
    ("Workforce", "workforce:dashboard", "workforce.view_dashboard"),
    ("Workload", "workload:team", "workload.view_workload"),
    ("Establishment", "workforce:establishment", "workforce.view_establishment"),
    ("Work plan", "governance:dashboard", "governance.view_work_plan"),
    ("Registration", "registrations:home", "registrations.view_figures"),
    ("Learning", "learning:home", "learning.view_figures"),
    ("Annual report", "reporting:report_list", "reporting.view_reports"),
    ("Change history", "core:history", "core.view_history"),
    ("Users", "core:user_list", "core.manage_users"),
]


def navigation_for(user, current_path):
    if not user.is_authenticated:
        return []
    items = []
    for label, name, permission in ENTRIES:
        if permission and not user.has_perm(permission):
            continue
        href = reverse(name)
        matches = current_path == href if href == "/" else current_path.startswith(href)
        items.append({"text": label, "href": href, "active": matches})
    # Where one entry's address lies inside another's (Establishment inside Workforce), only the
    # longer one is the current page.
    longest = max((len(item["href"]) for item in items if item["active"]), default=0)
    for item in items:
        item["active"] = item["active"] and len(item["href"]) == longest
    return items
