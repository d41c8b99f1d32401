"""Charts on a phone (375 px wide): the page shows the chart's narrow layout, whose text is drawn
at 12 CSS px or more once the SVG is scaled to the screen, nothing in it is cut, and the page is
no wider than the screen. Checked on the report's HTML file and on the councillor's audit
dashboard, with axe on both."""

from datetime import date

import pytest

from pswhub.core.periods import Period
from pswhub.reporting import outputs, services
from tests.browser.conftest import (  # noqa: F401  (fixtures used by name)
    assert_no_axe_violations,
    browser,
    demo_council,
    page,
    reference_data_restored,
    serialized_database,
    sign_in,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
SMALLEST = 12
# For each chart drawn on the page: how many there are, the smallest text in CSS pixels as
# rendered (the font size times the SVG's scale), and the texts that fall outside the SVG's box.
MEASURE = """() => [...document.querySelectorAll('svg.app-chart')]
    .filter(svg => svg.getBoundingClientRect().width > 0)
    .map(svg => {
        const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal, scale = box.width / view.width;
        const texts = [...svg.querySelectorAll('text')];
        return {
            id: svg.id || svg.getAttribute('aria-labelledby'),
            left: box.left, right: box.right,
            smallest: Math.min(...texts.map(text => parseFloat(getComputedStyle(text).fontSize) * scale)),
            rendered: Math.min(...texts.map(text => text.getBoundingClientRect().height)),
            cut: texts.filter(text => { const b = text.getBBox(); return b.x < 0 || b.x + b.width > view.width; })
                .map(text => text.textContent),
        };
    })"""


def assert_charts_legible(tab, where):
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], where
    charts = tab.evaluate(MEASURE)
    assert charts, f"{where}: no chart is shown"
    for chart in charts:
        assert chart["left"] >= 0 and chart["right"] <= PHONE["width"], (where, chart)
        assert chart["smallest"] >= SMALLEST, (where, chart)
        # The text's own box is as tall as its font or more: nothing shrinks it further.
        assert chart["rendered"] >= SMALLEST, (where, chart)
        assert chart["cut"] == [], (where, chart)
    return charts


def test_chart_text_stays_legible_on_a_phone(reference_data_restored, page, demo_council):  # noqa: F811
    page.set_viewport_size(PHONE)

    # The report's HTML file, as the PSW downloads it.
    document = services.command_document(period=Period(date(2025, 4, 1), date(2026, 3, 31)), services="all")
    page.set_content(outputs.render_html(document).decode("utf-8"))
    report_charts = assert_charts_legible(page, "report")
    assert len(report_charts) >= 5
    assert_no_axe_violations(page)

    # The councillor's audit dashboard.
    sign_in(page, "demo-councillor")
    page.goto("/audits/?year=2025")
    assert len(assert_charts_legible(page, "audit dashboard")) >= 3
    assert_no_axe_violations(page)

    # On a wide screen the wide layout is shown instead, and the narrow one not at all.
    page.set_viewport_size({"width": 1280, "height": 900})
    shown = page.evaluate(
        "[...document.querySelectorAll('svg.app-chart')].filter(s => s.getBoundingClientRect().width > 0)"
        ".map(s => s.classList.contains('app-chart--narrow'))"
    )
    assert shown and not any(shown)
