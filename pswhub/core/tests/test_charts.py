from django.template import engines

from pswhub.core.charts import chart_svg, chart_table

RATES = {
    "title": "Turnover rate",
    "description": "Bar chart of the turnover rate: 10.0% in 2024 and 12.5% in 2025.",
    "categories": ["2024", "2025"],
    "series": [{"name": "Turnover rate (%)", "values": [10.0, 12.5]}],
    "places": 1,
}


def test_a_rate_is_labelled_with_its_decimal_place():
    svg = chart_svg(RATES, element_id="turnover")

    assert "Turnover rate (%): 10.0</text>" in svg
    assert "Turnover rate (%): 12.5</text>" in svg


def test_a_suppressed_value_draws_no_bar_and_says_so():
    chart = RATES | {"series": [{"name": "Leavers", "values": ["c", 7]}], "places": None}

    svg = chart_svg(chart, element_id="leavers")

    assert svg.count("<rect") == 1
    assert "Leavers: c (too small to show)" in svg


def test_the_table_has_the_same_figures_as_the_chart():
    assert chart_table(RATES) == {
        "head": ["", "Turnover rate (%)"],
        "rows": [["2024", "10.0"], ["2025", "12.5"]],
    }


def test_a_page_shows_the_chart_with_its_table_and_escapes_the_data():
    chart = RATES | {"title": "Turnover <rate>"}
    template = engines["jinja2"].from_string(
        '{% from "includes/chart.html" import chart_figure %}{{ chart_figure(chart, "turnover") }}'
    )

    html = template.render({"chart": chart})

    assert 'aria-labelledby="turnover-chart-title turnover-chart-desc"' in html
    assert '<title id="turnover-chart-title">Turnover &lt;rate&gt;</title>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">12.5</td>' in html


AUDITS = {
    "title": "Overall grades",
    "description": "Bar chart of grades.",
    "categories": ["Outstanding", "Requires improvement to be good"],
    "series": [
        {"name": "Children's services 2024/25", "values": [3, "c"]},
        {"name": "Children's services 2025/26", "values": [12, 0]},
    ],
}


def test_a_phone_gets_a_narrow_layout_with_larger_text_and_labels_above_the_bars():
    from pswhub.core.charts import NARROW_FONT_SIZE, NARROW_WIDTH, chart_svgs, narrow_layout

    drawn = narrow_layout(AUDITS)
    assert (drawn["width"], drawn["font_size"]) == (300, 14)
    texts = [label["text"] for label in drawn["labels"]]
    # Each category's name comes first, then each series' label above its bar; nothing beside a bar.
    assert texts[:3] == ["Outstanding", "Children's services 2024/25: 3", "Children's services 2025/26: 12"]
    assert "Children's services 2024/25: c (too small to show)" not in texts  # 48 characters: wrapped
    assert "Children's services 2024/25: c (too" in texts and "small to show)" in texts
    for label in drawn["labels"]:
        # Measured as the wide layout measures (0.6 em a character, 0.66 in bold, generous for
        # Arial) at 14 px, every line ends inside 300 px.
        em = 0.66 if label.get("bold") else 0.6
        assert label["x"] == 0 and len(label["text"]) * NARROW_FONT_SIZE * em <= NARROW_WIDTH, label
    first_bar = drawn["bars"][0]
    assert first_bar["y"] > drawn["labels"][1]["y"] and first_bar["width"] == (NARROW_WIDTH - 2) * 3 / 12
    # The largest value's bar spans the width; a suppressed value draws none.
    assert [bar["width"] for bar in drawn["bars"]] == [74.5, 298.0, 0, 0]
    both = chart_svgs(AUDITS, element_id="grades")
    assert both.count("<svg") == 2
    assert 'class="app-chart app-chart--wide"' in both and 'class="app-chart app-chart--narrow"' in both
    assert 'aria-labelledby="grades-narrow-title grades-narrow-desc"' in both
    assert 'font-size="14"' in both and 'font-size="13"' in both
