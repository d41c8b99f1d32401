from django.shortcuts import render

from pswhub.core import disclosure
from pswhub.core.selectors import authority_get
from pswhub.core.views import require

from . import presenters, selectors


def dashboard(request):
    require(request, "workforce.view_dashboard")
    unsuppressed = request.user.has_perm("workforce.view_unsuppressed_figures")
    authority = authority_get()
    years = list(selectors.census_years(authority=authority)) if authority else []
    latest, previous = (years[-1] if years else None), (years[-2] if len(years) > 1 else None)
    trend = selectors.workforce_trend(authority=authority) if latest else []
    if not unsuppressed:
        trend = [selectors.workforce_figures_for_publication(figures) for figures in trend]
    context = {"latest": latest, "previous": previous, "unsuppressed": unsuppressed}
    if latest:
        by_year = {figures["year"]: figures for figures in trend}
        leavers = selectors.leavers_by_reason(census_year=latest)
        context |= {
            "headlines": presenters.headline_rows(
                by_year[latest.year], by_year.get(previous.year) if previous else None
            ),
            "trend_head": presenters.trend_head(),
            "trend_rows": presenters.trend_rows(trend),
            "leavers_by_reason": leavers if unsuppressed else disclosure.suppress_counts(leavers),
            "equality": selectors.equality_profile(census_year=latest)
            if request.user.has_perm("workforce.view_equality")
            else None,
            "suppression_threshold": disclosure.threshold(),
        }
    return render(request, "workforce/dashboard.html", context)
