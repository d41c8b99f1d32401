"""Every output shows the selectors' figures, in a committee report's shape; the PDF is tagged and
its pages are not blank; the Word file has real headings, alt text and header rows."""

import io
import re
import zlib
from datetime import date

import pypdfium2
import pytest
from django.core.management import CommandError, call_command
from docx import Document
from lxml import html as lxml_html

from pswhub.governance import selectors as governance_selectors
from pswhub.reporting.management.commands.annual_report import BAD_DATE, PERIOD_BACKWARDS

HEADINGS = [
    "Purpose of the report",
    "Information",
    "Other options considered",
    "Reasons for the recommendations",
    "Statutory and policy implications",
    "Financial implications",
    "Recommendations",
    "Contact",
    "Background papers",
]


def expected_tables(services="all"):
    """The rows each section's table must show, straight from the selectors. The council has no
    audits, census or survey: those sections say so in one sentence and draw no table."""
    rag_now = governance_selectors.priority_rag_counts(year_start=2025, on=date(2026, 3, 31), services=services)
    rag_before = governance_selectors.priority_rag_counts(year_start=2024, on=date(2025, 3, 31), services=services)
    acts_now = governance_selectors.committee_action_counts(
        start=date(2025, 4, 1), end=date(2026, 3, 31), services=services
    )
    acts_before = governance_selectors.committee_action_counts(
        start=date(2024, 4, 1), end=date(2025, 3, 31), services=services
    )
    return [
        [
            ["Green: on track", rag_before["green"], rag_now["green"]],
            ["Amber: at risk", rag_before["amber"], rag_now["amber"]],
            ["Red: off track", rag_before["red"], rag_now["red"]],
            ["No update", rag_before["none"], rag_now["none"]],
            ["Total", rag_before["total"], rag_now["total"]],
        ],
        [
            ["Done", acts_before["done"], acts_now["done"]],
            [
                "Outstanding, not yet due",
                acts_before["outstanding"] - acts_before["overdue"],
                acts_now["outstanding"] - acts_now["overdue"],
            ],
            ["Outstanding and overdue", acts_before["overdue"], acts_now["overdue"]],
            ["No longer needed", acts_before["dropped"], acts_now["dropped"]],
            ["Total", acts_before["total"], acts_now["total"]],
        ],
    ]


def as_text(rows):
    return [[str(cell) for cell in row] for row in rows]


def write(tmp_path, fmt, service="all"):
    path = tmp_path / f"report.{fmt}"
    call_command(
        "annual_report",
        "--from",
        "2025-04-01",
        "--to",
        "2026-03-31",
        "--service",
        service,
        "--format",
        fmt,
        "--output",
        str(path),
        stdout=io.StringIO(),
    )
    return path.read_bytes()


def test_the_hand_worked_figures_are_what_the_selectors_give(council):
    # Work plan 2025/26: 2 of 3 priorities green; 2024/25: 1 of 2. Actions: 3 set in 2025/26, 1 before.
    assert expected_tables()[0][0] == ["Green: on track", 1, 2]
    assert expected_tables()[1][-1] == ["Total", 1, 3]


def test_the_html_report_shows_the_selectors_figures_in_the_committee_reports_shape(council, tmp_path):
    page = lxml_html.fromstring(write(tmp_path, "html"))
    assert page.get("lang") == "en-GB"
    headings = [h.text_content().strip() for h in page.iter("h2")]
    assert headings == HEADINGS
    tables = [
        [[cell.text_content().strip() for cell in row.xpath("./th|./td")] for row in table.xpath(".//tbody/tr")]
        for table in page.iter("table")
    ]
    assert tables == [as_text(rows) for rows in expected_tables()]
    svgs = page.xpath("//*[local-name()='svg']")
    # Two charts, each in its wide layout and its phone's (the page shows one by the screen's width).
    assert [svg.get("class") for svg in svgs] == ["app-chart app-chart--wide", "app-chart app-chart--narrow"] * 2
    assert all(svg.get("role") == "img" and svg.get("aria-labelledby") for svg in svgs)
    assert len({svg.get("aria-labelledby") for svg in svgs}) == 4
    numbers = [int(n.text_content().rstrip(".")) for n in page.find_class("app-numbered__number")]
    assert numbers == list(range(1, len(numbers) + 1))
    text = " ".join(page.text_content().split())
    assert "2 of the 3 priorities of the 2025/26 work plan were rated green on 31 March 2026" in text
    # No section of zeros: the audits, health check and workforce sections say what is missing.
    assert "No case file audits of children's services and adults' services were completed in 2025/26." in text


def test_the_word_report_shows_the_selectors_figures_with_headings_alt_text_and_header_rows(council, tmp_path):
    doc = Document(io.BytesIO(write(tmp_path, "docx")))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings == HEADINGS
    tables = [[[cell.text for cell in row.cells] for row in table.rows[1:]] for table in doc.tables]
    assert tables == [as_text(rows) for rows in expected_tables()]
    assert all(table.rows[0]._tr.xpath("./w:trPr/w:tblHeader") for table in doc.tables)
    descriptions = [shape._inline.docPr.get("descr") for shape in doc.inline_shapes]
    assert len(descriptions) == 2 and all(d.startswith("Bar chart") for d in descriptions)
    assert doc.core_properties.title == "Principal Social Worker annual report 2025/26"
    assert "Testshire County Council" in doc.paragraphs[0].text


def test_the_pdf_is_tagged_shows_the_figures_and_no_page_is_blank(council, tmp_path):
    content = write(tmp_path, "pdf")
    pdf = pypdfium2.PdfDocument(content)
    assert pypdfium2.raw.FPDFCatalog_IsTagged(pdf.raw)
    assert b'pdfuaid:part="1"' in b"".join(_streams(content))
    text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    text = re.sub(r"\s+", " ", text)
    for rows in expected_tables():
        for row in rows:
            assert " ".join(str(cell) for cell in row).strip() in text
    for index in range(len(pdf)):
        image = pdf[index].render(scale=0.5).to_pil().convert("L")
        dark = sum(image.histogram()[:200])
        assert dark / (image.width * image.height) > 0.002, f"page {index + 1} looks blank"


def _streams(content):
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            yield zlib.decompress(match.group(1))
        except zlib.error:
            yield match.group(1)


def test_a_report_for_one_service_counts_only_that_service(council, tmp_path):
    page = lxml_html.fromstring(write(tmp_path, "html", service="children"))
    tables = [
        [[cell.text_content().strip() for cell in row.xpath("./th|./td")] for row in table.xpath(".//tbody/tr")]
        for table in page.iter("table")
    ]
    assert tables == [as_text(rows) for rows in expected_tables("children")]
    text = " ".join(page.text_content().split())
    assert "Children's services, 2025/26" in text
    assert "No case file audits of children's services were completed in 2025/26." in text


def test_the_command_refuses_bad_dates(db, tmp_path):
    with pytest.raises(CommandError, match=re.escape(BAD_DATE.format(option="--from"))):
        call_command(
            "annual_report",
            "--from",
            "1/4/2025",
            "--to",
            "2026-03-31",
            "--format",
            "html",
            "--output",
            str(tmp_path / "x.html"),
        )
    with pytest.raises(CommandError, match=PERIOD_BACKWARDS):
        call_command(
            "annual_report",
            "--from",
            "2026-04-01",
            "--to",
            "2026-03-31",
            "--format",
            "html",
            "--output",
            str(tmp_path / "x.html"),
        )
    assert not (tmp_path / "x.html").exists()
