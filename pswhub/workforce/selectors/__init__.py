"""Reads of the workforce census and HR imports, one module per responsibility; every public name
is read from `pswhub.workforce.selectors`.

- `lines`: census years and their worker lines, sorted into the groups the definitions use;
- `figures`: the DfE headline figures of a census year (`workforce_figures`, the one read of
  them) and their disclosure control;
- `kept`: figures kept in the cache until a year's lines change (docs/adr/0104);
- `profiles`: people counted by a census code, age band, sex and ethnicity;
- `in_period`: the census year whose 30 September falls in a period;
- `at_date`: the same figures at any date from the council's records (`workforce_figures_on`),
  for children's or adults' social workers, and month by month (`workforce_figures_by_month`);
- `imports`: HR extract uploads and column mappings."""

from .at_date import (
    NO_CENSUS_FOR_ADULTS,
    SERVICES,
    month_ends,
    records_held,
    twelve_months_to,
    workforce_figures_by_month,
    workforce_figures_on,
)
from .figures import (
    DERIVED_FROM,
    WORKING_DAYS_PER_FTE,
    figures_from,
    workforce_figures,
    workforce_figures_by_year,
    workforce_figures_for_publication,
)
from .imports import column_mapping_get, column_mappings, import_batches
from .in_period import census_year_in_period, census_year_number_in_period
from .kept import FIGURES_VERSION, kept_by_year
from .lines import (
    ALL_FIELDS,
    TREND_FIELDS,
    Line,
    Year,
    census_workers,
    census_year_get,
    census_years,
    in_post_on,
    year_lines,
)
from .profiles import AGE_BANDS, AGE_ORDER, SEX_NOT_KNOWN, age_band, people_by, profile_counts, sex_label

__all__ = [
    "AGE_BANDS",
    "AGE_ORDER",
    "ALL_FIELDS",
    "DERIVED_FROM",
    "FIGURES_VERSION",
    "NO_CENSUS_FOR_ADULTS",
    "SERVICES",
    "SEX_NOT_KNOWN",
    "TREND_FIELDS",
    "WORKING_DAYS_PER_FTE",
    "Line",
    "Year",
    "age_band",
    "census_workers",
    "census_year_get",
    "census_year_in_period",
    "census_year_number_in_period",
    "census_years",
    "column_mapping_get",
    "column_mappings",
    "figures_from",
    "import_batches",
    "in_post_on",
    "kept_by_year",
    "month_ends",
    "people_by",
    "profile_counts",
    "records_held",
    "sex_label",
    "twelve_months_to",
    "workforce_figures",
    "workforce_figures_by_month",
    "workforce_figures_by_year",
    "workforce_figures_for_publication",
    "workforce_figures_on",
    "year_lines",
]
