"""Lays out the committee report (seed 004's shape, the parts in frame.py) as a list of blocks that
every output draws in the same order with the same paragraph numbers: the HTML page, the Word file
and the PDF.

A snapshot is what a published version keeps: the period, the services, the council, the
report's own text, the built sections (their figures, charts, tables and narrative), the
priorities for the year ahead and the day the figures were taken. The document is made from a
snapshot and nothing else, so a published version renders the same way for ever. Snapshots of
the first format (before the frame) are still read: they lack the parts added since, which are
then left out."""

from datetime import date, datetime

from django.utils import timezone

from pswhub.core.periods import Period
from pswhub.core.presenters import govuk_date, paragraphs
from pswhub.core.report_sections import SERVICES

from . import frame as parts

SNAPSHOT_FORMAT = 2


def snapshot_build(
    *, council, title, period, services, frame, narratives=None, options=None, left_out=(), contact_default=()
):
    """Builds every registered section from the current data and returns the snapshot."""
    narratives = narratives or {}
    built_at = timezone.now()
    return {
        "format": SNAPSHOT_FORMAT,
        "council": council,
        "title": title,
        "period": period.as_dict(),
        "services": services,
        "frame": dict(frame),
        "options": dict(options or {}),
        "left_out": sorted(left_out),
        "sections": parts.build_all(period, services, options=options, narratives=narratives, left_out=set(left_out)),
        "priorities_ahead": {
            **parts.priorities_ahead(period, services),
            "text": narratives.get(parts.PRIORITIES_AHEAD, ""),
        },
        "contact_default": list(contact_default),
        "built_at": built_at.isoformat(),
        "built_on": timezone.localdate(built_at).isoformat(),
    }


def lines(text):
    return [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]


def figures_taken_on(snapshot):
    """The day the figures were taken from the data, as a date, from either snapshot format."""
    if snapshot.get("built_on"):
        return date.fromisoformat(snapshot["built_on"])
    return timezone.localdate(datetime.fromisoformat(snapshot["built_at"]))


def status_sentence(snapshot, status):
    """The one sentence on the title block about the figures' date; the 'About the figures'
    paragraph says the same."""
    taken = govuk_date(figures_taken_on(snapshot))
    if status == "draft":
        return f"Draft: not yet published. The figures were taken from the data held on {taken}."
    return f"The figures were taken from the data held on {taken}, when this version was published."


def date_rule(period, snapshot, status):
    """The paragraphs stating the one population and date rule the sections follow."""
    start, end = govuk_date(period.start), govuk_date(period.end)
    taken = govuk_date(figures_taken_on(snapshot))
    first = (
        "Each figure in this report says whom it counts and on what day. Counts of people (staff, social "
        f"workers, students) are of those in post or on a programme on one day: {end}, the last day of "
        f"{period.label}, unless the figure follows a national return that sets its own day, such as the DfE "
        "children's social work workforce census on 30 September, and then the section says so. Counts of work "
        f"done (audits, placements, renewals, learning) are of the work done from {start} to {end}. Each is set "
        "beside the same day, or the same days, a year before, and no figure is pooled across services or kinds "
        "of work unless the section says so."
    )
    if status == "draft":
        second = (
            f"The figures were taken from the data held in PSW Hub on {taken}. This is a draft: the figures "
            "are taken again each time it is opened, and kept as they stand on the day it is published."
        )
    else:
        second = (
            f"The figures were taken from the data held in PSW Hub on {taken}, when this version was "
            "published, and do not change afterwards."
        )
    return [first, second]


def document_from_snapshot(snapshot, *, status="draft", version=None, published_on=None):
    period = Period.from_dict(snapshot["period"])
    frame = snapshot["frame"]
    new_format = snapshot.get("format", 1) >= 2
    ahead = snapshot.get("priorities_ahead")
    promises_ahead = bool(ahead and (ahead["items"] or ahead.get("text", "").strip()))
    fill = {
        "period": period.label,
        "priorities_ahead": f", and the priorities for {ahead['label']}" if promises_ahead else "",
    }
    blocks, counter = [], [0]

    def heading(text, level=2, anchor=None):
        blocks.append({"type": "heading", "level": level, "text": text, "anchor": anchor})

    def numbered(text):
        counter[0] += 1
        blocks.append({"type": "paragraph", "number": counter[0], "text": text})

    def plain(text, style=""):
        blocks.append({"type": "paragraph", "number": None, "text": text, "style": style})

    heading("Purpose of the report", anchor="purpose")
    for text in paragraphs(frame.get("purpose", "").format_map(_Default(fill))):
        numbered(text)

    heading("Information", anchor="information")
    if new_format:
        if paragraphs(frame.get("introduction", "")):
            heading("Introduction", level=3, anchor="introduction")
            for text in paragraphs(frame.get("introduction", "")):
                numbered(text)
        if paragraphs(frame.get("statutory_context", "")):
            heading("The role and its statutory context", level=3, anchor="statutory-context")
            for text in paragraphs(frame.get("statutory_context", "")):
                numbered(text)
        heading("About the figures", level=3, anchor="about-the-figures")
        for text in date_rule(period, snapshot, status):
            numbered(text)
        summary = [
            {
                "title": section["title"],
                "anchor": f"section-{section['key']}",
                "text": (
                    parts.missing_sentence(section, period.label)
                    if parts.is_empty(section, period.label)
                    else section.get("headline") or section["comparison"]
                ),
            }
            for section in snapshot["sections"]
            if section.get("kind", "figures") == "figures"
        ]
        if summary:
            heading(f"Summary of {period.label}", level=3, anchor="summary")
            blocks.append({"type": "summary", "items": summary})
    else:
        for text in paragraphs(frame.get("introduction", "")):
            numbered(text)

    figure_number = 0
    ahead_done = False
    for section in snapshot["sections"]:
        if new_format and not ahead_done and parts.RANK.get(section["key"], 0) > parts.RANK[parts.PRIORITIES_AHEAD]:
            _priorities_ahead(ahead, heading, numbered, blocks)
            ahead_done = True
        heading(section["title"], level=3, anchor=f"section-{section['key']}")
        if section.get("kind") == "narrative":
            for text in paragraphs(section.get("narrative", "")):
                numbered(text)
            continue
        if parts.is_empty(section, period.label):
            numbered(parts.missing_sentence(section, period.label))
            continue
        numbered(section["comparison"])
        if section.get("basis"):
            plain(section["basis"], style="basis")
        for text in paragraphs(section.get("narrative", "")):
            numbered(text)
        if section.get("table"):
            figure_number += 1
            blocks.append(
                {
                    "type": "figure",
                    "number": figure_number,
                    "key": section["key"],
                    "chart": section.get("chart"),
                    "table": section["table"],
                    "notes": section.get("notes", []),
                }
            )
    if new_format and not ahead_done:
        _priorities_ahead(ahead, heading, numbered, blocks)
    if paragraphs(frame.get("conclusion", "")):
        heading("Conclusion", level=3, anchor="conclusion")
        for text in paragraphs(frame.get("conclusion", "")):
            numbered(text)

    for title, name in [
        ("Other options considered", "other_options"),
        ("Reasons for the recommendations", "reasons"),
        ("Statutory and policy implications", "statutory_implications"),
        ("Financial implications", "financial_implications"),
    ]:
        heading(title, anchor=name.replace("_", "-"))
        for text in paragraphs(frame.get(name, "")):
            numbered(text)

    heading("Recommendations", anchor="recommendations")
    blocks.append({"type": "recommendations", "items": lines(frame.get("recommendations", ""))})
    contact = lines(frame.get("contact", "")) or list(snapshot.get("contact_default") or [])
    heading("Contact", anchor="contact")
    blocks.append(
        {
            "type": "lines",
            "items": contact or [f"The Principal Social Worker, {snapshot.get('council') or 'the council'}"],
        }
    )
    heading("Background papers", anchor="background-papers")
    for text in paragraphs(frame.get("background_papers", "")) or ["None."]:
        plain(text)

    meeting_date = frame.get("meeting_date")
    return {
        "council": snapshot.get("council", ""),
        "title": snapshot["title"],
        "committee": frame.get("committee", ""),
        "meeting_date": govuk_date(_date(meeting_date)) if meeting_date else "",
        "agenda_item": frame.get("agenda_item", ""),
        "report_of": frame.get("report_of", ""),
        "period_label": period.label,
        "services_label": SERVICES[snapshot["services"]],
        "status": status,
        "status_sentence": status_sentence(snapshot, status) if status == "draft" else "",
        "version": version,
        "published_on": govuk_date(published_on) if published_on else "",
        "blocks": blocks,
    }


def _priorities_ahead(ahead, heading, numbered, blocks):
    if not ahead:
        return
    heading(f"Priorities for {ahead['label']}", level=3, anchor="priorities-ahead")
    for text in paragraphs(ahead.get("text", "")):
        numbered(text)
    if ahead["items"]:
        blocks.append({"type": "priorities", "items": ahead["items"]})
    elif not paragraphs(ahead.get("text", "")):
        numbered(f"No priorities for {ahead['label']} are recorded in the work plan yet.")


def _date(value):
    return date.fromisoformat(value) if isinstance(value, str) else value


class _Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"
