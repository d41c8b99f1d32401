"""How renewals look: always a word, with a colour only beside it."""

from pswhub.core.presenters import yes_no

from .selectors import AT_RISK, READY, RENEWED

STANDING_TAGS = {
    RENEWED: {"text": "Renewed", "classes": "govuk-tag--green"},
    READY: {"text": "CPD done, not yet renewed", "classes": "govuk-tag--blue"},
    AT_RISK: {"text": "At risk", "classes": "govuk-tag--red"},
}


def standing_tag(standing):
    return STANDING_TAGS[standing]


def cpd_summary(renewal):
    if renewal is None:
        return "None recorded"
    reflection = "with a peer reflection" if renewal.peer_reflection else "no peer reflection"
    return f"{renewal.cpd_entries} {'entry' if renewal.cpd_entries == 1 else 'entries'}, {reflection}"


class Present:
    standing_tag = staticmethod(standing_tag)
    cpd_summary = staticmethod(cpd_summary)
    yes_no = staticmethod(yes_no)
