"""The audit dashboard's charts, as mappings for `includes/chart.html` (pswhub/core/charts.py),
built from the figures `selectors.audit_dashboard` gives. A suppressed figure stays `c`, so the
chart draws no bar for it and its table shows `c`."""

from decimal import Decimal

# The chart of themes over the years shows the most named; the table below it lists every one.
THEMES_CHARTED = 6
# Category labels must fit in the chart's label column (pswhub/core/charts.py LABEL_WIDTH).
SHORT_GRADE_NAMES = {"requires_improvement": "Requires improvement"}


def chart_value(value):
    return float(value) if isinstance(value, Decimal) else value


def grades_chart(*, figures, grade_names, label, previous_label):
    return {
        "title": f"Overall grades of completed audits, {previous_label} and {label}",
        "description": (
            f"Bar chart of completed audits by final grade, {previous_label} against {label}. "
            "The table below gives the same figures."
        ),
        "categories": [SHORT_GRADE_NAMES.get(code, name) for code, name in grade_names],
        "series": [
            {"name": previous_label, "values": [figures["previous"]["by_grade"][code] for code, _ in grade_names]},
            {"name": label, "values": [figures["current"]["by_grade"][code] for code, _ in grade_names]},
        ],
    }


def good_or_better_trend_chart(trend):
    return {
        "title": "Completed audits graded good or better, per cent, by financial year",
        "description": (
            "Bar chart of the percentage of completed audits graded outstanding or good in each financial "
            "year. The table below gives the same figures."
        ),
        "categories": [entry["label"] for entry in trend],
        "series": [
            {"name": "Good or better (%)", "values": [chart_value(entry["good_or_better_pct"]) for entry in trend]}
        ],
        "places": 1,
    }


def theme_trend_chart(theme_trend):
    themes = theme_trend["themes"][:THEMES_CHARTED]
    return {
        "title": f"The {len(themes)} learning themes named most often, audits naming each by financial year",
        "description": (
            "Bar chart of how many completed audits named each of the most frequent learning themes in "
            "each financial year. The table below gives the same figures; the next table lists every theme."
        ),
        "categories": [theme["name"] for theme in themes],
        "series": [
            {"name": label, "values": [theme["counts"][year] for theme in themes]}
            for year, label in zip(theme_trend["years"], theme_trend["labels"], strict=True)
        ],
    }


def service_chart(*, by_service, label, previous_label):
    return {
        "title": f"Completed audits by service, {previous_label} and {label}",
        "description": (
            f"Bar chart of completed audits in each service, {previous_label} against {label}. "
            "The table below gives the same figures."
        ),
        "categories": [row["service"] for row in by_service["current"]],
        "series": [
            {"name": previous_label, "values": [row["completed"] for row in by_service["previous"]]},
            {"name": label, "values": [row["completed"] for row in by_service["current"]]},
        ],
    }


def dashboard_charts(context):
    """Every chart on the dashboard, keyed by where it goes."""
    charts = {
        "grades": grades_chart(
            figures=context["figures"],
            grade_names=context["grade_names"],
            label=context["label"],
            previous_label=context["previous_label"],
        ),
        "trend": good_or_better_trend_chart(context["trend"]),
        "services": service_chart(
            by_service=context["by_service"], label=context["label"], previous_label=context["previous_label"]
        ),
    }
    if context["theme_trend"]["themes"]:
        charts["themes"] = theme_trend_chart(context["theme_trend"])
    return charts
