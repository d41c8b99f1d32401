"""The three outputs of a report document (see document.py): an accessible HTML file, a tagged
PDF (WeasyPrint, PDF/UA-1) made from that HTML, and a Word file (docxtpl) made from the council's
template or the one PSW Hub ships."""

import base64
import contextlib
import copy
import io
import logging

from django.conf import settings
from django.template.loader import render_to_string
from jinja2 import TemplateError
from markupsafe import Markup

from pswhub.core.charts import chart_png, chart_svgs

from . import word_tables, word_template

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

# The fields a council's own Word template may hold, and the checks it passes: word_template.py.
TEMPLATE_FIELDS = word_template.TEMPLATE_FIELDS
BODY_TAG = word_template.BODY_TAG


def css_string(text):
    """Text as a CSS string for a page's running header: quotes, backslashes and angle brackets
    escaped, so that no council's name can end the style sheet."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace(">", "\\3e ")
    return Markup('"' + " ".join(escaped.split()) + '"')  # noqa: S704


def logo_bytes():
    """The council's logo (PSWHUB_COUNCIL_LOGO, a PNG or JPEG file), or None."""
    path = getattr(settings, "PSWHUB_COUNCIL_LOGO", "")
    if not path:
        return None
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None


def logo_data_uri():
    content = logo_bytes()
    if not content:
        return ""
    kind = "png" if content[:8] == b"\x89PNG\r\n\x1a\n" else "jpeg"
    return f"data:image/{kind};base64,{base64.b64encode(content).decode('ascii')}"


def with_svg(document):
    """A copy of the document whose figures carry their chart as SVG markup, with the council's
    logo and the running header's text."""
    document = copy.deepcopy(document)
    document["logo"] = logo_data_uri()
    document["css_council"] = css_string(document.get("council", ""))
    document["css_title"] = css_string(document.get("title", ""))
    portrait, landscape = A4[0] - 2 * MARGIN_TWIPS, A4[1] - 2 * MARGIN_TWIPS
    for block in document["blocks"]:
        if block["type"] == "figure" and block.get("table"):
            # The PDF lays a wide table out as the Word file does: smaller text, or a landscape page.
            size, block["landscape"], _ = word_tables.layout(
                block["table"], portrait_width=portrait, landscape_width=landscape
            )
            block["small_table"] = size < word_tables.SETTINGS[0][0]
        if block["type"] == "figure" and block.get("chart"):
            # chart_svg escapes every text it draws from the data.
            svg = chart_svgs(block["chart"], element_id=f"chart-{block['number']}")
            block["svg"] = Markup(svg)  # noqa: S704
    return document


def render_html(document):
    return render_to_string("reporting/standalone.html", {"doc": with_svg(document)}).encode("utf-8")


def render_pdf(document):
    from weasyprint import HTML

    # WeasyPrint reports each layout step at INFO; the command and the worker need only problems.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

    return HTML(string=render_html(document).decode("utf-8")).write_pdf(pdf_variant="pdf/ua-1")


def status_line(document):
    if document["status"] == "draft":
        return document.get("status_sentence") or "Draft: not yet published."
    version = f" (version {document['version']})" if document.get("version", 1) and document["version"] > 1 else ""
    return f"Published {document['published_on']}{version}."


A4 = (11906, 16838)  # twentieths of a point: 210 mm by 297 mm
MARGIN_CM = 2
MARGIN_TWIPS = 1134


def default_template():
    """The Word template PSW Hub ships, made with python-docx: A4 with 2 cm margins, British English,
    Arial; a running header with the council's logo and name and the report's title, a footer
    with the page number of the number of pages; a title block of fields and the body."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, Twips

    doc = Document()
    styles = doc.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(12)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        styles[name].font.name = "Arial"
    _british_english(doc)
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(A4[0]), Twips(A4[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.header_distance = section.footer_distance = Cm(1)
    header = section.header.paragraphs[0]
    header.style.font.size = Pt(9)
    logo = logo_bytes()
    if logo:
        header.add_run().add_picture(io.BytesIO(logo), height=Cm(1.2))
        header = section.header.add_paragraph()
    header.add_run("{{ council }}").bold = True
    header.add_run(": {{ title }}")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    doc.core_properties.title = "{{ title }}"
    doc.add_paragraph("{{ council }}")
    # A {%p %} tag takes its whole paragraph with it: with no committee or agenda item, the title
    # block has no empty line where they would be.
    doc.add_paragraph("{%p if committee %}")
    doc.add_paragraph("Report to {{ committee }}{% if meeting_date %}, {{ meeting_date }}{% endif %}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{%p if agenda_item %}")
    doc.add_paragraph("Agenda item: {{ agenda_item }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("{{ report_of }}").runs[0].bold = True
    doc.add_heading("{{ title }}", level=1)
    doc.add_paragraph("{{ services_label }}, {{ period_label }}")
    doc.add_paragraph("{{ status_line }}")
    doc.add_paragraph(BODY_TAG)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _british_english(doc):
    """Sets British English as the language of every style's text (the document defaults)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), "en-GB")
    settings_element = doc.settings.element
    theme_font_lang = settings_element.find(qn("w:themeFontLang"))
    if theme_font_lang is not None:
        theme_font_lang.set(qn("w:val"), "en-GB")


def _field(paragraph, code):
    """A Word field (PAGE, NUMPAGES) in a paragraph, updated by Word when it lays out the pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text.strip() == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def core_properties(docx, document):
    """The document's properties name the council, not the library that wrote the file."""
    properties = docx.core_properties
    council = document.get("council") or "The council"
    properties.title = document["title"]
    properties.author = council
    properties.last_modified_by = council
    properties.subject = ", ".join(
        part for part in (document.get("services_label"), document.get("period_label")) if part
    )
    properties.keywords = "Principal Social Worker; annual report"
    properties.language = "en-GB"
    properties.comments = status_line(document)
    properties.category = "Committee report"


def render_docx(document, *, template=None):
    """Fills the template's fields and puts the body where {{p body }} stands. Headings use the
    template's heading styles, tables have a repeating header row and each chart has alt text.
    The template is rendered in the sandbox with only the report's fields: a template that slipped
    past the upload check fails with TEMPLATE_NOT_SAFE rather than reach anything else."""
    from docxtpl import DocxTemplate

    content = template or default_template()
    word_template.archive_check(content)
    tpl = DocxTemplate(io.BytesIO(content))
    body = tpl.new_subdoc()
    _write_body(body.subdocx, document, page_setup=tpl.docx.element.body.sectPr)
    context = {name: document.get(name, "") for name in TEMPLATE_FIELDS}
    context.update(status_line=status_line(document), body=body)
    try:
        # Jinja's ImmutableSandboxedEnvironment with no globals, filters or tests (word_template.py).
        tpl.render(context, word_template.sandbox(), autoescape=True)
    except TemplateError:
        raise ValueError(word_template.TEMPLATE_NOT_SAFE) from None
    core_properties(tpl.docx, document)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _style(doc, name, fallback="Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        return doc.styles[fallback]


def _write_body(doc, document, *, page_setup=None):
    """The report's blocks into `doc`. `page_setup` is the template's section properties (page
    size, margins, header and footer), from which tables are sized and a wide table's landscape
    page is made (word_tables.py)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches

    for block in document["blocks"]:
        kind = block["type"]
        if kind == "heading":
            doc.add_paragraph(block["text"], style=_style(doc, f"Heading {block['level']}"))
        elif kind == "paragraph":
            prefix = f"{block['number']}. " if block["number"] else ""
            paragraph = doc.add_paragraph(f"{prefix}{block['text']}" if block.get("style") != "basis" else "")
            if block.get("style") == "basis":
                paragraph.add_run("Whom these figures count: ").bold = True
                paragraph.add_run(block["text"])
        elif kind == "summary":
            for item in block["items"]:
                paragraph = doc.add_paragraph(style=_style(doc, "List Bullet"))
                paragraph.add_run(f"{item['title']}: ").bold = True
                paragraph.add_run(item["text"])
        elif kind == "priorities":
            for number, item in enumerate(block["items"], start=1):
                paragraph = doc.add_paragraph()
                paragraph.add_run(f"{number}) {item['title']}").bold = True
                rest = "".join(
                    [
                        f". {item['description']}" if item.get("description") else "",
                        f" How we will know: {item['measures']}" if item.get("measures") else "",
                        f" Lead: {item['owner']}." if item.get("owner") else "",
                    ]
                )
                if rest:
                    paragraph.add_run(rest)
        elif kind == "figure":
            chart = block.get("chart")
            if chart:
                doc.add_paragraph(f"Figure {block['number']}: {chart['title']}", style=_style(doc, "Caption"))
                png, _, _ = chart_png(chart)
                # 6.3 inches is the width between A4's 2 cm margins; a chart wider than its 680 pixels
                # (long value labels) is scaled into it, never cut.
                shape = doc.add_picture(io.BytesIO(png), width=Inches(6.3))
                properties = shape._inline.docPr
                properties.set("descr", chart["description"])
                properties.set("title", chart["title"])
            table_data = block["table"]
            portrait, landscape_width = (
                word_tables.page_widths(page_setup)
                if page_setup is not None
                else (A4[0] - 2 * MARGIN_TWIPS, A4[1] - 2 * MARGIN_TWIPS)
            )
            font_size, landscape, widths = word_tables.layout(
                table_data, portrait_width=portrait, landscape_width=landscape_width
            )
            landscape = landscape and page_setup is not None
            if landscape:
                word_tables.section_break(doc, page_setup, landscape=False)
            doc.add_paragraph(f"Table {block['number']}: {table_data['caption']}", style=_style(doc, "Caption"))
            table = doc.add_table(rows=1, cols=len(table_data["head"]))
            # A council's template without the style keeps Word's plain table.
            with contextlib.suppress(KeyError):
                table.style = doc.styles["Table Grid"]
            header = table.rows[0]
            row_properties = header._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            row_properties.append(repeat)
            for cell, text in zip(header.cells, table_data["head"], strict=True):
                cell.text = str(text)
                cell.paragraphs[0].runs[0].bold = True
            for values in table_data["rows"]:
                cells = table.add_row().cells
                for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
                    cell.text = _cell_text(value, index in table_data.get("numeric_columns", []))
            word_tables.size_table(table, widths, font_size)
            for note in block.get("notes", []):
                doc.add_paragraph(note)
            if landscape:
                word_tables.section_break(doc, page_setup, landscape=True)
        elif kind == "recommendations":
            for number, item in enumerate(block["items"], start=1):
                doc.add_paragraph(f"{number}) {item}")
        elif kind == "lines":
            doc.add_paragraph("\n".join(block["items"]))


def _cell_text(value, numeric):
    from pswhub.core.presenters import number

    return number(value) if numeric else str(value)


def render(document, fmt, *, template=None):
    if fmt == "html":
        return render_html(document)
    if fmt == "pdf":
        return render_pdf(document)
    if fmt == "docx":
        return render_docx(document, template=template)
    raise ValueError(f"Unknown format {fmt}")
