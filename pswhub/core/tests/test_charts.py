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
