"""The three outputs of a report document (see document.py): an accessible HTML file, a tagged
PDF (WeasyPrint, PDF/UA-1) made from that HTML, and a Word file (docxtpl) made from the council's
template or the one PSW Hub ships."""

import contextlib
import copy
import io
import logging

from django.template.loader import render_to_string
from jinja2 import TemplateError
from markupsafe import Markup

from pswhub.core.charts import chart_png, chart_svg

from . import word_template

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

# The fields a council's own Word template may hold, and the checks it passes: word_template.py.
TEMPLATE_FIELDS = word_template.TEMPLATE_FIELDS
BODY_TAG = word_template.BODY_TAG


def with_svg(document):
    """A copy of the document whose figures carry their chart as SVG markup."""
    document = copy.deepcopy(document)
    for block in document["blocks"]:
        if block["type"] == "figure" and block.get("chart"):
            # chart_svg escapes every text it draws from the data.
            svg = chart_svg(block["chart"], element_id=f"chart-{block['number']}")
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
        return "Draft: not yet published. Figures are from the data as it is now."
    version = f" (version {document['version']})" if document.get("version", 1) and document["version"] > 1 else ""
    return f"Published {document['published_on']}{version}."


def default_template():
    """The Word template PSW Hub ships, made with python-docx: a title block of fields and the body."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    styles = doc.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(12)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        styles[name].font.name = "Arial"
    doc.core_properties.title = "{{ title }}"
    doc.add_paragraph("{{ council }}")
    doc.add_paragraph("Report to {{ committee }}{% if meeting_date %}, {{ meeting_date }}{% endif %}")
    doc.add_paragraph("{% if agenda_item %}Agenda item: {{ agenda_item }}{% endif %}")
    doc.add_paragraph("{{ report_of }}").runs[0].bold = True
    doc.add_heading("{{ title }}", level=1)
    doc.add_paragraph("{{ services_label }}, {{ period_label }}")
    doc.add_paragraph("{{ status_line }}")
    doc.add_paragraph(BODY_TAG)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


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
    _write_body(body.subdocx, document)
    context = {name: document.get(name, "") for name in TEMPLATE_FIELDS}
    context.update(status_line=status_line(document), body=body)
    try:
        # Jinja's ImmutableSandboxedEnvironment with no globals, filters or tests (word_template.py).
        tpl.render(context, word_template.sandbox(), autoescape=True)
    except TemplateError:
        raise ValueError(word_template.TEMPLATE_NOT_SAFE) from None
    tpl.docx.core_properties.title = document["title"]
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def _style(doc, name, fallback="Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        return doc.styles[fallback]


def _write_body(doc, document):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches

    for block in document["blocks"]:
        kind = block["type"]
        if kind == "heading":
            doc.add_paragraph(block["text"], style=_style(doc, f"Heading {block['level']}"))
        elif kind == "paragraph":
            prefix = f"{block['number']}. " if block["number"] else ""
            doc.add_paragraph(f"{prefix}{block['text']}")
        elif kind == "figure":
            chart = block.get("chart")
            if chart:
                doc.add_paragraph(f"Figure {block['number']}: {chart['title']}", style=_style(doc, "Caption"))
                png, _, _ = chart_png(chart)
                shape = doc.add_picture(io.BytesIO(png), width=Inches(6.3))
                properties = shape._inline.docPr
                properties.set("descr", chart["description"])
                properties.set("title", chart["title"])
            table_data = block["table"]
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
            for note in block.get("notes", []):
                doc.add_paragraph(note)
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
