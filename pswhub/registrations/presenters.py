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


def outcome_tag(row, after_deadline):
    """Where a worker's renewal stands; after the deadline, not renewed is the year's outcome, and
    says so when the worker has since been removed from the register."""
    if after_deadline and row.standing != RENEWED:
        if row.registration.removed_on is not None:
            return {"text": "Not renewed: removed from the register", "classes": "govuk-tag--grey"}
        return {"text": "Not renewed by 30 November", "classes": "govuk-tag--red"}
    return standing_tag(row.standing)


def cpd_summary(renewal):
    if renewal is None:
        return "None recorded"
    reflection = "with a peer reflection" if renewal.peer_reflection else "no peer reflection"
    return f"{renewal.cpd_entries} {'entry' if renewal.cpd_entries == 1 else 'entries'}, {reflection}"


class Present:
    standing_tag = staticmethod(standing_tag)
    outcome_tag = staticmethod(outcome_tag)
    cpd_summary = staticmethod(cpd_summary)
    yes_no = staticmethod(yes_no)
