"""The way around: a few areas a PSW would name, each with its own pages.

The service navigation lists the areas; an area's pages are listed under it, in a sub-navigation,
on every page of that area. Each page shows only to users whose role may open it, and an area
shows only when at least one of its pages does; the area's link opens the first page the user may
open. Each app registers its pages in its AppConfig.ready with `register(...)`, so core names the
areas but knows no app's pages."""

from dataclasses import dataclass

from django.urls import reverse

# The areas, in the order the navigation shows them.
HOME = "Home"
PRACTICE = "Practice"
WORKFORCE = "Workforce"
PEOPLE_DEVELOPMENT = "People development"
STAFF_VOICE = "Staff voice"
GOVERNANCE = "Governance and reports"
ORGANISATION = "Organisation"
AREAS = (HOME, PRACTICE, WORKFORCE, PEOPLE_DEVELOPMENT, STAFF_VOICE, GOVERNANCE, ORGANISATION)

UNKNOWN_AREA = "{area!r} is not one of the areas: {areas}"


@dataclass(frozen=True)
class Page:
    area: str
    label: str
    url_name: str
    permission: str | None
    order: int


_pages = []


def register(*, area, label, url_name, permission=None, order=0):
    """Adds a page to an area. `permission` is the one that opens the page (None: everyone signed
    in); pages are listed by `order`, then in the order they were registered."""
    if area not in AREAS:
        raise ValueError(UNKNOWN_AREA.format(area=area, areas=", ".join(AREAS)))
    if not any(page.url_name == url_name for page in _pages):
        _pages.append(Page(area, label, url_name, permission, order))


def _may_open(user, page):
    return page.permission is None or user.has_perm(page.permission)


def pages_for(user):
    """Every page the user may open, area by area, as {"area", "text", "href"}."""
    if not user.is_authenticated:
        return []
    pages = []
    for area in AREAS:
        in_area = sorted((page for page in _pages if page.area == area), key=lambda page: page.order)
        pages.extend(
            {"area": area, "text": page.label, "href": reverse(page.url_name)}
            for page in in_area
            if _may_open(user, page)
        )
    return pages


def _current_href(pages, current_path):
    """The page the current address belongs to: the longest page address it starts with (the
    establishment's /workforce/establishment/ rather than the dashboard's /workforce/)."""
    matching = [
        page["href"]
        for page in pages
        if (current_path == page["href"] if page["href"] == "/" else current_path.startswith(page["href"]))
    ]
    return max(matching, key=len, default=None)


def navigation_for(user, current_path, *, pages=None):
    """The service navigation: one entry per area the user may open, its link the area's first
    page, marked active when the current page is in the area. `pages`: the user's `pages_for`,
    when the caller has them already."""
    pages = pages_for(user) if pages is None else pages
    current = _current_href(pages, current_path)
    current_area = next((page["area"] for page in pages if page["href"] == current), None)
    items, seen = [], set()
    for page in pages:
        if page["area"] in seen:
            continue
        seen.add(page["area"])
        items.append({"text": page["area"], "href": page["href"], "active": page["area"] == current_area})
    return items


def subnavigation_for(user, current_path, *, pages=None):
    """The current area's pages, with the current one marked, or None when the current page is in
    no area or its area has only one page for this user."""
    pages = pages_for(user) if pages is None else pages
    current = _current_href(pages, current_path)
    if current is None:
        return None
    area = next(page["area"] for page in pages if page["href"] == current)
    items = [
        {"text": page["text"], "href": page["href"], "active": page["href"] == current}
        for page in pages
        if page["area"] == area
    ]
    return {"label": area, "items": items} if len(items) > 1 else None
