"""Logging filters named in the LOGGING setting."""


def refusals_on_one_line(record):
    """A refused request (a 4xx response: a page the role may not open, a bad request) is an
    everyday event, not a fault: it is logged as its one line, without the traceback Django
    attaches. Errors (5xx) keep theirs."""
    if getattr(record, "status_code", 500) < 500:
        record.exc_info = None
        record.exc_text = None
    return True
