"""Reads: the council beside its region, England and the comparator councils for each census
figure, with its rank among councils.

How the council is found in DfE's figures: `Authority.la_code` is the three-digit DfE code a
census return's LEA element carries, which is the file's `old_la_code` (a merged council's row
carries both codes, "940 / 941", and matches either). The council's figure for a year is DfE's
published one when the file has the council's row for that year; otherwise it is the council's
own census figure as PSW Hub holds it (workforce), computed with DfE's definitions. Its region
is the file's (London's councils, listed by DfE under Inner or Outer London, compare with
London), or the one the PSW chose when the file does not list the council.

Every value is (Decimal or None, why not): a missing value always says why (DfE's symbol, not
held, no row). DfE publishes these figures for every council, so none is ever suppressed
(core.disclosure, subject DFE_PUBLISHED)."""

from dataclasses import dataclass

from pswhub.core import disclosure

from . import dfe
from .models import AreaFigures, BenchmarkSettings, Comparator

NO_ROW = "DfE has published no figures for {name} for {year}"
NOT_HELD = "not held for this council"
NO_REGION = "no region chosen"

# The council's own census figures (workforce.selectors.workforce_figures), by DfE's column.
HELD_FIGURES = {
    "inpost_fte": "fte_in_post",
    "inpost_headcount": "headcount_in_post",
    "starters_headcount": "starters_headcount",
    "leavers_fte": "leavers_fte",
    "leavers_headcount": "leavers_headcount",
    "turnover_rate_fte": "turnover_rate",
    "agency_fte": "agency_fte",
    "agency_headcount": "agency_headcount",
    "agency_rate_fte": "agency_rate",
    "agency_cover_fte": "agency_cover_fte",
    "agency_cover_rate_fte": "agency_cover_rate",
    "vacancy_fte": "vacancy_fte",
    "vacancy_rate_fte": "vacancy_rate",
    "vacancy_agency_cover_rate_fte": "vacancies_covered_rate",
    "case_holders_fte": "case_holder_fte",
    "cases": "cases",
    "caseload_fte": "average_caseload",
    "working_days_lost_fte": "working_days_lost",
    "absence_rate_fte": "absence_rate",
}


@dataclass(frozen=True)
class Value:
    number: object  # Decimal, int or None
    reason: str = ""  # why there is no number


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def years_held():
    """Census years with DfE figures for England, newest first."""
    return sorted(set(AreaFigures.objects.filter(level=dfe.NATIONAL).values_list("year", flat=True)), reverse=True)


def council_codes():
    """{DfE code as the file gives it: latest name} for every council in the figures."""
    names = {}
    for code, name in (
        AreaFigures.objects.filter(level=dfe.LOCAL_AUTHORITY).order_by("year").values_list("code", "name")
    ):
        names[code] = name
    return dict(sorted(names.items(), key=lambda item: item[1]))


def regions():
    """{ONS code: name} of the regions in the figures, London's sub-regions left out."""
    rows = AreaFigures.objects.filter(level=dfe.REGIONAL).exclude(code__in=dfe.REGION_OF_SUBREGION)
    return dict(sorted(set(rows.values_list("code", "name")), key=lambda item: item[0]))


def council_code(authority):
    """The code of the council's row in DfE's figures, or None when the file does not list it."""
    if authority is None:
        return None
    for code in council_codes():
        if authority.la_code in dfe.la_codes(code):
            return code
    return None


def comparator_codes():
    return list(Comparator.objects.values_list("code", flat=True))


def _value(row, column, name, year):
    if row is None:
        return Value(None, NO_ROW.format(name=name, year=year))
    number, reason = dfe.value_of(row.values.get(column, ""))
    return Value(number, reason)


def _held_figures(authority, year):
    """The council's own census figures for `year` as PSW Hub holds them, or None."""
    from pswhub.workforce import selectors as workforce

    census_year = workforce.census_year_get(authority=authority, year=year)
    return workforce.workforce_figures(census_year=census_year) if census_year else None


def _rank(column, value, council_rows, counted_in_file):
    """(position, of): 1 is the lowest value; councils with the same value share a position.
    `counted_in_file` says whether the council's own value is one of `council_rows` already."""
    numbers = [
        number for number in (dfe.value_of(row.values.get(column, ""))[0] for row in council_rows) if number is not None
    ]
    if value.number is None or not numbers:
        return None
    position = 1 + sum(1 for number in numbers if number < value.number)
    return position, len(numbers) + (0 if counted_in_file else 1)


def rank_text(rank):
    if rank is None:
        return ""
    position, of = rank
    return f"{ordinal(position)} lowest of {of}"


def benchmark(*, authority, year):
    """Every census figure of `year`: the council, its region, England, the comparator councils and
    the council's rank among councils. A dict, or None when DfE's figures for England are not held
    for `year`."""
    rows = list(AreaFigures.objects.filter(year=year))
    england = next((row for row in rows if row.level == dfe.NATIONAL), None)
    if england is None:
        return None
    councils = {row.code: row for row in rows if row.level == dfe.LOCAL_AUTHORITY}
    code = council_code(authority)
    council_row = councils.get(code) if code else None
    held = None if council_row else (_held_figures(authority, year) if authority else None)
    region_code = _region_code(code, council_row)
    region = next((row for row in rows if row.level == dfe.REGIONAL and row.code == region_code), None)
    comparators = [
        {
            "code": comparator,
            "name": councils[comparator].name if comparator in councils else comparator,
            "row": councils.get(comparator),
        }
        for comparator in comparator_codes()
        if comparator != code
    ]
    council_name = authority.name if authority else "The council"
    figures = []
    for column, label, kind, ranked in dfe.FIGURES:
        if council_row is not None:
            council = _value(council_row, column, council_name, year)
        elif held is not None and column in HELD_FIGURES and held.get(HELD_FIGURES[column]) is not None:
            council = Value(held[HELD_FIGURES[column]])
        elif held is not None:
            council = Value(None, NOT_HELD)
        else:
            council = Value(None, NO_ROW.format(name=council_name, year=year))
        figures.append(
            {
                "figure": column,
                "label": label,
                "kind": kind,
                "council": council,
                "region": _value(region, column, region.name, year) if region else Value(None, NO_REGION),
                "england": _value(england, column, "England", year),
                "rank": _rank(column, council, councils.values(), council_row is not None) if ranked else None,
                "ranked": ranked,
                "comparators": [_value(c["row"], column, c["name"], year) for c in comparators],
            }
        )
    return {
        "year": year,
        "council": {"name": council_name, "code": code, "in_file": council_row is not None, "held": held is not None},
        "region": {"code": region_code, "name": region.name if region else ""},
        "councils": len(councils),
        "comparators": [{"code": c["code"], "name": c["name"]} for c in comparators],
        "figures": figures,
        "sources": sorted(
            {row.source for row in rows if row.level != dfe.LOCAL_AUTHORITY or row.code in (code, *comparator_codes())}
        ),
        "disclosure": disclosure.DFE_PUBLISHED,
    }


def _region_code(code, council_row):
    if council_row is not None:
        region_code = council_row.region_code
    elif code is not None:
        latest = AreaFigures.objects.filter(level=dfe.LOCAL_AUTHORITY, code=code).order_by("-year").first()
        region_code = latest.region_code if latest else ""
    else:
        chosen = BenchmarkSettings.objects.first()
        region_code = chosen.region_code if chosen else ""
    return dfe.REGION_OF_SUBREGION.get(region_code, region_code)


def england_value(*, column, year):
    """England's published value of a DfE column for a census year: a Value (None with DfE's
    reason, or "not held" when no figures for England are held for the year)."""
    row = AreaFigures.objects.filter(level=dfe.NATIONAL, year=year).first()
    if row is None:
        return Value(None, f"DfE's figures for {year} are not held")
    return _value(row, column, "England", year)


# England's figures by the names `workforce.selectors.workforce_figures` gives them.
WORKFORCE_NAMES = {
    "turnover_rate": "turnover_rate_fte",
    "vacancy_rate": "vacancy_rate_fte",
    "agency_rate": "agency_rate_fte",
    "average_caseload": "caseload_fte",
    "absence_rate": "absence_rate_fte",
}


def england_published():
    """{(figure, year): (value, source)} of England's published figures by the workforce's names
    for them, in one read (the core.national_figures provider). A DfE symbol is left out: there is
    no published number."""
    values = {}
    for row in AreaFigures.objects.filter(level=dfe.NATIONAL):
        for figure, column in WORKFORCE_NAMES.items():
            number, _ = dfe.value_of(row.values.get(column, ""))
            if number is not None:
                values[(figure, row.year)] = (number, row.source)
    return values
