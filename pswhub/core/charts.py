"""Bar charts drawn on the server from one layout: SVG for pages and the PDF, PNG for Word.
Colours come from the Analysis Function palette; every bar is labelled with its series and
value, so no reader depends on colour. A suppressed value draws no bar and says so.

A chart is a mapping: `title`, `description` (its alt text), `categories`, `series`
(`[{"name": str, "values": [number | "c" | None]}]`) and optionally `unit`, `places` (decimal
places for the labels, so a rate of 10.0 reads "10.0") and `missing` (what a None value says, in
the labels and the table: by default "no figure" and a blank cell). Pages show a chart with a
table of the same data through `includes/chart.html`.

No label is ever cut: a category's name is wrapped onto as many lines as it needs within the
label column ("Requires improvement to be good" takes two), and the bars are scaled so that the
longest value label still ends inside the chart. The SVG has a viewBox and shrinks to fit its
column (`max-width: 100%` on pages and in the report).

A phone gets a layout of its own (`narrow_layout`), because the wide one shrunk to 375 px would
draw its text at about 5 px: 300 px wide, each category's name on a line above its bars, each
bar's label on a line above the bar, in larger text, so the text stays at 12 px or more. Pages
and the report's HTML carry both SVGs (`chart_svgs`) and show one by the width of the screen
(`app-chart--wide`, `app-chart--narrow`: the narrow one below 30em); print, the PDF and Word use
the wide one."""

import io
from html import escape

from pswhub.core.presenters import SUPPRESSED, number

PALETTE = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"]
TEXT = "#0b0c0c"
WIDTH = 680
LABEL_WIDTH = 190
BAR_HEIGHT = 20
BAR_GAP = 4
GROUP_GAP = 14
TOP = 12
FONT_SIZE = 13
LINE_HEIGHT = 16
# Widths of text worked out from the number of characters: generous for Arial (about 0.5 em a
# character on average), so a label measured this way always fits where it is drawn.
CHAR_WIDTH = FONT_SIZE * 0.6
BOLD_CHAR_WIDTH = FONT_SIZE * 0.66
LABEL_PADDING = 8
VALUE_GAP = 6
MIN_BAR_ROOM = 160


def text_width(text, *, bold=False):
    return len(text) * (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)


def wrap(text, width, *, bold=False):
    """The words of `text` on lines no wider than `width` pixels (a word longer than a line is
    broken with a hyphen)."""
    most = max(int(width // (BOLD_CHAR_WIDTH if bold else CHAR_WIDTH)), 2)
    lines, line = [], ""
    for word in str(text).split():
        while len(word) > most:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[: most - 1] + "-")
            word = word[most - 1 :]
        candidate = f"{line} {word}".strip()
        if len(candidate) <= most:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _numeric(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _label(value, chart):
    if value == SUPPRESSED:
        return "c (too small to show)"
    if value is None:
        return chart.get("missing", "no figure")
    return _shown(value, chart.get("places")) + ("%" if chart.get("unit") == "%" else "")


def _shown(value, places):
    return number(value, places) if places is not None and _numeric(value) else number(value)


def chart_table(chart):
    """The chart's data as rows for a table: one row per category, one column per series."""
    head = ["", *[series["name"] for series in chart["series"]]]
    rows = []
    for index, category in enumerate(chart["categories"]):
        cells = []
        for series in chart["series"]:
            value = series["values"][index]
            cells.append(chart.get("missing", "") if value is None else _shown(value, chart.get("places")))
        rows.append([str(category), *cells])
    return {"head": head, "rows": rows}


def layout(chart):
    """Rectangles and labels in pixels, shared by the SVG and the PNG. Category names are wrapped
    within the label column; bars are scaled so the longest value label ends inside the width."""
    values = [value for series in chart["series"] for value in series["values"] if _numeric(value)]
    top_value = max(values) if values and max(values) > 0 else 1
    value_texts = [
        f"{series['name']}: {_label(value, chart)}" for series in chart["series"] for value in series["values"]
    ]
    value_room = max([text_width(text) for text in value_texts] + [0]) + VALUE_GAP + 4
    bar_room = max(WIDTH - LABEL_WIDTH - value_room, MIN_BAR_ROOM)
    width = max(WIDTH, LABEL_WIDTH + bar_room + value_room)
    scale = bar_room / top_value
    bars, labels, y = [], [], TOP
    for index, category in enumerate(chart["categories"]):
        group_top = y
        for position, series in enumerate(chart["series"]):
            value = series["values"][index]
            colour = PALETTE[position % len(PALETTE)]
            length = max(value * scale, 1 if value else 0) if _numeric(value) else 0
            bars.append({"x": LABEL_WIDTH, "y": y, "width": length, "height": BAR_HEIGHT, "colour": colour})
            labels.append(
                {
                    "x": LABEL_WIDTH + length + VALUE_GAP,
                    "y": y + BAR_HEIGHT - 6,
                    "text": f"{series['name']}: {_label(value, chart)}",
                    "anchor": "start",
                }
            )
            y += BAR_HEIGHT + BAR_GAP
        bars_bottom = y - BAR_GAP
        name_lines = wrap(str(category), LABEL_WIDTH - LABEL_PADDING, bold=True)
        names_height = len(name_lines) * LINE_HEIGHT
        bottom = max(bars_bottom, group_top + names_height)
        first = (group_top + bottom) / 2 - names_height / 2 + LINE_HEIGHT - 4
        for row, line in enumerate(name_lines):
            labels.append(
                {
                    "x": LABEL_WIDTH - LABEL_PADDING,
                    "y": first + row * LINE_HEIGHT,
                    "text": line,
                    "anchor": "end",
                    "bold": True,
                }
            )
        y = bottom + BAR_GAP + GROUP_GAP
    return {"width": width, "height": y + 4, "bars": bars, "labels": labels}


NARROW_WIDTH = 300
NARROW_FONT_SIZE = 14
NARROW_LINE_HEIGHT = 18
NARROW_BAR_HEIGHT = 12


def narrow_layout(chart):
    """The layout for a phone: one column 300 px wide. Each category's name (bold, wrapped), then
    for each series its label ("2025/26: 66.7%", wrapped) with the bar beneath it, the bars scaled
    to the full width. Nothing stands beside a bar, so nothing needs to be squeezed."""
    # `wrap` measures at the wide layout's size; the same text at the larger size takes this room.
    room = NARROW_WIDTH * FONT_SIZE / NARROW_FONT_SIZE
    values = [value for series in chart["series"] for value in series["values"] if _numeric(value)]
    top_value = max(values) if values and max(values) > 0 else 1
    scale = (NARROW_WIDTH - 2) / top_value
    bars, labels, y = [], [], TOP
    for index, category in enumerate(chart["categories"]):
        for line in wrap(str(category), room, bold=True):
            y += NARROW_LINE_HEIGHT
            labels.append({"x": 0, "y": y - 4, "text": line, "anchor": "start", "bold": True})
        for position, series in enumerate(chart["series"]):
            value = series["values"][index]
            for line in wrap(f"{series['name']}: {_label(value, chart)}", room):
                y += NARROW_LINE_HEIGHT
                labels.append({"x": 0, "y": y - 4, "text": line, "anchor": "start"})
            length = max(value * scale, 1 if value else 0) if _numeric(value) else 0
            colour = PALETTE[position % len(PALETTE)]
            bars.append({"x": 0, "y": y, "width": length, "height": NARROW_BAR_HEIGHT, "colour": colour})
            y += NARROW_BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    return {
        "width": NARROW_WIDTH,
        "height": y,
        "bars": bars,
        "labels": labels,
        "font_size": NARROW_FONT_SIZE,
    }


def chart_svgs(chart, *, element_id):
    """Both SVGs, the wide one and the phone's, for a page or the report's HTML: the page's
    styles show one of them (`app-chart--wide` and `app-chart--narrow`)."""
    return chart_svg(chart, element_id=element_id) + chart_svg(chart, element_id=f"{element_id}-narrow", narrow=True)


def chart_svg(chart, *, element_id, narrow=False):
    """An SVG with a title and description, named by them for assistive technology."""
    drawn = narrow_layout(chart) if narrow else layout(chart)
    font_size = drawn.get("font_size", FONT_SIZE)
    kind = "app-chart--narrow" if narrow else "app-chart--wide"
    title_id, desc_id = f"{element_id}-title", f"{element_id}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart {kind}" role="img" width="{drawn["width"]:.0f}" '
        f'height="{drawn["height"]:.0f}" viewBox="0 0 {drawn["width"]:.0f} {drawn["height"]:.0f}" '
        f'aria-labelledby="{title_id} {desc_id}">',
        f'<title id="{title_id}">{escape(chart["title"])}</title>',
        f'<desc id="{desc_id}">{escape(chart["description"])}</desc>',
    ]
    if not narrow:
        parts.append(
            f'<line x1="{LABEL_WIDTH}" y1="{TOP - 4}" x2="{LABEL_WIDTH}" y2="{drawn["height"] - 8:.0f}" '
            f'stroke="{TEXT}" />'
        )
    for bar in drawn["bars"]:
        if bar["width"]:
            parts.append(
                f'<rect x="{bar["x"]}" y="{bar["y"]}" width="{bar["width"]:.1f}" height="{bar["height"]}" '
                f'fill="{bar["colour"]}" />'
            )
    for label in drawn["labels"]:
        weight = ' font-weight="bold"' if label.get("bold") else ""
        parts.append(
            f'<text x="{label["x"]:.1f}" y="{label["y"]:.1f}" text-anchor="{label["anchor"]}" '
            f'font-family="Arial, sans-serif" font-size="{font_size}" fill="{TEXT}"{weight}>'
            f"{escape(label['text'])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def chart_png(chart, *, scale=2):
    """The same chart as a PNG, for Word."""
    from PIL import Image, ImageDraw, ImageFont

    drawn = layout(chart)
    image = Image.new("RGB", (round(drawn["width"] * scale), int(drawn["height"] * scale)), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=FONT_SIZE * scale)
    draw.line(
        [(LABEL_WIDTH * scale, (TOP - 4) * scale), (LABEL_WIDTH * scale, (drawn["height"] - 8) * scale)],
        fill=TEXT,
        width=scale,
    )
    for bar in drawn["bars"]:
        if bar["width"]:
            x, y = bar["x"] * scale, bar["y"] * scale
            draw.rectangle([x, y, x + bar["width"] * scale, y + bar["height"] * scale], fill=bar["colour"])
    for label in drawn["labels"]:
        anchor = "rs" if label["anchor"] == "end" else "ls"
        draw.text((label["x"] * scale, label["y"] * scale), label["text"], fill=TEXT, font=font, anchor=anchor)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue(), drawn["width"], drawn["height"]
