"""The workforce figures' sub-pages (docs/workforce.md, "Pages"): the summary (`views.dashboard`)
links to Trends, Breakdowns, Equality and England comparison, which show a census year's figures
from the one `dashboard.dashboard_data`, and to At a date and Month by month, which show the
figures from the council's records (`selectors.workforce_figures_on`, `..._by_month`) for
children's and adults' social workers. Each page checks its own permission (rules.py)."""

from django import forms
from django.shortcuts import render
from django.utils import timezone

from pswhub.core import disclosure
from pswhub.core.forms_render import GovukDateField
from pswhub.core.presenters import govuk_date
from pswhub.core.views import require

from . import dashboard as workforce_dashboard
from . import national, presenters, selectors
from .views import _dashboard_year

SERVICE_CHOICES = [("children", "Children's social workers"), ("adults", "Adults' social workers")]


def census_year_context(request):
    """What every census-year sub-page shows: the years held, the one chosen (`?year=`), the
    reader's disclosure control and, when a year is held, its tables and charts."""
    require(request, "workforce.view_dashboard")
    years, census_year = _dashboard_year(request)
    reader = workforce_dashboard.Reader.of(request.user)
    context = {
        "latest": census_year,
        "years": [year.year for year in reversed(years)],
        "unsuppressed": reader.unsuppressed,
        "suppression_threshold": disclosure.threshold(),
        "small_base_note": presenters.SMALL_BASE_NOTE,
    }
    if census_year:
        data = workforce_dashboard.dashboard_data(census_year=census_year, years=years, reader=reader)
        context |= {
            "previous": data["previous"],
            "tables": {table.key: presenters.table_view(table) for table in workforce_dashboard.dashboard_tables(data)},
            "charts": workforce_dashboard.dashboard_charts(data),
            "england_sources": national.england_sources(),
        }
    return context


def _census_page(template):
    def view(request):
        return render(request, template, census_year_context(request))

    view.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html")
    return view


trends = _census_page("workforce/trends.html")
breakdowns = _census_page("workforce/breakdowns.html")
england = _census_page("workforce/england.html")


def equality(request):
    require(request, "workforce.view_equality")
    return render(request, "workforce/equality.html", census_year_context(request))


class AtDateForm(forms.Form):
    on = GovukDateField(required=False, label="Show the figures at", help_text="For example, 31 3 2026")


class MonthlyForm(forms.Form):
    service = forms.ChoiceField(choices=SERVICE_CHOICES, required=False, label="Social workers")


def at_date(request):
    """Children's and adults' figures at a date side by side (today unless asked)."""
    require(request, "workforce.view_figures_at_date")
    form = AtDateForm(request.GET or None)
    context = {"form": form, "no_census_for_adults": selectors.NO_CENSUS_FOR_ADULTS}
    if form.is_bound and not form.is_valid():
        # An impossible date is refused with its message; another day's figures would mislead.
        return render(request, "workforce/at_date.html", context)
    on = (form.cleaned_data["on"] if form.is_bound else None) or timezone.localdate()
    columns = [selectors.workforce_figures_on(on=on, service=service) for service, _ in SERVICE_CHOICES]
    context |= {
        "on": on,
        "period_start": columns[0]["period_start"],
        "head": ["Figure", *(label for _, label in SERVICE_CHOICES)],
        "rows": presenters.at_date_rows(columns),
        "counted_on": [figures["caseloads_counted_on"] for figures in columns],
    }
    return render(request, "workforce/at_date.html", context)


def _monthly_chart(trend, name, title, service_label):
    values = [None if row[name] is None else float(row[name]) for row in trend]
    months = [f"{row['reference_date']:%b %Y}" for row in trend]
    described = "; ".join(
        f"{month}: {'no figure' if value is None else f'{value:,.1f}'}"
        for month, value in zip(months, values, strict=True)
    )
    return {
        "id": f"monthly-{name.replace('_', '-')}",
        "title": f"{title}, {service_label.lower()}, at each month end",
        "description": f"Bar chart of the {title.lower()} at each month end. {described}.",
        "categories": months,
        "series": [{"name": service_label, "values": values}],
        "places": 1,
    }


def monthly(request):
    """The figures at each of the last 24 month ends, for one service's social workers."""
    require(request, "workforce.view_figures_at_date")
    form = MonthlyForm(request.GET or None)
    service = form.cleaned_data["service"] if form.is_valid() and form.cleaned_data["service"] else "children"
    label = dict(SERVICE_CHOICES)[service]
    trend = selectors.workforce_figures_by_month(until=timezone.localdate(), service=service)
    context = {
        "form": form,
        "service": service,
        "service_label": label,
        "head": ["Month end", *(heading for _, heading, _ in presenters.MONTHLY)],
        "rows": presenters.monthly_rows(trend),
        "first": govuk_date(trend[0]["reference_date"]),
        "last": govuk_date(trend[-1]["reference_date"]),
        "charts": [
            _monthly_chart(trend, "fte_in_post", "FTE in post", label),
            _monthly_chart(trend, "turnover_rate", "Turnover rate over the 12 months, per cent", label),
        ],
        "no_census_for_adults": selectors.NO_CENSUS_FOR_ADULTS if service == "adults" else "",
    }
    return render(request, "workforce/monthly.html", context)
