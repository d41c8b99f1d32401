"""The Word file's layout: a title block with no empty lines where the committee and agenda item
are not given, and tables sized to the page, a table too wide for it (the benchmarks beside three
comparator councils) on a landscape page of its own in smaller text, no header word broken."""

import io

from docx import Document
from docx.enum.section import WD_ORIENTATION
from docx.oxml.ns import qn

from pswhub.reporting import outputs, word_tables

BENCHMARKS = {
    "caption": "Children's social work workforce at 30 September 2023: the council, East Midlands, England and "
    "comparator councils",
    "head": [
        "Figure",
        "Northshire County Council",
        "East Midlands",
        "England",
        "Rank among councils",
        "Derbyshire",
        "Leicestershire",
        "Nottinghamshire",
    ],
    "rows": [
        ["Turnover rate (FTE, %)", "15.4%", "16.5%", "15.9%", "70th lowest of 151", "19.7%", "12.3%", "12.4%"],
        [
            "Average caseload per case-holding FTE",
            "17.9",
            "16.2",
            "16.0",
            "126th lowest of 152",
            "17.7",
            "13.8",
            "15.9",
        ],
    ],
    "numeric_columns": [1, 2, 3],
}
SMALL = {"caption": "Schwartz Rounds held", "head": ["", "2024/25", "2025/26"], "rows": [["Rounds", 7, 6]]}


def document(*tables, **fields):
    blocks = [{"type": "paragraph", "number": 1, "text": "Before the tables."}]
    for number, table in enumerate(tables, start=1):
        blocks.append({"type": "figure", "number": number, "chart": None, "table": table, "notes": ["A note."]})
    blocks.append({"type": "paragraph", "number": 2, "text": "After the tables."})
    return {
        "title": "Principal Social Worker annual report 2022/23",
        "council": "Northshire County Council",
        "report_of": "Report of the Principal Social Worker",
        "services_label": "Children's services",
        "period_label": "2022/23",
        "status": "draft",
        "blocks": blocks,
        **fields,
    }


def title_block(doc):
    """The paragraphs before the body's first paragraph."""
    texts = [paragraph.text for paragraph in doc.paragraphs]
    return texts[: texts.index("1. Before the tables.")]


def test_the_title_block_has_no_empty_lines_without_a_committee_or_agenda_item():
    doc = Document(io.BytesIO(outputs.render_docx(document())))
    block = title_block(doc)
    assert "" not in block, block
    assert block == [
        "Northshire County Council",
        "Report of the Principal Social Worker",
        "Principal Social Worker annual report 2022/23",
        "Children's services, 2022/23",
        "Draft: not yet published.",
    ]


def test_the_title_block_names_the_committee_meeting_and_agenda_item_when_given():
    doc = Document(
        io.BytesIO(
            outputs.render_docx(
                document(committee="Children's Select Committee", meeting_date="10 July 2025", agenda_item="7")
            )
        )
    )
    block = title_block(doc)
    assert "" not in block, block
    assert block[1:3] == ["Report to Children's Select Committee, 10 July 2025", "Agenda item: 7"]


def test_a_table_too_wide_for_the_page_gets_a_landscape_page_with_every_header_word_whole():
    doc = Document(io.BytesIO(outputs.render_docx(document(SMALL, BENCHMARKS))))
    # Portrait, then the wide table's landscape page, then portrait again to the end.
    orientations = [section.orientation for section in doc.sections]
    assert orientations == [WD_ORIENTATION.PORTRAIT, WD_ORIENTATION.LANDSCAPE, WD_ORIENTATION.PORTRAIT]
    landscape = doc.sections[1]
    assert (landscape.page_width.twips, landscape.page_height.twips) == (16838, 11906)
    # Each section names the running header and footer, so every page has them.
    for section in doc.sections:
        assert section._sectPr.findall(qn("w:headerReference")) and section._sectPr.findall(qn("w:footerReference"))
        assert "Page" in section.footer.paragraphs[0].text
    small, wide = doc.tables
    usable = landscape.page_width.twips - landscape.left_margin.twips - landscape.right_margin.twips
    widths = [column.width.twips for column in wide.columns]
    assert sum(widths) <= usable
    size = wide.rows[0].cells[1].paragraphs[0].runs[0].font.size.pt
    assert size == 9
    for width, head in zip(widths, BENCHMARKS["head"], strict=True):
        # "Nottinghamshire" is 15 characters: at 9 pt bold, 0.62 em each, 84 pt, plus the margins.
        longest = max(len(word) for word in head.split())
        assert width >= round(longest * 0.62 * size * 20) + 2 * word_tables.CELL_MARGIN, (head, width)
    # The narrow table stays on the portrait page at the larger size, in the page's width.
    portrait = doc.sections[0]
    assert sum(column.width.twips for column in small.columns) <= (
        portrait.page_width.twips - portrait.left_margin.twips - portrait.right_margin.twips
    )
    assert small.rows[0].cells[1].paragraphs[0].runs[0].font.size.pt == 11


def test_a_table_that_fits_the_page_needs_no_landscape_page():
    doc = Document(io.BytesIO(outputs.render_docx(document(SMALL))))
    assert [section.orientation for section in doc.sections] == [WD_ORIENTATION.PORTRAIT]


def test_widths_come_from_the_longest_word_and_the_rest_goes_to_the_figures_name():
    # Three columns at 11 pt in 9,638 twips (17 cm): "Nottinghamshire" bold takes 15 × 0.62 × 11 ×
    # 20 = 2,046 twips, "Figure" 6 × 0.62 × 11 × 20 = 818 and the row's name its whole length.
    table = {"head": ["Figure", "Nottinghamshire", "x"], "rows": [["Turnover rate", "12.4%", "1"]]}
    size, landscape, widths = word_tables.layout(table, portrait_width=9638, landscape_width=14570)
    assert (size, landscape) == (11, False)
    assert sum(widths) <= 9638
    assert widths[1] >= 2046 + 2 * word_tables.CELL_MARGIN
