"""Tables in the Word file, sized to the page: each column at least as wide as its longest word
(so Word never breaks a word such as "Nottinghamshire" across lines), the rest of the width to the
first column, where the figure's name is. A table that does not fit the page at the body's size
is set in smaller text, and one that does not fit even then (the benchmarks beside three
comparator councils, say) gets a landscape page of its own: a section break before and after it,
with the template's page size, margins, header and footer.

Widths are worked out from the number of characters, generously for Arial (0.55 em a character,
0.62 em in bold), as the charts measure their labels."""

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

# (font size in points, landscape): tried in order until the table fits.
SETTINGS = [(11, False), (9, False), (9, True)]
EM, BOLD_EM = 0.55, 0.62
CELL_MARGIN = 57  # twentieths of a point each side of a cell's text: 0.1 cm
TWIPS_PER_POINT = 20


def _word_width(word, size, *, bold=False):
    return round(len(word) * (BOLD_EM if bold else EM) * size * TWIPS_PER_POINT)


def minimum_widths(table_data, size):
    """Each column's narrowest width in twips: its longest word, the header's in bold, plus the
    cell's margins."""
    widths = []
    for index, head in enumerate(table_data["head"]):
        words = [(word, True) for word in str(head).split()]
        words += [(word, False) for row in table_data["rows"] for word in str(row[index]).split()]
        longest = max([_word_width(word, size, bold=bold) for word, bold in words] + [0])
        widths.append(longest + 2 * CELL_MARGIN)
    return widths


def _full_width(table_data, index, size):
    """The width a column would take with no line wrapped."""
    texts = [(str(table_data["head"][index]), True)] + [(str(row[index]), False) for row in table_data["rows"]]
    return max(_word_width(text, size, bold=bold) for text, bold in texts) + 2 * CELL_MARGIN


def layout(table_data, *, portrait_width, landscape_width):
    """(font size, landscape, column widths in twips) for the first setting the table fits."""
    for size, landscape in SETTINGS:
        usable = landscape_width if landscape else portrait_width
        widths = minimum_widths(table_data, size)
        if sum(widths) <= usable:
            break
    spare = max(usable - sum(widths), 0)
    # The spare width goes first to the columns that would otherwise wrap, the first (the figure's
    # name) first, then evenly to all.
    for index in range(len(widths)):
        more = min(spare, max(_full_width(table_data, index, size) - widths[index], 0))
        widths[index] += more
        spare -= more
    if spare > 0:
        widths = [width + spare // len(widths) for width in widths]
    return size, landscape, widths


def page_widths(page_setup):
    """(portrait, landscape) width between the margins, in twips, from a section's properties."""
    size, margins = page_setup.find(qn("w:pgSz")), page_setup.find(qn("w:pgMar"))
    short, long = sorted((int(size.get(qn("w:w"))), int(size.get(qn("w:h")))))
    sides = int(margins.get(qn("w:left"))) + int(margins.get(qn("w:right")))
    return short - sides, long - sides


def section_break(doc, page_setup, *, landscape):
    """A paragraph that ends the section so far, with the template's page setup turned to
    `landscape` or portrait. The header and footer references are kept, so every page has them."""
    properties = copy.deepcopy(page_setup)
    for title_page in properties.findall(qn("w:titlePg")):
        properties.remove(title_page)
    size = properties.find(qn("w:pgSz"))
    short, long = sorted((int(size.get(qn("w:w"))), int(size.get(qn("w:h")))))
    size.set(qn("w:w"), str(long if landscape else short))
    size.set(qn("w:h"), str(short if landscape else long))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif size.get(qn("w:orient")) is not None:
        del size.attrib[qn("w:orient")]
    paragraph = doc.add_paragraph()
    paragraph._p.get_or_add_pPr().append(properties)
    return paragraph


def size_table(table, widths, font_size):
    """Fixed column widths and the font size on every run of the table."""
    table.autofit = False
    properties = table._tbl.tblPr
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    properties.append(fixed)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_MARGIN))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
        for cell in column.cells:
            cell.width = Twips(width)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(font_size)
