"""The report's frame: the seeds' shape, the summary drawn from the sections' headlines, one date
rule stated once and never contradicted, empty sections said in one sentence, the PSW's own
sections, the priorities for the year ahead, the PSW as the contact, and a Word file a council
would send (A4, British English, header, footer and page numbers, properties naming the council)."""

import io
import re
import zipfile
from datetime import date

import pytest
from django.test import override_settings
from docx import Document
from lxml import html as lxml_html
from PIL import Image, ImageFont

from pswhub.core import charts
from pswhub.core.periods import Period
from pswhub.core.tests.factories import UserFactory
from pswhub.governance.tests.factories import PriorityFactory
from pswhub.reporting import frame, outputs, services
from pswhub.reporting.document import document_from_snapshot

NEXT_YEAR = 2026


@pytest.fixture
def written(council, psw):
    """The small council's draft with the PSW's own sections, a conclusion and next year's plan."""
    PriorityFactory(year_start=NEXT_YEAR, title="Grow our own social workers", measures="Five apprentices a year")
    report = services.report_create(user=psw, period_start=council.start, period_end=council.end, services="all")
    for key, text in [
        ("peer_reviews", "A peer review of the front door in May found strong management oversight."),
        ("joint_working", "The two PSWs ran four joint Schwartz Rounds."),
    ]:
        services.narrative_save(user=psw, report=report, key=key, narrative=text)
    services.report_update(user=psw, report=report, conclusion="The year ends with a stable workforce.")
    return report


def blocks_text(document):
    return [(block["type"], block.get("text") or block.get("items")) for block in document["blocks"]]


def headings(document, level=None):
    return [
        block["text"]
        for block in document["blocks"]
        if block["type"] == "heading" and (level is None or block["level"] == level)
    ]


def test_the_report_has_the_seeds_shape_in_order(written):
    document = services.report_document(written)
    assert headings(document, 2) == [
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
    shown = headings(document, 3)
    expected_order = [
        "Introduction",
        "The role and its statutory context",
        "About the figures",
        "Summary of 2025/26",
        "Social work workforce",
        "Practice quality and case file audits",
        "Routes into social work, early careers and progression",
        "Social Work England registration",
        "Social Work Health Check",
        "Peer reviews",
        "Joint adults' and children's work",
        "Progress against the work plan",
        "Priorities for 2026/27",
        "Actions set by committees",
        "Conclusion",
    ]
    assert [title for title in shown if title in expected_order] == expected_order
    # The networks section was not written, so it is left out rather than shown empty.
    assert "Regional and national networks" not in shown


def test_the_summary_gives_each_sections_headline_and_the_section_says_the_same(written):
    snapshot = services.report_snapshot(written)
    document = document_from_snapshot(snapshot)
    summary = next(block for block in document["blocks"] if block["type"] == "summary")["items"]
    by_title = {item["title"]: item["text"] for item in summary}
    sections = {section["title"]: section for section in snapshot["sections"] if section["kind"] == "figures"}
    assert set(by_title) == set(sections)
    paragraphs = [block["text"] for block in document["blocks"] if block["type"] == "paragraph"]
    for title, text in by_title.items():
        assert text in paragraphs, title  # the summary's sentence is the section's own first sentence
    assert by_title["Progress against the work plan"] == (
        "2 of the 3 priorities of the 2025/26 work plan were rated green on 31 March 2026, compared with 1 of 2 in "
        "2024/25."
    )


def test_the_date_rule_is_stated_once_and_the_draft_banner_gives_the_same_day(written):
    snapshot = services.report_snapshot(written)
    document = document_from_snapshot(snapshot, status="draft")
    taken = date.fromisoformat(snapshot["built_on"])
    day = f"{taken.day} {taken:%B %Y}"
    assert (
        document["status_sentence"] == f"Draft: not yet published. The figures were taken from the data held on {day}."
    )
    texts = [block["text"] for block in document["blocks"] if block["type"] == "paragraph"]
    assert any(text.startswith(f"The figures were taken from the data held in PSW Hub on {day}.") for text in texts)
    assert not any("on the date the report was published" in text for text in texts)
    assert not any("as it is now" in text for text in texts)
    published = document_from_snapshot(snapshot, status="published", version=1, published_on=taken)
    assert any(
        f"PSW Hub on {day}, when this version was published, and do not change afterwards." in block.get("text", "")
        for block in published["blocks"]
    )


def test_empty_sections_say_what_is_missing_in_one_sentence_and_draw_nothing(written):
    document = services.report_document(written)
    figures = [block["key"] for block in document["blocks"] if block["type"] == "figure"]
    # The small council has no audits, census, placements, renewals or survey: only the work plan and
    # the committee actions have figures to draw.
    assert figures == ["work_plan", "committee_actions"]
    texts = [block.get("text", "") for block in document["blocks"]]
    assert "No case file audits of children's services and adults' services were completed in 2025/26." in texts
    empty_year = Period(date(2027, 4, 1), date(2028, 3, 31))
    report = services.report_create(
        user=written.created_by, period_start=empty_year.start, period_end=empty_year.end, services="all"
    )
    later = services.report_document(report)
    later_texts = " ".join(str(block.get("text", "")) for block in later["blocks"])
    assert "0 of the 0" not in later_texts
    assert "PSW Hub holds no priorities for 2027/28, so this section has no figures to show." in later_texts
    assert not [block for block in later["blocks"] if block["type"] == "figure"]


def test_the_purpose_promises_next_years_priorities_only_when_the_report_gives_them(written, psw):
    document = services.report_document(written)
    purpose = document["blocks"][1]["text"]
    assert purpose.endswith("progress against the work plan, and the priorities for 2026/27.")
    priorities = next(block for block in document["blocks"] if block["type"] == "priorities")["items"]
    assert priorities == [
        {"title": "Grow our own social workers", "description": "", "measures": "Five apprentices a year", "owner": ""}
    ]
    year_without = services.report_create(
        user=psw, period_start=date(2026, 4, 1), period_end=date(2027, 3, 31), services="all"
    )
    purpose = services.report_document(year_without)["blocks"][1]["text"]
    assert "priorities for" not in purpose
    assert "No priorities for 2027/28 are recorded in the work plan yet." in [
        block.get("text") for block in services.report_document(year_without)["blocks"]
    ]


def test_a_section_the_psw_leaves_out_is_not_in_the_report_or_its_summary(written, psw):
    services.report_choices_save(user=psw, report=written, left_out=["audits", "joint_working"], audits_pooled=False)
    document = services.report_document(written)
    assert "Practice quality and case file audits" not in headings(document)
    assert "Joint adults' and children's work" not in headings(document)
    summary = next(block for block in document["blocks"] if block["type"] == "summary")["items"]
    assert "Practice quality and case file audits" not in [item["title"] for item in summary]
    with pytest.raises(ValueError):
        services.report_choices_save(user=psw, report=written, left_out=["nonsense"], audits_pooled=False)


def test_the_psw_is_the_contact(written, psw):
    document = services.report_document(written)
    contact = next(
        block
        for index, block in enumerate(document["blocks"])
        if document["blocks"][index - 1].get("text") == "Contact"
    )
    # The test PSW has no e-mail address, so there is no empty line for it.
    assert contact["items"] == [psw.get_full_name(), "Principal Social Worker", *([psw.email] if psw.email else [])]
    assert psw.get_full_name()


def test_the_command_names_the_psw_as_the_contact_too(council, psw):
    document = services.command_document(period=council, services="all")
    text = [item for block in document["blocks"] if block["type"] == "lines" for item in block["items"]]
    assert "Principal Social Worker" in text and "Not given." not in text


def test_no_two_sections_give_different_counts_for_the_same_people_on_the_same_day(written):
    snapshot = services.report_snapshot(written)
    assert frame.counts_disagreeing(snapshot["sections"]) == []
    # And the check finds a disagreement when there is one: 151 staff against 120 on the same day.
    sections = [
        {"key": "a", "counts": [{"population": "Children's social workers", "on": "2026-03-31", "value": 151}]},
        {"key": "b", "counts": [{"population": "children's social workers", "on": "2026-03-31", "value": 120}]},
        {"key": "c", "counts": [{"population": "children's social workers", "on": "2025-09-30", "value": 120}]},
    ]
    assert frame.counts_disagreeing(sections) == [("children's social workers", "2026-03-31", {"a": 151, "b": 120})]


def test_a_snapshot_published_before_the_frame_still_renders(council):
    old = {
        "format": 1,
        "council": "Testshire County Council",
        "title": "Old report",
        "period": council.as_dict(),
        "services": "all",
        "frame": {"purpose": "Old purpose.", "introduction": "Old introduction.", "contact": ""},
        "sections": [
            {
                "key": "organisation",
                "title": "Staff in post",
                "figures": {},
                "comparison": "22 staff were in post on 31 March 2026.",
                "narrative": "",
                "chart": None,
                "table": None,
                "notes": [],
            }
        ],
        "built_at": "2026-04-02T10:00:00+00:00",
    }
    document = document_from_snapshot(old, status="published", version=1, published_on=date(2026, 4, 2))
    texts = [block.get("text") for block in document["blocks"]]
    assert "Old introduction." in texts and "22 staff were in post on 31 March 2026." in texts
    assert "Summary of 2025/26" not in headings(document)


def test_the_word_file_is_a4_in_british_english_with_header_footer_page_numbers_and_the_councils_name(
    written, tmp_path
):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (240, 80), "#12436d").save(logo)
    with override_settings(PSWHUB_COUNCIL_LOGO=str(logo)):
        content = outputs.render_docx(services.report_document(written))
        html = outputs.render_html(services.report_document(written)).decode()
    doc = Document(io.BytesIO(content))
    section = doc.sections[0]
    # A4 is 210 mm by 297 mm: 11,906 by 16,838 twentieths of a point (rounded by Word)
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert round(section.left_margin.cm, 1) == round(section.right_margin.cm, 1) == 2.0
    styles = zipfile.ZipFile(io.BytesIO(content)).read("word/styles.xml").decode()
    assert 'w:lang w:val="en-GB"' in styles and "en-US" not in styles
    header = " ".join(p.text for p in section.header.paragraphs)
    assert "Testshire County Council" in header and "Principal Social Worker annual report 2025/26" in header
    assert any(rel.reltype.endswith("/image") for rel in section.header.part.rels.values())
    footer = "".join(section.footer.paragraphs[0]._p.xml.split())
    assert "PAGE" in footer and "NUMPAGES" in footer and "Page" in section.footer.paragraphs[0].text
    properties = doc.core_properties
    assert properties.author == properties.last_modified_by == "Testshire County Council"
    assert properties.language == "en-GB" and properties.title == "Principal Social Worker annual report 2025/26"
    assert "python-docx" not in (properties.author + properties.last_modified_by + properties.comments)
    assert '<img class="app-report__logo" src="data:image/png;base64,' in html
    assert 'alt="Testshire County Council"' in html


def test_the_pdf_page_has_a_running_header_and_page_numbers(written):
    import pypdfium2

    pdf = pypdfium2.PdfDocument(outputs.render_pdf(services.report_document(written)))
    first = " ".join(pdf[0].get_textpage().get_text_range().split())
    last = " ".join(pdf[len(pdf) - 1].get_textpage().get_text_range().split())
    assert "Testshire County Council" in first and f"Page 1 of {len(pdf)}" in first
    assert f"Page {len(pdf)} of {len(pdf)}" in last


def test_chart_labels_are_wrapped_never_cut_in_the_svg_and_the_png():
    chart = {
        "title": "Audits by grade",
        "description": "Bar chart.",
        "categories": ["Outstanding", "Requires improvement to be good", "Inadequate"],
        "series": [{"name": "2024/25", "values": [3, 120, "c"]}, {"name": "2025/26", "values": [4, 130, 5]}],
    }
    drawn = charts.layout(chart)
    names = [label for label in drawn["labels"] if label.get("bold")]
    assert [label["text"] for label in names] == ["Outstanding", "Requires improvement", "to be good", "Inadequate"]
    font = ImageFont.load_default(size=charts.FONT_SIZE)
    for label in drawn["labels"]:
        # Measured with the font the PNG is drawn in: every label starts and ends inside the picture.
        width = font.getlength(label["text"])
        if label["anchor"] == "end":
            assert label["x"] - width >= 0, label["text"]
            assert charts.text_width(label["text"], bold=True) >= width
        else:
            assert label["x"] + width <= drawn["width"], label["text"]
            assert charts.text_width(label["text"]) >= width
    svg = charts.chart_svg(chart, element_id="c1")
    assert ">Requires improvement</text>" in svg and ">to be good</text>" in svg
    assert f'viewBox="0 0 {drawn["width"]:.0f} {drawn["height"]:.0f}"' in svg


def test_the_html_report_lets_charts_shrink_to_a_phone(written):
    page = lxml_html.fromstring(outputs.render_html(services.report_document(written)))
    style = page.xpath("//style")[0].text
    assert "svg { max-width: 100%; height: auto; }" in style
    # (the HTML parser lowers attribute names)
    assert all(svg.get("viewbox") for svg in page.xpath("//*[local-name()='svg']"))


@pytest.mark.parametrize("name", ["Bob's <Council>", 'A "quoted" council\\'])
def test_a_councils_name_cannot_break_the_pdfs_style_sheet(name):
    text = str(outputs.css_string(name))
    assert text.startswith('"') and text.endswith('"')
    inner = text[1:-1]
    assert "<" not in inner and ">" not in inner
    # Every quote inside is escaped, and a closing backslash cannot escape the string's end.
    assert re.search(r'(?<!\\)"', inner) is None and not re.search(r"(?<!\\)(\\\\)*\\$", inner)


def test_someone_other_than_the_psw_is_never_named_as_the_contact(council, db):
    UserFactory(username="someone", first_name="Sam", last_name="Other", email="sam@example.org")
    assert services.psw_contact() == []
    document = services.command_document(period=council, services="all")
    items = [item for block in document["blocks"] if block["type"] == "lines" for item in block["items"]]
    assert items == ["The Principal Social Worker, Testshire County Council"]
