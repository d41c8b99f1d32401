"""How far a file has been read, for the upload's page while it is checked in the background.

A reader calls `rows_read(read, total)` as it goes (the shared table reader does, and so does the
census return's); nothing happens unless a background check is listening (`progress_reported`),
which records it on the upload, every ROWS_BETWEEN rows and once at the end, outside any
transaction so that the page sees it as it happens."""

import contextlib
import contextvars

# How many rows are read between two records of progress: often enough for the page to move,
# seldom enough that recording costs nothing next to reading.
ROWS_BETWEEN = 1000

_listener = contextvars.ContextVar("pswhub_import_progress", default=None)


@contextlib.contextmanager
def progress_reported(report):
    """Calls `report(read, total)` as the code inside reads rows (`total` None while unknown)."""
    token = _listener.set(report)
    try:
        yield
    finally:
        _listener.reset(token)


def rows_read(read, total=None, *, done=False):
    """Says that `read` rows of about `total` have been read; recorded every ROWS_BETWEEN rows,
    and always when `done`."""
    report = _listener.get()
    if report is not None and (done or (read and read % ROWS_BETWEEN == 0)):
        report(read, max(total, read) if total is not None else None)


def rows_estimate(content):
    """About how many rows a CSV file has under its header: its lines, less the header (a cell
    holding a line break makes it an overestimate; the last record says the true number)."""
    lines = content.count(b"\n") + (0 if content.endswith(b"\n") else 1)
    return max(lines - 1, 0)
