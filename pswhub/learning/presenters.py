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


class Present:
    kind_name = staticmethod(kind_name)
    service_name = staticmethod(service_name)
    standing_tag = staticmethod(standing_tag)
    known = staticmethod(known)
    topic_names = staticmethod(topic_names)
