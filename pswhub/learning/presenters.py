"""How learning and supervision look: kinds and services by name, overdue as a word."""

from . import reference

KIND_NAMES = dict(reference.EVENT_KINDS)
SERVICE_NAMES = dict(reference.SERVICES)


def kind_name(code):
    return KIND_NAMES.get(code, code)


def service_name(code):
    return SERVICE_NAMES.get(code, code)


def standing_tag(standing):
    if standing.overdue:
        return {"text": "Overdue", "classes": "govuk-tag--red"}
    return {"text": "In time", "classes": "govuk-tag--green"}


def known(value):
    """A count that may not be known."""
    return "Not known" if value is None else f"{value:,}"


def topic_names(event):
    return ", ".join(topic.name for topic in event.topics.all()) or "None"


def events_by_kind_chart(figures, period):
    """The chart of events held by kind (core/charts.py), for the learning page."""
    categories = [name for _code, name in reference.EVENT_KINDS]
    values = [figures["sessions_by_kind"][code] for code, _name in reference.EVENT_KINDS]
    return {
        "title": f"Learning events held by kind, {period.label}",
        "description": "Bar chart of learning events held, by kind. "
        + " ".join(f"{name}: {value}." for name, value in zip(categories, values, strict=True)),
        "categories": categories,
        "series": [{"name": period.label, "values": values}],
        "unit": "events",
    }


def bookings_chart(rows, period):
    """The chart of places booked and people who attended by kind of event (core/charts.py), for
    the learning page; `rows` are selectors.bookings_by_kind's."""
    categories = [kind_name(code) for code, _booked, _attended in rows]

    def said(value):
        return "not known" if value is None else f"{value:,}"

    return {
        "title": f"Places booked and people who attended, by kind of event, {period.label}",
        "description": "Bar chart of places booked and people who attended learning events, by kind. "
        + " ".join(
            f"{kind_name(code)}: {said(booked)} booked, {said(attended)} attended." for code, booked, attended in rows
        ),
        "categories": categories,
        "series": [
            {"name": "Booked", "values": [booked for _code, booked, _attended in rows]},
            {"name": "Attended", "values": [attended for _code, _booked, attended in rows]},
        ],
        "unit": "people",
        "missing": "Not known",
    }


def compliance_chart(trend):
    """The chart of supervision compliance at each month end, for the supervision page."""
    categories = [f"{day:%B %Y}" for day, _figures in trend]
    values = [None if figures["rate"] is None else float(figures["rate"]) for _day, figures in trend]
    return {
        "title": "Staff in time for supervision at each month end (%)",
        "description": "Bar chart of the percentage of staff in post in time for supervision at each month end. "
        + " ".join(
            f"{label}: {'no figure' if value is None else f'{value:.1f}%'}."
            for label, value in zip(categories, values, strict=True)
        ),
        "categories": categories,
        "series": [{"name": "In time (%)", "values": values}],
        "unit": "%",
        "places": 1,
    }


class Present:
    kind_name = staticmethod(kind_name)
    service_name = staticmethod(service_name)
    standing_tag = staticmethod(standing_tag)
    known = staticmethod(known)
    topic_names = staticmethod(topic_names)
