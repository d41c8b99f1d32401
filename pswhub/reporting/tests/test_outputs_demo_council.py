"""The full annual report for the demo council, in each of its three formats, shows the figures
the workforce and audit selectors give: the same numbers whatever the output."""

import io
import zipfile
from datetime import date

import pypdfium2
import pytest
from django.core.management import call_command

from pswhub.audits import selectors as audit_selectors
from pswhub.core.demo import demo_data_load
from pswhub.core.presenters import percent
from pswhub.workforce import selectors as workforce_selectors

START, END = date(2025, 4, 1), date(2026, 3, 31)


@pytest.fixture
def demo_report(db, tmp_path):
    authority = demo_data_load(create_accounts=False)

    def write(fmt):
        path = tmp_path / f"report.{fmt}"
        call_command(
            "annual_report",
            *("--from", START.isoformat(), "--to", END.isoformat(), "--format", fmt, "--output", str(path)),
            stdout=io.StringIO(),
        )
        return path.read_bytes()

    return authority, write


def text_of(fmt, content):
    if fmt == "html":
        return content.decode()
    if fmt == "docx":
        return zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    pdf = pypdfium2.PdfDocument(content)
    return " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def squashed(text):
    """Word splits runs and PDF text wraps lines: compare words with single spaces."""
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_every_format_shows_the_selectors_workforce_and_audit_figures(demo_report, fmt):
    _, write = demo_report
    text = squashed(text_of(fmt, write(fmt)))
    # The period ends on 31 March, not a census date: the figures at that date from the records.
    turnover = workforce_selectors.workforce_figures_for_publication(workforce_selectors.workforce_figures_on(on=END))[
        "turnover_rate"
    ]
    good_or_better = audit_selectors.audit_figures(date_from=START, date_to=END)["good_or_better_pct"]
    assert f"social workers was {turnover}% over the 12 months to 31 March 2026" in text
    assert f"{percent(good_or_better)} of case files audited were rated good or better" in text
