"""The full annual report for the demo council, in each of its three formats, shows the figures
the workforce and audit selectors give: the same numbers whatever the output."""

import io
import zipfile
from datetime import date

import pypdfium2
import pytest
from django.core.management import call_command
from lxml import html as lxml_html

from pswhub.audits import selectors as audit_selectors
from pswhub.core.demo import demo_data_load
from pswhub.core.periods import Period
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
        return lxml_html.fromstring(content).text_content()
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
    assert f"social workers was {turnover}% over the 12 months to 31 March 2026" in text
    # Audits by service and type, each as the audit selectors count them, never pooled.
    for kind, service in [("children", "Children's services"), ("adults", "Adults' services")]:
        counts = audit_selectors.counting.final_grade_counts(periods=[Period(START, END)], services=kind)
        full = {code: n for (_, audit_type, code), n in counts.items() if audit_type == "full"}
        pct = audit_selectors.counting.graded_figures(full, audit_selectors.good_or_better_codes())[
            "good_or_better_pct"
        ]
        shown = audit_selectors.audit_figures_suppressed(
            {"completed": sum(full.values()), "by_grade": full, "by_type": {}, "by_team": None}
            | audit_selectors.counting.graded_figures(full, audit_selectors.good_or_better_codes())
        )
        if shown["good_or_better_pct"] == "c":
            assert f"{service}: of the {sum(full.values())} full case audits completed in 2025/26, the share" in text
        else:
            assert (
                f"{service}: {percent(pct)} of the {sum(full.values())} full case audits completed in 2025/26 "
                "were rated good or better"
            ) in text
    assert "pooled at the PSW's choice" not in text
    # No two sections contradict each other, and the summary gives the sections' own sentences.
    assert "Summary of 2025/26" in text and "Staff in post" not in text


def test_the_demo_councils_sections_agree_wherever_two_give_the_same_figure(demo_report):
    from pswhub.reporting import frame

    # The financial year: the learning and Schwartz Rounds sections both give the Rounds held.
    sections = frame.build_all(Period(START, END), "all")
    compared = frame.counts_compared(sections)
    assert [on for population, on in compared if population == "schwartz rounds held"] == [
        "2024-04-01/2025-03-31",
        "2025-04-01/2026-03-31",
    ]
    assert frame.counts_disagreeing(sections) == []
    # A census year DfE has published: the workforce section (the council's own return, and
    # England's figures) and the benchmarking section (DfE's files) give the same five rates for
    # the council and for England, and agree.
    census = Period(date(2022, 10, 1), date(2023, 9, 30))
    sections = frame.build_all(census, "children")
    compared = frame.counts_compared(sections)
    on_census_day = [population for population, on in compared if on == "2023-09-30"]
    assert len(on_census_day) == 10, on_census_day
    assert len(compared) >= 12
    givers = {
        section["key"]
        for section in sections
        for count in section["counts"]
        if count["on"] == "2023-09-30" and count["name"] == "children_turnover_rate"
    }
    assert givers == {"workforce", "benchmarking"}
    assert frame.counts_disagreeing(sections) == []
