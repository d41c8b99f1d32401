"""Census-year figures kept in the cache until the year's lines change (docs/adr/0104).

A census year is a snapshot of its return, so what is worked out from its lines holds until a
census import changes them (`CensusYear.lines_changed_at`) or a team changes (team names and the
teams beneath a team are part of the figures). Figures are kept before disclosure control, which
each reader applies."""

from django.core.cache import cache
from django.db.models import Max

from pswhub.core.models import Team

# Raise when a definition changes, so that figures kept from before are worked out again.
FIGURES_VERSION = 2


def kept_by_year(census_years, part, work_out):
    """{census year id: value} of `part` for each census year, read in one cache query so that
    the number of queries does not grow with the years; `work_out(years)` works out the missing
    ones in one go, and they are kept. A year whose lines carry no change stamp (written outside
    the census import) is worked out every time, never kept."""
    keys = {}
    team_changed = Team.history.aggregate(last=Max("history_date"))["last"]
    for year in census_years:
        if year.lines_changed_at is not None:
            stamp = f"{year.lines_changed_at.timestamp()}:{team_changed.timestamp() if team_changed else 0}"
            keys[year.pk] = f"workforce:{part}:{FIGURES_VERSION}:{year.pk}:{stamp}"
    kept = cache.get_many(list(keys.values())) if keys else {}
    found = {pk: kept[key] for pk, key in keys.items() if key in kept}
    missing = [year for year in census_years if year.pk not in found]
    if missing:
        worked_out = work_out(missing)
        cache.set_many({keys[pk]: value for pk, value in worked_out.items() if pk in keys}, timeout=None)
        found |= worked_out
    return found
