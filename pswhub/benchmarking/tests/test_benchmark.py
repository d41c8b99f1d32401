"""The council beside its region, England and comparator councils, worked out by hand from rows of
DfE's bundled file (benchmarking/data/csww_indicators_2017_to_2023.csv)."""

from decimal import Decimal

import pytest

from pswhub.benchmarking import dfe, presenters, selectors, services
from pswhub.benchmarking.models import AreaFigures
from pswhub.core.tests.factories import AuthorityFactory


@pytest.fixture
def figures(db):
    # The migration loads the file; a test after a browser test finds the table emptied.
    services.bundled_figures_load()


@pytest.fixture
def wandsworth(figures):
    return AuthorityFactory(name="Wandsworth Council", la_code="212")


def _figure(data, column):
    return next(figure for figure in data["figures"] if figure["figure"] == column)


def test_the_bundled_file_is_held_whole(figures):
    # 1,137 rows in the file: 7 years of England (7), 11 regions a year (77) and 150 to 151
    # councils a year (1,053).
    assert AreaFigures.objects.count() == 1137
    assert AreaFigures.objects.filter(level=dfe.NATIONAL).count() == 7
    assert AreaFigures.objects.filter(level=dfe.REGIONAL).count() == 77


def test_worcestershire_2022_agency_headcount_is_dfes(figures):
    # The README's check: Worcestershire (885) 2022 gives 31 agency social workers (headcount).
    worcestershire = AuthorityFactory(name="Worcestershire County Council", la_code="885")
    data = selectors.benchmark(authority=worcestershire, year=2022)
    assert _figure(data, "agency_headcount")["council"].number == Decimal(31)
    assert data["region"]["name"] == "West Midlands"


def test_wandsworth_2023_turnover_beside_london_and_england(wandsworth):
    data = selectors.benchmark(authority=wandsworth, year=2023)
    turnover = _figure(data, "turnover_rate_fte")
    # Wandsworth's row: 29 FTE leavers and 192 FTE in post; 29 / 192 = 0.15104, 15.1%.
    assert turnover["council"].number == Decimal("15.1")
    # DfE lists Wandsworth under Inner London (E13000001); its region is London (E12000007), whose
    # 2023 row gives 16.5; England's gives 15.9.
    assert data["region"] == {"code": "E12000007", "name": "London"}
    assert turnover["region"].number == Decimal("16.5")
    assert turnover["england"].number == Decimal("15.9")
    # 151 councils in 2023; the Isles of Scilly's turnover is `z`, so 150 have a number. Counted
    # from the file's 2023 council rows (a CSV reader, turnover_rate_fte < 15.1): 64 are lower, so
    # Wandsworth is 65th lowest; Merton shares its 15.1.
    assert turnover["rank"] == (65, 150)
    assert presenters.headline_sentence(data, "turnover_rate_fte") == (
        "The turnover rate was 15.1%, against 16.5% across London and 15.9% in England: the 65th lowest of 150 councils."
    )


def test_rank_counts_councils_that_share_a_value_once(figures):
    # A file of four councils, by hand: turnover 10.0, 12.5, 12.5 and 20.0. The two at 12.5
    # share 2nd (one council is lower); the council at 20.0 is 4th (three are lower).
    header = ",".join(dfe.REQUIRED_COLUMNS)
    blank = "," * (len(dfe.FIGURE_COLUMNS) - 1)

    def row(level, region, code, name, turnover):
        values = blank.split(",")
        values[dfe.FIGURE_COLUMNS.index("turnover_rate_fte")] = turnover
        return f"2031,{level},{region},Region,{code},{name}," + ",".join(values)

    lines = [
        header,
        row("National", "", "", "", "14.0"),
        row("Regional", "E12000009", "", "", "13.0"),
        *(
            row("Local authority", "E12000009", code, f"Council {code}", turnover)
            for code, turnover in [("901", "10.0"), ("902", "12.5"), ("903", "12.5"), ("904", "20.0")]
        ),
    ]
    read = dfe.rows_read(content="\n".join(lines).encode())
    assert read.is_valid, read.problems
    services.area_figures_save(rows=read.rows, source="A test file")
    for code, rank in [("901", (1, 4)), ("902", (2, 4)), ("903", (2, 4)), ("904", (4, 4))]:
        data = selectors.benchmark(authority=AuthorityFactory(name=f"Council {code}", la_code=code), year=2031)
        assert _figure(data, "turnover_rate_fte")["rank"] == rank, code
    assert selectors.rank_text((2, 4)) == "2nd lowest of 4"


def test_comparators_show_their_own_figures_and_dfes_symbols_say_why(wandsworth):
    # Kensington and Chelsea (207) has `x` for its 2023 agency worker rate; Camden (202) 14.1.
    services.comparators_set(codes=["202", "207"])
    data = selectors.benchmark(authority=wandsworth, year=2023)
    assert [comparator["name"] for comparator in data["comparators"]] == ["Camden", "Kensington and Chelsea"]
    agency = _figure(data, "agency_rate_fte")
    # Wandsworth: 34.8 agency FTE and 192 in post; 34.8 / (34.8 + 192) = 0.1534, 15.3%.
    assert agency["council"].number == Decimal("15.3")
    camden, kensington = agency["comparators"]
    assert camden.number == Decimal("14.1")
    assert kensington.number is None and kensington.reason == "not available"
    row = next(row for row in presenters.comparison_rows(data) if row["figure"] == "agency_rate_fte")
    assert row["comparators"] == ["14.1%", "Not available"]


def test_a_merged_council_is_found_by_either_code(figures):
    kingston = AuthorityFactory(name="Kingston upon Thames", la_code="314")
    data = selectors.benchmark(authority=kingston, year=2023)
    assert data["council"]["code"] == "314 / 318"
    # Its 2023 row: turnover 11.9.
    assert _figure(data, "turnover_rate_fte")["council"].number == Decimal("11.9")


def test_a_council_not_in_the_file_uses_the_region_the_psw_chose(figures):
    trial = AuthorityFactory(name="Northshire County Council", la_code="999")
    services.region_set(region_code="E12000004")
    data = selectors.benchmark(authority=trial, year=2023)
    assert data["council"]["in_file"] is False
    assert data["region"]["name"] == "East Midlands"
    turnover = _figure(data, "turnover_rate_fte")
    assert turnover["council"].number is None
    assert turnover["council"].reason == "DfE has published no figures for Northshire County Council for 2023"
    assert turnover["rank"] is None


def test_a_year_dfe_has_not_published_has_no_benchmark(wandsworth):
    assert selectors.benchmark(authority=wandsworth, year=2025) is None
    assert (
        selectors.england_value(column="turnover_rate_fte", year=2025).reason == "DfE's figures for 2025 are not held"
    )


def test_a_comparator_must_be_a_council(figures):
    with pytest.raises(ValueError, match="999 is not a council"):
        services.comparators_set(codes=["999"])


def test_englands_figures_are_offered_to_the_workforce_through_core(figures):
    from pswhub.core import national_figures

    # England's 2023 row: turnover 15.9, caseload 16 (DfE writes it without a decimal place).
    assert national_figures.england_value(figure="turnover_rate", year=2023) == (Decimal("15.9"), dfe.BUNDLED_SOURCE)
    assert national_figures.england_value(figure="average_caseload", year=2023)[0] == Decimal("16")
    assert national_figures.england_value(figure="turnover_rate", year=2025) is None


def test_a_later_years_dfe_figures_reach_the_workforce_comparison_with_england(figures):
    from pswhub.workforce import national

    # 2025 is in neither the bundled file nor the series the workforce app ships; once DfE's 2025
    # file is held (an upload leaves a row like this one), England's 2025 turnover is its value.
    assert national.england_value(figure="turnover_rate", year=2025) is None
    AreaFigures.objects.create(
        year=2025,
        level=dfe.NATIONAL,
        code="E92000001",
        name="England",
        values={"turnover_rate_fte": "14.7"},
        source="DfE, Children's social work workforce 2025",
    )
    held = national.england_value(figure="turnover_rate", year=2025)
    assert (held.value, held.source) == (Decimal("14.7"), "DfE, Children's social work workforce 2025")
    # Where both hold a year, DfE's file is read: England 2023's caseload of 16 reads 16.0.
    assert national.england_value(figure="average_caseload", year=2023).value == Decimal("16.0")
