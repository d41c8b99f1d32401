"""How work plan and action statuses look: always a word, with a colour only beside it."""

from .models import OPEN_STATUSES, ActionStatus, Rag
from .selectors import NO_UPDATE

RAG_TAG_CLASSES = {
    Rag.GREEN: "govuk-tag--green",
    Rag.AMBER: "govuk-tag--orange",
    Rag.RED: "govuk-tag--red",
    NO_UPDATE: "govuk-tag--grey",
}
STATUS_TAG_CLASSES = {
    ActionStatus.OPEN: "govuk-tag--blue",
    ActionStatus.IN_PROGRESS: "govuk-tag--light-blue",
    ActionStatus.DONE: "govuk-tag--green",
    ActionStatus.DROPPED: "govuk-tag--grey",
}


def rag_tag(rag):
    text = dict(Rag.choices).get(rag, "No update yet")
    return {"text": text, "classes": RAG_TAG_CLASSES.get(rag, "govuk-tag--grey")}


def action_tag(action, today):
    if action.status in OPEN_STATUSES and action.due_on < today:
        return {"text": "Overdue", "classes": "govuk-tag--red"}
    return {"text": action.get_status_display(), "classes": STATUS_TAG_CLASSES[action.status]}


class Present:
    rag_tag = staticmethod(rag_tag)
    action_tag = staticmethod(action_tag)
