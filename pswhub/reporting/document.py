"""Lays out the committee report (seed 004's shape) as a list of blocks that every output draws
in the same order with the same paragraph numbers: the HTML page, the Word file and the PDF.

A snapshot is what a published version keeps: the period, the services, the council, the
report's own text and the built sections (their figures, charts, tables and narrative). The
document is made from a snapshot and nothing else, so a published version renders the same way
for ever."""

from django.utils import timezone

from pswhub.core.periods import Period
from pswhub.core.presenters import govuk_date, paragraphs
from pswhub.core.report_sections import SERVICES, build_sections

SNAPSHOT_FORMAT = 1


def snapshot_build(*, council, title, period, services, frame, narratives=None):
    """Builds every registered section from the current data and returns the snapshot."""
    narratives = narratives or {}
    sections = []
    for data in build_sections(period, services):
        section = data.as_dict()
        if narratives.get(data.key, "").strip():
            section["narrative"] = narratives[data.key]
        sections.append(section)
    return {
        "format": SNAPSHOT_FORMAT,
        "council": council,
        "title": title,
        "period": period.as_dict(),
        "services": services,
        "frame": {name: value for name, value in frame.items()},
        "sections": sections,
        "built_at": timezone.now().isoformat(),
    }


def lines(text):
    return [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]


def document_from_snapshot(snapshot, *, status="draft", version=None, published_on=None):
    period = Period.from_dict(snapshot["period"])
    frame = snapshot["frame"]
    fill = {"period": period.label}
    blocks, counter = [], [0]

    def heading(text, level=2, anchor=None):
        blocks.append({"type": "heading", "level": level, "text": text, "anchor": anchor})

    def numbered(text):
        counter[0] += 1
        blocks.append({"type": "paragraph", "number": counter[0], "text": text})

    heading("Purpose of the report", anchor="purpose")
    for text in paragraphs(frame.get("purpose", "").format_map(_Default(fill))):
        numbered(text)

    heading("Information", anchor="information")
    for text in paragraphs(frame.get("introduction", "")):
        numbered(text)
    figure_number = 0
    for section in snapshot["sections"]:
        heading(section["title"], level=3, anchor=f"section-{section['key']}")
        numbered(section["comparison"])
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
    heading("Contact", anchor="contact")
    blocks.append({"type": "lines", "items": lines(frame.get("contact", "")) or ["Not given."]})
    heading("Background papers", anchor="background-papers")
    for text in paragraphs(frame.get("background_papers", "")) or ["None."]:
        blocks.append({"type": "paragraph", "number": None, "text": text})

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
        "version": version,
        "published_on": govuk_date(published_on) if published_on else "",
        "blocks": blocks,
    }


def _date(value):
    from datetime import date

    return date.fromisoformat(value) if isinstance(value, str) else value


class _Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"
