"""What the workforce dashboard and its exports show for one census year, for one reader: the
figures from the public reads (`selectors.workforce_figures_by_year`,
`breakdowns.census_year_breakdowns`) with the reader's disclosure control, then the same figures as tables
(for the page, CSV and XLSX alike) and charts. The page and the exports are built from one
`dashboard_data`, so a download holds exactly what the page shows.

Readers: those with `workforce.view_unsuppressed_figures` (PSW, HR officer, head of service) see
the figures as they are; councillors see them disclosure-controlled. The equality profile is only
for `workforce.view_equality` (PSW, HR officer), unsuppressed; the age and sex of newly qualified
starters, which councillors ask about, are shown to every reader, suppressed for all but the PSW
and HR officers."""

from dataclasses import dataclass, field

from pswhub.core import disclosure
from pswhub.core.presenters import SUPPRESSED

from . import breakdowns, national, selectors
from .presenters import HEADLINES, TREND, small_base

# (figure, label, kind) of the by-team and by-role tables.
GROUP_COLUMNS = [
    ("headcount_in_post", "In post (headcount)", "count"),
    ("fte_in_post", "In post (FTE)", "fte"),
    ("starters_headcount", "Starters", "count"),
    ("leavers_headcount", "Leavers", "count"),
    ("turnover_rate", "Turnover rate ", "rate"),
    ("agency_fte", "Agency (FTE)", "fte"),
    ("agency_rate", "Agency worker rate ", "rate"),
    ("average_caseload", "Average caseload", "caseload"),
    ("absence_rate", "Absence rate ", "rate"),
]
RETENTION_COLUMNS = [
    ("in_post_at_start", "In post at the start (headcount)", "count"),
    ("retained", "Still in post at 30 September", "count"),
    ("left", "No longer in post", "count"),
    ("retention_rate", "Retention rate ", "rate"),
]
# The trend charts: (figure, title); rates are compared with England where it has a value.
TREND_CHARTS = [
    ("fte_in_post", "FTE in post at 30 September"),
    ("turnover_rate", "Turnover rate, per cent"),
    ("vacancy_rate", "Vacancy rate, per cent"),
    ("agency_rate", "Agency worker rate, per cent"),
]

NOT_HELD = "Not held"
EQUALITY_TABLES = [("age", "Age", "Age band"), ("sex", "Sex", "Sex"), ("ethnicity", "Ethnicity", "Ethnicity")]

DEFINITIONS = [
    ("Census year", "1 October to 30 September; stock figures (in post, agency, vacancies, cases) at 30 September."),
    ("In post", "Social workers employed by the council (not agency) who had started by 30 September and had not "
     "left by then. Headcount counts people once (by Social Work England number); FTE is not de-duplicated."),
    ("Starters", "Council-employed people whose role started in the year and who had no earlier role in the year's "
     "return."),
    ("Leavers", "Council-employed people whose role ended in the year and who were not in post on another role at "
     "30 September. A move between teams or roles is not leaving."),
    ("Turnover rate", "FTE leavers in the year divided by FTE in post at 30 September (DfE)."),
    ("Vacancy rate", "Vacancy FTE divided by vacancy FTE plus FTE in post, at 30 September (DfE)."),
    ("Agency worker rate", "Agency FTE divided by agency FTE plus FTE in post, at 30 September (DfE)."),
    ("Average caseload", "Cases at 30 September divided by the FTE of social workers holding at least one case, "
     "agency workers included (DfE)."),
    ("Absence rate", "Working days lost divided by 253 days for each FTE in post; DfE does not publish this "
     "denominator, so it is inferred."),
    ("By team, by role", "The same figures for the lines of each team (that team alone) and each census role. "
     "Vacancies are held for the whole council only."),
    ("Retention rate", "Of the council-employed people in post at 30 September of the year before, the share still "
     "in post, in any role, at 30 September of this year; by the role they held at the start."),
    ("Leavers by reason and destination, starters by origin", "People, each counted once, by the DfE code on their "
     "census line."),
    ("Newly qualified starters", "Starters whose start origin is 'newly qualified social worker', by age at 30 "
     "September and sex."),
    ("Rounding", "Rates are per cent, to one decimal place, rounded half up, as DfE publishes them; FTE to two "
     "decimal places in files."),
]  # fmt: skip


@dataclass
class Reader:
    unsuppressed: bool
    sees_equality: bool

    @classmethod
    def of(cls, user):
        return cls(
            unsuppressed=user.has_perm("workforce.view_unsuppressed_figures"),
            sees_equality=user.has_perm("workforce.view_equality"),
        )


@dataclass
class FigureTable:
    """A table of figures: `rows` are [label, (value, kind), ...]; a value may be `c` or None.
    `small` holds the (row, column) of each rate resting on fewer than 5 people, which the page
    marks as such (`presenters.small_base`); the downloads hold the figures alone."""

    key: str
    caption: str
    head: list
    rows: list = field(default_factory=list)
    small: set = field(default_factory=set)

    def add(self, label, cells, figures=None, names=None):
        """Adds a row of `cells` [(value, kind)], marking each rate of `names` (the figure names of
        the cells) that rests on a small base in `figures` (a dict, or one dict per cell)."""
        row = len(self.rows)
        self.rows.append([label, *cells])
        for column, name in enumerate(names or [], start=1):
            source = figures[column - 1] if isinstance(figures, list) else figures
            if source is not None and small_base(source, name):
                self.small.add((row, column))


def dashboard_data(*, census_year, years, reader):
    """Every figure the dashboard shows for `census_year`, with the reader's disclosure control.
    `years` are the census years held, oldest first. The figures are the public reads the report
    and the command use too (`selectors.workforce_figures_by_year`,
    `breakdowns.census_year_breakdowns`), each kept until the year's lines change."""
    headlines = selectors.workforce_figures_by_year(census_years=years)
    trend = [headlines[year.pk] for year in years]
    detail = breakdowns.census_year_breakdowns(census_year=census_year)
    by_team, by_role, retention = detail["by_team"], detail["by_role"], detail["retention"]
    movement = detail["movement"]
    newly_qualified = detail["newly_qualified" if reader.sees_equality else "newly_qualified_suppressed"]
    if not reader.unsuppressed:
        trend = [selectors.workforce_figures_for_publication(figures) for figures in trend]
        by_team = breakdowns.figures_by_group_for_publication(by_team)
        by_role = breakdowns.figures_by_group_for_publication(by_role)
        retention = breakdowns.retention_for_publication(retention)
        movement = {key: disclosure.suppress_counts(counts) for key, counts in movement.items()}
    else:
        movement = {key: counts | {"total": sum(counts.values())} for key, counts in movement.items()}
    by_year = {figures["year"]: figures for figures in trend}
    return {
        "census_year": census_year,
        "figures": by_year[census_year.year],
        "previous": by_year.get(census_year.year - 1),
        "trend": trend,
        "by_team": by_team,
        "by_role": by_role,
        "retention": retention,
        "england": national.comparison_with_england(by_year[census_year.year]),
        "equality": detail["equality"] if reader.sees_equality else None,
        "newly_qualified": newly_qualified,
        **movement,
    }


def _counts_table(key, caption, heading, counts, unit="People"):
    table = FigureTable(key=key, caption=caption, head=[heading, unit])
    for label, count in counts.items():
        if label != "total":
            table.rows.append([label, (count, "count")])
    if "total" in counts:
        table.rows.append(["Total", (counts["total"], "count")])
    return table


def _group_table(key, caption, heading, rows):
    table = FigureTable(key=key, caption=caption, head=[heading, *(label for _, label, _ in GROUP_COLUMNS)])
    for row in rows:
        table.add(row["team"], [(row[name], kind) for name, _, kind in GROUP_COLUMNS], row,
                  [name for name, *_ in GROUP_COLUMNS])  # fmt: skip
    return table


def dashboard_tables(data):
    """The dashboard's figures as tables, in the order the page shows them."""
    year = data["census_year"].year
    figures, previous, nqsw = data["figures"], data["previous"], data["newly_qualified"]
    headlines = FigureTable(
        key="headlines",
        caption=f"Headline figures, census year {year}",
        head=["Figure", str(year), *([str(year - 1)] if previous else [])],
    )
    shown = [figures, *([previous] if previous else [])]
    for name, label, kind in HEADLINES:
        headlines.add(label, [(one[name], kind) for one in shown], shown, [name] * len(shown))
    england = FigureTable(
        key="england",
        caption=f"The council against England, census year {year}",
        head=["Figure", "Council", "England", "Source of England's figure"],
    )
    for row in data["england"]:
        kind = "caseload" if row["figure"] == "average_caseload" else "rate"
        held = (row["england"], kind) if row["england"] is not None else (NOT_HELD, "text")
        england.add(label=row["label"], cells=[(row["council"], kind), held, (row["source"], "text")],
                    figures=[figures, None, None], names=[row["figure"], "", ""])  # fmt: skip
    trend = FigureTable(key="trend", caption="Trend over the census years held", head=["Census year"])
    trend.head += [label for _, label, _ in TREND]
    for row in data["trend"]:
        trend.add(str(row["year"]), [(row[name], kind) for name, _, kind in TREND], row, [name for name, *_ in TREND])
    retention = FigureTable(
        key="retention",
        caption=f"Retention by role at the start of the year, census year {year}",
        head=["Role group", *(label for _, label, _ in RETENTION_COLUMNS)],
    )
    for row in data["retention"]:
        cells = [(row[name], kind) for name, _, kind in RETENTION_COLUMNS]
        retention.add(row["label"], cells, row, [name for name, *_ in RETENTION_COLUMNS])
    counted = [
        ("leavers_reason", f"Leavers in {year} by reason for leaving", "Reason", data["leavers_by_reason"]),
        ("leavers_destination", f"Leavers in {year} by destination", "Destination", data["leavers_by_destination"]),
        ("starters_origin", f"Starters in {year} by origin", "Origin", data["starters_by_origin"]),
        ("nqsw_age", f"Newly qualified starters in {year} by age at 30 September", "Age band", nqsw["age"]),
        ("nqsw_sex", f"Newly qualified starters in {year} by sex", "Sex", nqsw["sex"]),
    ]
    if data["equality"]:
        in_post = f"of social workers in post at 30 September {year}"
        counted += [
            (f"equality_{key}", f"{caption} {in_post}", heading, data["equality"][key])
            for key, caption, heading in EQUALITY_TABLES
        ]
    return [
        headlines,
        england,
        trend,
        _group_table("by_team", f"By team, census year {year}", "Team", data["by_team"]),
        _group_table("by_role", f"By role, census year {year}", "Role", data["by_role"]),
        retention,
        *(_counts_table(*table) for table in counted),
    ]


def _chart_value(value):
    return value if value in (SUPPRESSED, None) else float(value)


def dashboard_charts(data):
    """Charts of the trend (with England where it has a value) and of leavers by reason."""
    years = [row["year"] for row in data["trend"]]
    charts = []
    values = national.england_values()
    for name, title in TREND_CHARTS:
        series = [{"name": "Council", "values": [_chart_value(row[name]) for row in data["trend"]]}]
        england = [national.england_value(figure=name, year=year, values=values) for year in years]
        if name != "fte_in_post" and any(england):
            series.append({"name": "England", "values": [float(value.value) if value else None for value in england]})
        described = "; ".join(
            f"{year}: " + ", ".join(f"{one['name']} {_described(one['values'][index])}" for one in series)
            for index, year in enumerate(years)
        )
        charts.append(
            {
                "id": f"trend-{name.replace('_', '-')}",
                "title": f"{title}, by census year",
                "description": f"Bar chart of the {title.lower()} for each census year held. {described}.",
                "categories": [str(year) for year in years],
                "series": series,
                "places": 1,
            }
        )
    reasons = {label: count for label, count in data["leavers_by_reason"].items() if label != "total"}
    if reasons:
        charts.append(
            {
                "id": "leavers-by-reason",
                "title": f"Leavers in {data['census_year'].year} by reason for leaving",
                "description": "Bar chart of leavers by reason. "
                + "; ".join(f"{label}: {_described(count)}" for label, count in reasons.items())
                + ".",
                "categories": list(reasons),
                "series": [{"name": "Leavers", "values": list(reasons.values())}],
            }
        )
    return charts


def _described(value):
    if value == SUPPRESSED:
        return "not shown (small number)"
    if value is None:
        return "no figure"
    return f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
