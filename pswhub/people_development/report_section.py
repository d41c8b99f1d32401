"""The people development section of the annual report (docs/reporting.md): routes into social
work, early careers and progression for the period against the same days a year before.

Every count is of people, so the section shows the figures with disclosure control
(`figures.figures_suppressed`), as a published report must."""

from pswhub.core.report_sections import Chart, SectionData, Table, compare, say, suppression_note

from . import figures, reference

NO_DATA = (
    "PSW Hub holds no student placements, early career programmes or progression applications for {label} "
    "or the year before."
)

# (figure, label in the table); each a count of people.
ROWS = [
    ("final_placement_students_hired", "Final placement students later employed"),
    ("programme_started", "Newly qualified social workers starting a programme"),
    ("newly_qualified_recruited_after_final_placement_here", "Of them, had their final placement here"),
    ("programme_passed", "Passed the programme"),
    ("in_programme_at_end", "On a programme at the end of the period"),
    ("left_during_or_within_12_months_of_completing", "Starters who left during or within 12 months of completing"),
    ("progression_applications", "Progression applications"),
    ("progressed", "Progressed at a panel"),
    ("new_practice_educators", "New practice educators"),
]
HEADLINE = ["placements", "programme_started", "programme_passed", "progressed"]


def _has_data(raw):
    return any(raw[key] for key in [*HEADLINE, "in_programme_at_end", "progression_applications"])


class PeopleDevelopmentSection:
    key = "people_development"
    title = "Routes into social work, early careers and progression"
    order = 50

    def build(self, period, services):
        previous = period.previous()
        raw_now = figures.figures_for(period=period, services=services)
        raw_before = figures.figures_for(period=previous, services=services)
        if not (_has_data(raw_now) or _has_data(raw_before)):
            return SectionData(
                key=self.key, title=self.title, figures={}, comparison=NO_DATA.format(label=period.label)
            )
        now, before = figures.figures_suppressed(raw_now), figures.figures_suppressed(raw_before)
        names = {code: name for code, name, _order in reference.ROUTES}
        route_rows = [
            [f"Placements: {names[code]}", before["placements_by_route"][code], now["placements_by_route"][code]]
            for code in names
        ]
        rows = [*route_rows, ["Placements: total", before["placements"], now["placements"]]]
        rows += [[label, before[key], now[key]] for key, label in ROWS]
        for months in figures.RETENTION_MONTHS:
            key = str(months)
            rows.append(
                [
                    f"Still employed {months} months after passing",
                    before["retention_after_completing"][key]["still_employed"],
                    now["retention_after_completing"][key]["still_employed"],
                ]
            )
        for group, prefix in (("age", "Starters aged"), ("sex", "Starters:")):
            for label, value in now["starters_by_age_and_sex"][group].items():
                rows.append(
                    [f"{prefix} {label[0].lower()}{label[1:]}", before["starters_by_age_and_sex"][group][label], value]
                )
        passed = now["passed_since_start_and_still_employed"]
        comparison = " ".join(
            [
                compare(
                    current=now["programme_started"],
                    previous=before["programme_started"],
                    previous_label=previous.label,
                    unit="newly qualified social workers",
                    what="started an early career programme in " + period.label,
                ),
                compare(
                    current=now["placements"],
                    previous=before["placements"],
                    previous_label=previous.label,
                    unit="student placements",
                    what="started",
                ),
            ]
        )
        narrative = (
            f"Of everyone who has passed an early career programme by {period.label}'s end, "
            f"{say(passed['still_employed'])} of {say(passed['passed'])} were still employed by the council. "
            f"{say(now['progressed'], 'social workers')} progressed at a career progression panel in the period."
        )
        return SectionData(
            key=self.key,
            title=self.title,
            figures={"current": now, "previous": before},
            comparison=comparison,
            narrative=narrative,
            chart=Chart(
                title=f"Student placements by route, {previous.label} and {period.label}",
                description="Bar chart of student placements starting in each period, by route. "
                + " ".join(
                    f"{row[0][12:]}: {row[1]} in {previous.label} and {row[2]} in {period.label}." for row in route_rows
                ),
                categories=[row[0][12:] for row in route_rows],
                series=[
                    {"name": previous.label, "values": [row[1] for row in route_rows]},
                    {"name": period.label, "values": [row[2] for row in route_rows]},
                ],
                unit="placements",
            ),
            table=Table(
                caption="Routes into social work, early careers and progression",
                head=["Figure", previous.label, period.label],
                rows=rows,
                numeric_columns=[1, 2],
            ),
            notes=[
                "A placement counts in the period it starts (1 September of its academic year when no start "
                "date is recorded). Leaving and retention are as known on the period's last day.",
                "Age is on the day the programme started; sex is from the workforce record.",
                suppression_note(),
            ],
        )
